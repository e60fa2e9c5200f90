import { exitCodeOf } from "../../checks/check-result.js";
import { LivingLabError } from "../../errors/problem.js";
import { runCheckSuite } from "../../pipeline/check-suite.js";
import { outcomeWords } from "../../runlog/outcome-words.js";
import { openWorkspace } from "../../workspace.js";
import type { Command } from "../command.js";
import { ctrlCSignal } from "../ctrl-c.js";
import { connectionOptions, ENGINE_HELP, engineOption, engineOptions, engineResources } from "../engine-option.js";
import { parseOptions } from "../parse-options.js";
import { formatResultTable } from "../result-table.js";

export const checkCommand: Command = {
  name: "check",
  summary: "Voer een suite met datakwaliteitscontroles uit (DuckDB, PostgreSQL of Spark)",
  usage: `livinglab check <suite> --justification "<tekst>" [--engine duckdb|postgres|spark] [--data <map>] [--json <bestand>]

  <suite>                het suite-bestand (YAML) in de map van een experiment
  --justification <t>    waarom deze run, op deze data, nu (verplicht; komt in het logboek)
  --reuse-justification <run>
                         dezelfde verantwoording als een eerdere run (id, of de eerste 8 tekens)
  --data <map>           een andere kopie van de datasets: dezelfde bestandsnamen, in deze map
  --json <bestand>       schrijf de uitkomsten ook als JSON
${ENGINE_HELP}
  --reference-date <d>   de peildatum (JJJJ-MM-DD) voor relatieve datums en actualiteit
  --root <map>           de map van het lab (standaard: afgeleid uit de suite)

Eerst gelden de poorten: zonder verantwoording, of met een poort dicht, wordt er geen data gelezen
en niets geschreven. De run legt vast wat de engine las: per dataset de vingerafdruk van de inhoud
en de hash van het bestand, de hash van de suite en de kolommen die elke controle gebruikte.

Exitcodes: 0 alles in orde, 1 een controle afgekeurd, 2 alleen waarschuwingen of niet beoordeeld,
3 fout in gebruik of invoer, of een fout in het programma.`,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      {
        justification: { type: "string" },
        "reuse-justification": { type: "string" },
        data: { type: "string" },
        json: { type: "string" },
        "reference-date": { type: "string" },
        root: { type: "string" },
        ...engineOptions,
      },
      "check",
    );
    const [suite] = positionals;
    if (!suite || positionals.length > 1) {
      throw new LivingLabError({ code: "usage", message: "Geef precies één suite-bestand op.", hint: this.usage });
    }
    const run = await runCheckSuite({
      signal: ctrlCSignal(),
      suite,
      justification: values.justification ?? "",
      ...(values["reuse-justification"] !== undefined && { reuseJustification: values["reuse-justification"] }),
      engine: engineOption(values.engine, "check"),
      resources: engineResources(values),
      ...(values.data !== undefined && { dataDir: values.data }),
      ...(values.json !== undefined && { json: values.json }),
      ...connectionOptions(values),
      ...(values["reference-date"] !== undefined && { referenceDate: values["reference-date"] }),
      ...(values.root !== undefined && { workspace: openWorkspace(values.root) }),
    });
    console.log(formatResultTable(run.result.checks));
    console.log(
      `\nUitkomst: ${outcomeWords[run.result.outcome] ?? run.result.outcome}. Run ${run.record.id} staat in het logboek (record ${run.record.seq}).`,
    );
    return exitCodeOf(run.result.outcome);
  },
};
