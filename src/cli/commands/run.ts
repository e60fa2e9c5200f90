import { LivingLabError } from "../../errors/problem.js";
import { runExperiment } from "../../pipeline/run-experiment.js";
import { outcomeWords } from "../../runlog/outcome-words.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";

export const runCommand: Command = {
  name: "run",
  summary: "Voer een experiment van begin tot eind uit (data, controles, logboek, samenvatting)",
  usage: `livinglab run <experiment> --justification "<tekst>" [--root <map>]
livinglab run <experiment> --reuse-justification <run> [--root <map>]

  <experiment>           id van een map onder experiments/, of een pad
  --justification <t>    waarom deze run, op deze data, nu (verplicht, of:)
  --reuse-justification <run>
                         dezelfde verantwoording als een eerdere run (id, of de eerste 8 tekens)
  --root <map>           de map van het lab (standaard: de huidige map)

  De samenvatting is een concept. Definitief wordt ze pas met 'livinglab publish', nadat
  iemand anders dan de maker deze run heeft goedgekeurd met 'livinglab review'.`,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      {
        justification: { type: "string" },
        "reuse-justification": { type: "string" },
        root: { type: "string" },
      },
      "run",
    );
    const [experiment] = positionals;
    if (!experiment || positionals.length > 1) {
      throw new LivingLabError({ code: "usage", message: "Geef precies één experiment op.", hint: this.usage });
    }
    const run = await runExperiment({
      workspace: openWorkspace(values.root),
      experiment,
      ...(values.justification !== undefined && { justification: values.justification }),
      ...(values["reuse-justification"] !== undefined && { reuseJustification: values["reuse-justification"] }),
      onStep: (message) => console.log(`• ${message}`),
    });
    const outcome = run.result.outcome;
    console.log(`Uitkomst: ${outcomeWords[outcome] ?? outcome}.`);
    return outcome === "failed" ? EXIT.checksFailed : outcome === "warned" ? EXIT.warnings : EXIT.ok;
  },
};
