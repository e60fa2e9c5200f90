import { LivingLabError } from "../../errors/problem.js";
import { loadData } from "../../pipeline/load-data.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";

export const loadCommand: Command = {
  name: "load",
  summary: "Kopieer een dataset in één keer naar PostgreSQL (COPY)",
  usage: `livinglab load <bestand of suite> --engine postgres --justification "<tekst>" [--table <naam>] [--data <map>] [--suite <suite>] [--pg-url <url>]

  <bestand>              een Parquet-, CSV- of DuckDB-bestand; of een suite (.yaml): al haar datasets
  --engine postgres      de engine om naar te laden (nu alleen postgres)
  --justification <t>    waarom deze kopie, van deze data, nu (verplicht; komt in het logboek)
  --table <naam>         de tabelnaam (standaard: de bestandsnaam zonder extensie)
  --data <map>           bij een suite: een andere kopie van de datasets
  --suite <suite>        bij een los bestand buiten een experiment: een suite van het experiment
  --pg-url <url>         PostgreSQL-verbinding; zonder deze optie gelden PGHOST, PGPORT, PGUSER, ...
  --root <map>           de map van het lab (standaard: afgeleid uit het bestand)

Kopiëren is verwerken: het gaat door dezelfde poorten als een analyse en staat in het logboek.
Een tabel met dezelfde naam wordt in één transactie vervangen: mislukt het laden, dan blijft de oude staan.`,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      {
        engine: { type: "string" },
        table: { type: "string" },
        data: { type: "string" },
        suite: { type: "string" },
        justification: { type: "string" },
        "reuse-justification": { type: "string" },
        "pg-url": { type: "string" },
        root: { type: "string" },
      },
      "load",
    );
    const [target] = positionals;
    if (!target || positionals.length > 1) {
      throw new LivingLabError({ code: "usage", message: "Geef precies één bestand of suite op.", hint: this.usage });
    }
    if (values.engine !== "postgres") {
      throw new LivingLabError({
        code: "usage",
        message: "Laden kan alleen naar PostgreSQL; DuckDB leest de bestanden zelf.",
        hint: "Gebruik --engine postgres.",
      });
    }
    const { loaded, record } = await loadData({
      target,
      justification: values.justification ?? "",
      ...(values["reuse-justification"] !== undefined && { reuseJustification: values["reuse-justification"] }),
      ...(values.table !== undefined && { table: values.table }),
      ...(values.data !== undefined && { dataDir: values.data }),
      ...(values.suite !== undefined && { suite: values.suite }),
      ...(values["pg-url"] !== undefined && { pgUrl: values["pg-url"] }),
      ...(values.root !== undefined && { workspace: openWorkspace(values.root) }),
    });
    for (const table of loaded) console.log(`• ${table.rows} rijen geladen in tabel ${table.table}.`);
    console.log(`Run ${record.id} staat in het logboek (record ${record.seq}).`);
    return EXIT.ok;
  },
};
