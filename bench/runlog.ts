// Run-log benchmark: a log of 100,000 records (RECORDS to change it), and what users do with it
// (verify, `log`, `log show`, one append, `site`, one `serve` request), each timed in a fresh process beside the baseline of
// reading and JSON-parsing the same log, measured in the same run. Prints ratios of time and of
// peak memory (RSS), because these machines are noisy.
//   npm run bench:runlog
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { parseDocument } from "yaml";
import { writeBigRunLog } from "../test/helpers/big-run-log.js";
import { type BenchLab, type OperationName, operations } from "./runlog-operations.js";

const ROOT = resolve(import.meta.dirname, "..");
const RECORDS = Number(process.env.RECORDS ?? 100_000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const BASELINE: OperationName = "baseline: read + JSON.parse";

interface Measurement {
  ms: number;
  /** CPU time (user + system): less moved by other processes on a shared machine than wall time. */
  cpuMs: number;
  rssMb: number;
}

/** In a child: does one operation and reports its time and the process's peak memory. */
async function measureHere(name: OperationName, lab: BenchLab): Promise<void> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await operations[name](lab);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const rssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, rssMb })}\n`);
}

/**
 * This file bundled to plain JavaScript (esbuild, packages left as they are installed), so the
 * measured processes run compiled code as users do, without a TypeScript compiler in memory.
 */
async function bundle(): Promise<string> {
  const outfile = join(ROOT, "node_modules/.cache/livinglab-bench/runlog.mjs");
  await build({
    entryPoints: [import.meta.filename],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outfile,
    logLevel: "error",
  });
  return outfile;
}

/** Each round in a fresh process, so one operation's memory or warm caches never count for another. */
function measure(script: string, name: OperationName, lab: BenchLab): Measurement {
  const runs: Measurement[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const child = spawnSync(process.execPath, [script, "--one", name, JSON.stringify(lab)], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    if (child.status !== 0) throw new Error(`${name} failed`);
    runs.push(JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as Measurement);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return {
    ms: median(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    rssMb: median(runs.map((r) => r.rssMb)),
  };
}

/**
 * The example experiment as `groot`, so `site` and `serve` show a real one, with an answer of
 * 150 KB that once made the masker take minutes.
 */
async function makeExperiment(root: string): Promise<void> {
  await cp(join(ROOT, "templates"), join(root, "templates"), { recursive: true });
  const dir = join(root, "experiments/groot");
  await cp(join(ROOT, "experiments/om-datakwaliteit"), dir, {
    recursive: true,
    filter: (src) => !/\/(data|rapport)$|runlog\.jsonl/.test(src),
  });
  const experiment = parseDocument(await readFile(join(dir, "experiment.yaml"), "utf8"));
  experiment.set("id", "groot");
  experiment.setIn(["doel", "doel"], `Een lang antwoord: ${"jan.jansen-voorbeeld ".repeat(7_500)}`);
  await writeFile(join(dir, "experiment.yaml"), experiment.toString());
}

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), "livinglab-bench-runlog-"));
  try {
    const log = join(root, "experiments/groot/runlog.jsonl");
    const lab: BenchLab = { root, experiment: "groot", log, records: RECORDS };
    await makeExperiment(root);
    await writeBigRunLog(lab.log, RECORDS);
    const mb = (await stat(lab.log)).size / 1e6;
    console.log(
      `Run log of ${RECORDS.toLocaleString("en")} records (${mb.toFixed(0)} MB); median of ${ROUNDS} fresh processes each; ` +
        `${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)}.`,
    );
    const script = await bundle();
    const base = measure(script, BASELINE, lab);
    const rows = [[BASELINE, base] as const];
    for (const name of Object.keys(operations) as OperationName[]) {
      if (name !== BASELINE) rows.push([name, measure(script, name, lab)] as const);
    }
    const columns = ["time", "× base", "cpu", "× base", "peak RSS", "× base"];
    console.log(`${"operation".padEnd(28)}${columns.map((c) => c.padStart(10)).join("")}`);
    const duration = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
    for (const [name, m] of rows) {
      const cells = [
        duration(m.ms),
        (m.ms / base.ms).toFixed(3),
        duration(m.cpuMs),
        (m.cpuMs / base.cpuMs).toFixed(3),
        `${m.rssMb.toFixed(0)} MB`,
        (m.rssMb / base.rssMb).toFixed(2),
      ];
      console.log(`${name.padEnd(28)}${cells.map((c) => c.padStart(10)).join("")}`);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const one = process.argv.indexOf("--one");
if (one >= 0) await measureHere(process.argv[one + 1] as OperationName, JSON.parse(process.argv[one + 2] ?? "{}"));
else await main();
