import { LivingLabError } from "../../errors/problem.js";
import { profileFile } from "../../pipeline/profile-file.js";
import type { ColumnProfile, ValueCount } from "../../profile/profile-dataset.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { ctrlCSignal } from "../ctrl-c.js";
import { parseOptions } from "../parse-options.js";

function line(c: ColumnProfile): string {
  const empty = c.empty_share === null ? String(c.empty) : `${(c.empty_share * 100).toFixed(1)}%`;
  const counted = (v: ValueCount, width = 40) => `${v.value.slice(0, width)}${v.count === null ? "" : ` (${v.count})`}`;
  const values =
    c.values.length > 0
      ? `waarden: ${c.values
          .slice(0, 5)
          .map((v) => counted(v))
          .join(", ")}`
      : "";
  const shapes = c.shapes.length > 0 ? `vormen: ${c.shapes.map((s) => counted(s, 30)).join(", ")}` : "";
  const range = c.range ? `  van ${c.range.from} tot en met ${c.range.to}` : "";
  return `${c.name.padEnd(20)} ${c.type.padEnd(12)} leeg ${empty.padStart(6)}  uniek ${String(c.distinct).padStart(8)}${range}\n${" ".repeat(21)}${[values, shapes].filter(Boolean).join("  ")}`;
}

export const profileCommand: Command = {
  name: "profile",
  summary: "Profileer elke kolom van een dataset en stel een startsuite voor",
  usage: `livinglab profile <bestand of dataset> --justification "<tekst>" [--json <bestand>] [--suite <suite.yaml>] [--starter <bestand>]

  <bestand of dataset>   een Parquet-, CSV- of DuckDB-bestand, of de naam van een dataset uit --suite
  --justification <t>    waarom deze run (verplicht; komt in het logboek van het experiment)
  --reuse-justification <run>
                         dezelfde verantwoording als een eerdere run (id, of de eerste 8 tekens)
  --json <bestand>       schrijf het profiel als JSON
  --starter <bestand>    schrijf de voorgestelde startsuite (YAML); zonder deze optie staat ze op het scherm

Waarden worden alleen getoond voor codelijsten: kolommen met hoogstens 20 verschillende waarden die
elk in minstens 5 rijen staan. Van vrije tekst ziet u alleen de vormen (9 = cijfer, A = hoofdletter,
a = kleine letter) die in minstens 5 rijen voorkomen. Van getallen en datums ziet u geen kleinste of
grootste waarde, maar grenzen met minstens 5 rijen erbuiten, afgerond. Aantallen onder de 5 staan er
als "< 5": het profiel en de startsuite mogen zo worden gedeeld.`,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      {
        justification: { type: "string" },
        "reuse-justification": { type: "string" },
        json: { type: "string" },
        suite: { type: "string" },
        starter: { type: "string" },
        root: { type: "string" },
      },
      "profile",
    );
    const [target] = positionals;
    if (!target || positionals.length > 1) {
      throw new LivingLabError({ code: "usage", message: "Geef precies één bestand of dataset op.", hint: this.usage });
    }
    const run = await profileFile({
      signal: ctrlCSignal(),
      target,
      justification: values.justification ?? "",
      ...(values["reuse-justification"] !== undefined && { reuseJustification: values["reuse-justification"] }),
      ...(values.json !== undefined && { json: values.json }),
      ...(values.suite !== undefined && { suite: values.suite }),
      ...(values.starter !== undefined && { starter: values.starter }),
      ...(values.root !== undefined && { workspace: openWorkspace(values.root) }),
    });
    console.log(`${run.profile.dataset}: ${run.profile.rows} rijen\n`);
    console.log(run.profile.columns.map(line).join("\n"));
    console.log(values.starter ? `\nStartsuite geschreven naar ${values.starter}.` : `\n${run.starter}`);
    return EXIT.ok;
  },
};
