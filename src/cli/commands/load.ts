import { basename, extname } from "node:path";
import { loadSuite } from "../../checks/load-suite.js";
import { loadIntoPostgres } from "../../engines/load-into-postgres.js";
import { LivingLabError } from "../../errors/problem.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";

export const loadCommand: Command = {
  name: "load",
  summary: "Kopieer een dataset in één keer naar PostgreSQL (COPY)",
  usage: `livinglab load <bestand of suite> --engine postgres [--table <naam>] [--data <map>] [--pg-url <url>]

  <bestand>              een Parquet-, CSV- of DuckDB-bestand; of een suite (.yaml): al haar datasets
  --engine postgres      de engine om naar te laden (nu alleen postgres)
  --table <naam>         de tabelnaam (standaard: de bestandsnaam zonder extensie)
  --data <map>           bij een suite: een andere kopie van de datasets
  --pg-url <url>         PostgreSQL-verbinding; zonder deze optie gelden PGHOST, PGPORT, PGUSER, ...

Een tabel met dezelfde naam wordt in één transactie vervangen: mislukt het laden, dan blijft de oude staan.`,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      { engine: { type: "string" }, table: { type: "string" }, data: { type: "string" }, "pg-url": { type: "string" } },
      "load",
    );
    const [target] = positionals;
    if (!target || positionals.length > 1) {
      throw new LivingLabError({ code: "usage", message: "Geef precies één bestand of suite op.", hint: this.usage });
    }
    if (values.engine !== "postgres") {
      throw new LivingLabError({
        code: "usage",
        message: "Laden kan alleen naar PostgreSQL; DuckDB leest de bestanden zelf, en Spark leest ze op de cluster.",
        hint: "Gebruik --engine postgres.",
      });
    }
    const pgUrl = values["pg-url"] !== undefined ? { pgUrl: values["pg-url"] } : {};
    const jobs = /\.ya?ml$/.test(target)
      ? (await loadSuite(target, values.data)).datasets.flatMap((d) =>
          d.file ? [{ file: d.file, table: d.table ?? d.name }] : [],
        )
      : [{ file: target, table: values.table ?? basename(target, extname(target)) }];
    for (const job of jobs) {
      const loaded = await loadIntoPostgres(job.file, { ...job, ...pgUrl });
      console.log(`• ${loaded.rows} rijen geladen in tabel ${loaded.table}.`);
    }
    return EXIT.ok;
  },
};
