// The floor of bench/checks-process.ts as a process of its own: DuckDB runs bench/om-floor.sql on
// the three Parquet files of a folder, with the memory limit and threads given, and nothing else.
//   node bench/om-floor-process.mjs <data folder> <memory limit> [threads]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";

const [dir, memoryLimit = "1GB", threads] = process.argv.slice(2);
// A spill folder, as livinglab's engine has one: without it an in-memory database cannot go
// beyond its memory limit, and at 50M cases the joins need to.
const spill = mkdtempSync(join(tmpdir(), "livinglab-bench-floor-spill-"));
process.once("exit", () => rmSync(spill, { recursive: true, force: true }));
const settings = { memory_limit: memoryLimit, temp_directory: spill, ...(threads && { threads }) };
const instance = await DuckDBInstance.create(":memory:", settings);
const connection = await instance.connect();
for (const table of ["verdachten", "zaken", "feiten"]) {
  const file = join(dir, `${table}.parquet`).replaceAll("'", "''");
  await connection.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet('${file}')`);
}
const script = readFileSync(join(import.meta.dirname, "om-floor.sql"), "utf8")
  .replace(/--.*$/gm, "")
  .split(";")
  .map((s) => s.trim())
  .filter(Boolean);
for (const statement of script) await connection.runAndReadAll(statement);
connection.closeSync();
instance.closeSync();
