import { join } from "node:path";
import { DuckDbEngine, duckdbSettings, loadSuite, runSuite } from "../src/index.js";
import { openBenchRun } from "./bench-run.js";
const dir = process.argv[2] as string;
const suite = await loadSuite(join(import.meta.dirname, "../experiments/om-datakwaliteit/suite.yaml"), dir);
const permit = await openBenchRun();
const engine = await DuckDbEngine.open(":memory:", duckdbSettings());
const query = engine.query.bind(engine);
engine.query = async (sql: string) => {
  const c = process.cpuUsage();
  const t = performance.now();
  const r = await query(sql);
  const u = process.cpuUsage(c);
  console.log(`${((u.user + u.system) / 1e6).toFixed(2)} cpu ${((performance.now() - t) / 1000).toFixed(2)} wall  ${sql.replace(/\s+/g, " ").slice(0, 150)}`);
  return r;
};
const c = process.cpuUsage();
await runSuite(engine, suite, permit);
const u = process.cpuUsage(c);
console.log("total cpu", ((u.user + u.system) / 1e6).toFixed(2));
await engine.close();
const e2 = await DuckDbEngine.open(":memory:", duckdbSettings());
for (const t of ["verdachten", "zaken", "feiten"]) {
  await e2.connection.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${join(dir, `${t}.parquet`)}')`);
  const c = process.cpuUsage();
  await e2.fingerprint(t);
  const u = process.cpuUsage(c);
  console.log("fingerprint", t, ((u.user + u.system) / 1e6).toFixed(2));
  const c2 = process.cpuUsage();
  await e2.query(`SELECT count(*) FROM (SELECT * FROM ${t}) WHERE md5(CAST(${t} AS VARCHAR)) IS NOT NULL`).catch(()=>[]);
  const u2 = process.cpuUsage(c2);
  console.log("plain md5 of struct", t, ((u2.user + u2.system) / 1e6).toFixed(2));
}
