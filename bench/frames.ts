/**
 * The DataFrame bridge against the DuckDB query that made the rows, in the same run: a query of
 * N synthetic cases (default 1,000,000) read into DuckDB's chunks, then the same query made into a
 * danfojs-node DataFrame (columns read, DataFrame built), and the DataFrame handed back as a table.
 *   npm run bench:frames -- 1000000
 */
import { tableFromFrame } from "../src/frames/table-from-frame.js";
import { DuckDbEngine, duckdbSettings, frameFromQuery, loadDanfo } from "../src/index.js";

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

async function timeQuery(engine: DuckDbEngine): Promise<number> {
  const start = performance.now();
  const reader = await engine.connection.runAndReadAll(SQL);
  if (reader.currentRowCount !== rows) throw new Error("wrong row count");
  return performance.now() - start;
}

const engine = await DuckDbEngine.open(":memory:", duckdbSettings("4GB"));
const loadStart = performance.now();
await loadDanfo();
const loadMs = performance.now() - loadStart;
await timeQuery(engine); // warm up both paths once
const queryTimes: number[] = [];
const frameTimes: number[] = [];
const backTimes: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  queryTimes.push(await timeQuery(engine));
  let start = performance.now();
  const frame = await frameFromQuery(engine, SQL);
  frameTimes.push(performance.now() - start);
  start = performance.now();
  await tableFromFrame(engine, `terug_${round}`, frame);
  backTimes.push(performance.now() - start);
  await engine.connection.run(`DROP TABLE terug_${round}`);
}
await engine.close();
const best = (times: number[]) => Math.min(...times);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`rijen: ${rows.toLocaleString("nl-NL")}, 12 kolommen`);
console.log(`danfojs-node laden (eenmalig): ${seconds(loadMs)}`);
console.log(`query in DuckDB (alle rijen gelezen, ${ROUNDS} rondes, beste): ${seconds(best(queryTimes))}`);
console.log(`zelfde query als DataFrame (frameFromQuery, beste):           ${seconds(best(frameTimes))}`);
console.log(`DataFrame terug als DuckDB-tabel (tableFromFrame, beste):     ${seconds(best(backTimes))}`);
console.log(`piekgeheugen van dit proces: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(`frame/query ratio: ${(best(frameTimes) / best(queryTimes)).toFixed(1)}`);
console.log(`back/query ratio: ${(best(backTimes) / best(queryTimes)).toFixed(1)}`);
