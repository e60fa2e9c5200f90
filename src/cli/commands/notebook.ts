import { relative } from "node:path";
import { LivingLabError } from "../../errors/problem.js";
import { runNotebook } from "../../notebook/run-notebook.js";
import { outcomeWords } from "../../runlog/outcome-words.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";

export const notebookCommand: Command = {
  name: "notebook",
  summary: "Voer een notebook uit als één run, met parameters; de uitgevoerde kopie blijft bij de run",
  usage: `livinglab notebook run <notebook> [--param <naam>=<waarde> ...] --justification "<tekst>" [--experiment <id>] [--root <map>]

  <notebook>             een .ipynb-bestand
  --param <naam>=<waarde>
                         een waarde voor de cel met de tag 'parameters' (herhaal voor meer);
                         het type volgt de standaardwaarde in die cel
  --justification <t>    waarom deze run, op deze data, nu (verplicht, of:)
  --reuse-justification <run>
                         dezelfde verantwoording als een eerdere run
  --experiment <id>      het experiment in welk logboek de run komt (standaard: de metadata
                         "livinglab": { "experiment": ... } van het notebook)
  --timeout <seconden>   hoe lang één cel mag duren (standaard: geen grens)
  --root <map>           de map van het lab (standaard: de huidige map)

  Het notebook draait op de TypeScript-kernel (tslab). De analyses die het maakt komen in het
  logboek als onderdeel van deze run. De uitgevoerde kopie staat daarna in
  rapport/runs/<run>.ipynb en .html. Een cel met een fout maakt de run mislukt (exit 3).`,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      {
        param: { type: "string", multiple: true },
        justification: { type: "string" },
        "reuse-justification": { type: "string" },
        experiment: { type: "string" },
        timeout: { type: "string" },
        root: { type: "string" },
      },
      "notebook",
    );
    const [action, notebook, ...rest] = positionals;
    if (action !== "run" || !notebook || rest.length > 0) {
      throw new LivingLabError({
        code: "usage",
        message: "Gebruik: livinglab notebook run <notebook>.",
        hint: this.usage,
      });
    }
    const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
    if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0)) {
      throw new LivingLabError({
        code: "usage",
        message: "--timeout is een heel aantal seconden, groter dan 0.",
        hint: this.usage,
      });
    }
    const workspace = openWorkspace(values.root);
    console.log(`• Notebook ${notebook} uitvoeren op de TypeScript-kernel`);
    const run = await runNotebook(workspace, {
      notebook,
      params: values.param ?? [],
      ...(values.experiment !== undefined && { experiment: values.experiment }),
      ...(values.justification !== undefined && { justification: values.justification }),
      ...(values["reuse-justification"] !== undefined && { reuseJustification: values["reuse-justification"] }),
      ...(timeout !== undefined && { timeoutSeconds: timeout }),
    });
    const where = (path: string | undefined) => (path ? relative(process.cwd(), path) : "");
    console.log(
      `Run ${run.record.id.slice(0, 8)} vastgelegd, met ${run.children.length} analyses als onderdeel ervan.`,
    );
    for (const child of run.children)
      console.log(
        `  - ${child.analysis.name}: ${outcomeWords[child.outcome] ?? child.outcome} (${child.id.slice(0, 8)})`,
      );
    if (run.executed) console.log(`Uitgevoerd notebook: ${where(run.executed)}\nAls webpagina: ${where(run.html)}`);
    if (run.failedCell !== undefined) {
      console.error(`${run.record.error?.message ?? ""} (notebook_cell_failed)`);
      return EXIT.error;
    }
    console.log(`Uitkomst: ${outcomeWords.completed}.`);
    return EXIT.ok;
  },
};
