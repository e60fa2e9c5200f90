/**
 * Where the CPU of `livinglab check` goes, per query, on DuckDB: each table's scan of the default
 * OM suite with and without its content fingerprint (the difference is what the fingerprint
 * costs inside the scan), the fingerprint alone, each query of its own (unique keys, referential
 * integrity, derived values), the lookups the suite answers together in one join, and the
 * hand-written script's statements beside them. Every query runs alone, ROUNDS times (default 3),
 * interleaved; the median CPU time of this process (DuckDB's threads included) is printed with
 * the machine's load, because the machine may be shared.
 *   npm run bench:check-queries -- 1000000
 */
import { readFile, rm } from "node:fs/promises";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { mergeLookups } from "../src/checks/merge-lookups.js";
import { keysQuery, planSuite } from "../src/checks/plan-suite.js";
import { attachDatasets } from "../src/checks/run-suite.js";
import { contentFingerprintSelect } from "../src/fingerprint/content-fingerprint.js";
import { DuckDbEngine, duckdbSettings, loadSuite, renderSelect } from "../src/index.js";
import { benchData, benchDataIn, makeBenchLab, openBenchRun } from "./bench-run.js";

const ROOT = resolve(import.meta.dirname, "..");
const SUITE = join(ROOT, "experiments/om-datakwaliteit/suite.yaml");
const ROUNDS = Number(process.env.ROUNDS ?? 3);

const cases = Number((process.argv[2] ?? "1000000").replaceAll("_", ""));
if (!Number.isInteger(cases) || cases < 1) {
  console.error("Gebruik: npm run bench:check-queries -- <aantal zaken>");
  process.exit(3);
}

const lab = await makeBenchLab();
const dir = await benchDataIn(lab, benchData(cases));
const loaded = await loadSuite(SUITE, dir);
const engine = await DuckDbEngine.open(":memory:", duckdbSettings());
try {
  const { columns } = await attachDatasets(engine, loaded, await openBenchRun(lab));
  const context = { referenceDate: loaded.suite.reference_date ?? "2026-06-30", columns };
  const queries: Array<{ name: string; sql: string }> = [];
  for (const table of loaded.datasets.map((d) => d.name)) {
    const checks = loaded.suite.checks.filter((c) => c.table === table);
    const withContent = planSuite(loaded, checks, { ...context, fingerprint: new Set([table]) });
    const without = planSuite(loaded, checks, context);
    for (const [i, scan] of withContent.scans.entries())
      queries.push({ name: `scan ${table} ${i + 1} met vingerafdruk`, sql: renderSelect(scan.select, engine.dialect) });
    for (const [i, scan] of without.scans.entries())
      queries.push({ name: `scan ${table} ${i + 1} zonder`, sql: renderSelect(scan.select, engine.dialect) });
    const fingerprint = contentFingerprintSelect(table, columns.get(table) ?? []);
    queries.push({ name: `vingerafdruk ${table} alleen`, sql: renderSelect(fingerprint, engine.dialect) });
    for (const planned of without.checks) {
      if (planned.measure.type !== "keys") continue;
      queries.push({
        name: `eigen query ${planned.check.id}`,
        sql: renderSelect(keysQuery(planned.measure.select), engine.dialect),
      });
    }
  }
  // Lookups of the same dataset on the same key, as the suite runs them: one join for all of them.
  const whole = planSuite(loaded, loaded.suite.checks, context);
  const { merged } = mergeLookups(whole.checks.filter((p) => p.measure.type === "keys"));
  const together = new Set(merged.flatMap((m) => m.checks.map((c) => `eigen query ${c.planned.check.id}`)));
  for (const query of merged) {
    queries.push({
      name: `samen opgezocht ${query.checks.map((c) => c.planned.check.id).join(" + ")}`,
      sql: renderSelect(query.select, engine.dialect),
    });
  }
  const script = (await readFile(join(import.meta.dirname, "om-floor.sql"), "utf8"))
    .replace(/--.*$/gm, "")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const [i, sql] of script.entries()) queries.push({ name: `script ${i + 1}`, sql });

  for (const query of queries) await engine.query(query.sql); // warm the file cache
  const cpu = new Map<string, number[]>();
  const loads: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    loads.push(loadavg()[0] ?? 0);
    for (const query of queries) {
      const start = process.cpuUsage();
      await engine.query(query.sql);
      const used = process.cpuUsage(start);
      cpu.set(query.name, [...(cpu.get(query.name) ?? []), (used.user + used.system) / 1e6]);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const of = (name: string) => median(cpu.get(name) ?? []);
  console.log(`zaken: ${cases}, ${ROUNDS} rondes, belasting ${loads.map((l) => l.toFixed(1)).join("/")}`);
  for (const { name } of queries) console.log(`${name.padEnd(58)} cpu mediaan ${of(name).toFixed(2)} s`);
  const sum = (pick: (name: string) => boolean) =>
    queries.filter((q) => pick(q.name)).reduce((total, q) => total + of(q.name), 0);
  // The suite's own queries: a check looked up together with others is counted in their one query.
  const own = (n: string) => (n.startsWith("eigen query") && !together.has(n)) || n.startsWith("samen opgezocht");
  const suite = sum((n) => n.includes("met vingerafdruk") || own(n));
  const content = suite - sum((n) => n.endsWith(" zonder") || own(n));
  const floor = sum((n) => n.startsWith("script"));
  console.log(`suite (scans met vingerafdruk en eigen queries): ${suite.toFixed(2)} s cpu`);
  console.log(`waarvan de vingerafdrukken in de scans: ${content.toFixed(2)} s cpu`);
  console.log(`script: ${floor.toFixed(2)} s cpu`);
  console.log(
    `suite/script ratio: cpu ${(suite / floor).toFixed(2)}; zonder vingerafdruk ${((suite - content) / floor).toFixed(2)}`,
  );
} finally {
  await engine.close();
  await rm(lab, { recursive: true, force: true });
}
