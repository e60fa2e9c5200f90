/**
 * The DataFrame bridge against the DuckDB query that made the rows, in the same run: a query of
 * N synthetic cases (default 1,000,000) read into DuckDB's chunks, then the same query made into a
 * danfojs-node DataFrame (columns read, DataFrame built), and the DataFrame handed back as a table:
 * bare, and through the door as users do (admitted, loaded, content fingerprinted).
 *   npm run bench:frames -- 1000000
 */
import { cpus, loadavg } from "node:os";
import { tableFromFrame } from "../src/frames/table-from-frame.js";
import { DuckDbEngine, duckdbSettings, frameFromQuery, loadDanfo } from "../src/index.js";
import { openBenchRun } from "./bench-run.js";

const ROUNDS = 3;
const rows = Number((process.argv[2] ?? "1000000").replaceAll("_", ""));
if (!Number.isInteger(rows) || rows < 1) {
  console.error("Gebruik: npm run bench:frames -- <aantal rijen>");
  process.exit(3);
}

// Twelve columns shaped like `zaken`: keys, codes, dates, a timestamp, numbers, free text, nulls.
const SQL = `SELECT
  'Z' || lpad(i::VARCHAR, 8, '0') AS zaak_id,
  (i % 11 + 1)::VARCHAR || '/' || lpad((i % 999999)::VARCHAR, 6, '0') || '-24' AS parketnummer,
  ['Amsterdam', 'Den Haag', 'Rotterdam', 'Gelderland', 'Oost-Brabant'][i % 5 + 1] AS arrondissement,
  ['ingeschreven', 'in_behandeling', 'afgedaan'][i % 3 + 1] AS status,
  CASE WHEN i % 3 = 2 THEN ['dagvaarding', 'transactie', 'beleidssepot'][i % 7 % 3 + 1] END AS afdoening,
  DATE '2020-01-01' + (i % 1500)::INTEGER AS pleegdatum,
  DATE '2020-02-01' + (i % 1500)::INTEGER AS instroomdatum,
  CASE WHEN i % 3 = 2 THEN DATE '2020-06-01' + (i % 1500)::INTEGER END AS afdoeningsdatum,
  TIMESTAMP '2024-01-01 00:00:00' + to_seconds(i) AS laatst_gewijzigd,
  1950 + (i % 60) AS geboortejaar,
  (i % 1000) / 7.0 AS bedrag,
  CASE WHEN i % 13 = 0 THEN 'Opmerking bij zaak ' || i END AS opmerking
FROM range(${rows}) AS t(i)`;

/** Wall time and CPU time (all threads of this process: DuckDB's too) of one piece of work. */
interface Timing {
  wallMs: number;
  cpuMs: number;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; timing: Timing }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, timing: { wallMs, cpuMs: (used.user + used.system) / 1000 } };
}

async function runQuery(engine: DuckDbEngine): Promise<void> {
  const reader = await engine.connection.runAndReadAll(SQL);
  if (reader.currentRowCount !== rows) throw new Error("wrong row count");
}

const engine = await DuckDbEngine.open(":memory:", duckdbSettings({ memoryLimit: "4GB" }));
// A throwaway lab, so the hand-back through the door is admitted and fingerprinted as in a real run.
const permit = await openBenchRun();
const load = await timed(() => loadDanfo());
await runQuery(engine); // warm up once
const times: Record<"query" | "frame" | "back" | "door", Timing[]> = { query: [], frame: [], back: [], door: [] };
for (let round = 0; round < ROUNDS; round++) {
  times.query.push((await timed(() => runQuery(engine))).timing);
  const made = await timed(() => frameFromQuery(engine, SQL));
  times.frame.push(made.timing);
  times.back.push((await timed(() => tableFromFrame(engine, `terug_${round}`, made.value))).timing);
  await engine.connection.run(`DROP TABLE terug_${round}`);
  const name = `deur_${round}`;
  times.door.push((await timed(() => permit.attach(engine, { name, frame: { data: made.value } }))).timing);
  await engine.connection.run(`DROP TABLE ${name}`);
}
await permit.end({ outcome: "completed" });
await engine.close();

const best = (list: Timing[], of: keyof Timing) => Math.min(...list.map((t) => t[of]));
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const line = (label: string, list: Timing[]) =>
  `${label.padEnd(58)} ${seconds(best(list, "wallMs")).padStart(8)} ${seconds(best(list, "cpuMs")).padStart(8)}`;
console.log(
  `rijen: ${rows.toLocaleString("nl-NL")}, 12 kolommen; ${cpus().length} kernen, belasting ${loadavg()[0]?.toFixed(1)}`,
);
console.log(`danfojs-node laden (eenmalig): ${seconds(load.timing.wallMs)}`);
console.log(`${"beste van 3 rondes".padEnd(58)} ${"tijd".padStart(8)} ${"cpu".padStart(8)}`);
console.log(line("query in DuckDB (alle rijen gelezen)", times.query));
console.log(line("zelfde query als DataFrame (frameFromQuery)", times.frame));
console.log(line("DataFrame terug als DuckDB-tabel (tableFromFrame)", times.back));
console.log(line("terug door de deur (toelaten, laden, vingerafdruk)", times.door));
console.log(`piekgeheugen van dit proces: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
for (const [label, list] of [
  ["frame", times.frame],
  ["back", times.back],
  ["door", times.door],
] as const) {
  const wall = best(list, "wallMs") / best(times.query, "wallMs");
  const cpu = best(list, "cpuMs") / best(times.query, "cpuMs");
  console.log(`${label}/query ratio: ${wall.toFixed(1)} (cpu ${cpu.toFixed(1)})`);
}
