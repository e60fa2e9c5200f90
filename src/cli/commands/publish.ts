import { openExperiment } from "../../experiments/open-experiment.js";
import { publishSummary } from "../../runlog/governance.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";
import { expectPositionals, requireOption } from "../positionals.js";

const USAGE = `livinglab publish <experiment> --to "<lezers>" [--file <pad>] [--run <run>] [--root <map>]

  --to <lezers>        aan wie de samenvatting is gegeven, bijvoorbeeld de opdrachtgever
  --file <pad>         het gepubliceerde bestand (standaard: rapport/samenvatting.html)
  --run <run>          de run die zij samenvat (standaard: de laatste afgeronde run)
  --root <map>         de map van het lab (standaard: de huidige map)

  Het logboek bewaart de hash van precies het bestand dat de lezers kregen.`;

export const publishCommand: Command = {
  name: "publish",
  summary: "Leg vast dat een samenvatting is gepubliceerd, met de hash van het bestand",
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      { to: { type: "string" }, file: { type: "string" }, run: { type: "string" }, root: { type: "string" } },
      "publish",
    );
    const [experiment = ""] = expectPositionals(positionals, 1, 1, USAGE);
    const workspace = openWorkspace(values.root);
    const published = await publishSummary(workspace, await openExperiment(workspace, experiment), {
      aan: requireOption(values.to, "to", USAGE),
      ...(values.file !== undefined && { file: values.file }),
      ...(values.run !== undefined && { run: values.run }),
    });
    console.log(`Publicatie van ${published.file.path} aan ${published.aan} vastgelegd als record ${published.seq}.`);
    return EXIT.ok;
  },
};
