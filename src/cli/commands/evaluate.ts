import { LivingLabError } from "../../errors/problem.js";
import { evaluateSuite } from "../../pipeline/evaluate-suite.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { ctrlCSignal } from "../ctrl-c.js";
import { connectionOptions, ENGINE_HELP, engineOption, engineOptions, engineResources } from "../engine-option.js";
import { parseOptions } from "../parse-options.js";

const share = (value: number | null) => (value === null ? "–" : value.toFixed(3));

export const evaluateCommand: Command = {
  name: "evaluate",
  summary: "Het examen: vergelijk wat een suite vindt met de grondwaarheid van synthetische data",
  usage: `livinglab evaluate <suite> --data <map> --truth <grondwaarheid> --justification "<tekst>" [--json <bestand>]

  De vergelijking gebeurt in de engine, waar de data staat: alleen de aantallen per soort fout
  komen terug.

  <suite>                het suite-bestand; checks met 'finds' tellen mee voor die soort fout
  --data <map>           de map met de gegenereerde datasets
  --truth <bestand>      de grondwaarheid (Parquet of CSV met kind, table_name, row_key); bij spark
                         een pad dat de cluster leest
  --truth-table <naam>   of: de grondwaarheid als tabel op de server (postgres, spark)
  --justification <t>    waarom deze run (verplicht; komt in het logboek)
  --reuse-justification <run>
                         dezelfde verantwoording als een eerdere run (id, of de eerste 8 tekens)
  --json <bestand>       schrijf per soort fout kind, recall en precision als JSON-lijst
${ENGINE_HELP}
  --reference-date <d>   de peildatum (JJJJ-MM-DD)

Exitcodes: 0 elke soort fout met recall en precisie 1,0; 1 een soort daaronder; 3 fout in gebruik of invoer.`,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      {
        justification: { type: "string" },
        "reuse-justification": { type: "string" },
        data: { type: "string" },
        truth: { type: "string" },
        "truth-table": { type: "string" },
        json: { type: "string" },
        "reference-date": { type: "string" },
        root: { type: "string" },
        ...engineOptions,
      },
      "evaluate",
    );
    const [suite] = positionals;
    const truths = [values.truth, values["truth-table"]].filter((t) => t !== undefined);
    if (!suite || positionals.length > 1 || !values.data || truths.length !== 1) {
      throw new LivingLabError({
        code: "usage",
        message: "Geef één suite-bestand, --data <map> en --truth <grondwaarheid> (of --truth-table <naam>).",
        hint: this.usage,
      });
    }
    const evaluation = await evaluateSuite({
      signal: ctrlCSignal(),
      suite,
      dataDir: values.data,
      ...(values.truth !== undefined && { truth: values.truth }),
      ...(values["truth-table"] !== undefined && { truthTable: values["truth-table"] }),
      justification: values.justification ?? "",
      ...(values["reuse-justification"] !== undefined && { reuseJustification: values["reuse-justification"] }),
      engine: engineOption(values.engine, "evaluate"),
      resources: engineResources(values),
      ...(values.json !== undefined && { json: values.json }),
      ...connectionOptions(values),
      ...(values["reference-date"] !== undefined && { referenceDate: values["reference-date"] }),
      ...(values.root !== undefined && { workspace: openWorkspace(values.root) }),
    });
    const width = Math.max(12, ...evaluation.scores.map((s) => s.kind.length));
    console.log(`${"soort fout".padEnd(width)}  recall  precisie  in waarheid  gevonden  gemeld`);
    for (const s of evaluation.scores) {
      console.log(
        `${s.kind.padEnd(width)}  ${share(s.recall).padStart(6)}  ${share(s.precision).padStart(8)}  ${String(s.truth_count).padStart(11)}  ${String(s.found_count).padStart(8)}  ${String(s.flagged_count).padStart(6)}`,
      );
    }
    console.log(
      `\n${evaluation.passed ? "Geslaagd" : "Niet geslaagd"}. Run ${evaluation.record.id} staat in het logboek.`,
    );
    return evaluation.passed ? EXIT.ok : EXIT.checksFailed;
  },
};
