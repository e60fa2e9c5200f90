// Run log benchmark: appends per second (locked, chained, fsynced) against plain appendFile + fsync
// of the same lines, and the time to verify a log of 100,000 records against reading and parsing it.
// Run with `npm run bench:runlog`; prints ratios, because these machines are noisy.
import { mkdtemp, open, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendRecord, hashRecord, type NewLogRecord, verifyRunLog } from "../src/index.js";

const APPENDS = Number(process.env.APPENDS ?? 2000);
const RECORDS = Number(process.env.RECORDS ?? 100_000);
const EXPERIMENT = { id: "bench", template: "datakwaliteit@1.0.0", file_sha256: "a".repeat(64) };
const WHO = { name: "Analist A <a@lab.example>", source: "git" as const };
const CODE = { commit: "c".repeat(40), uncommitted_sha256: null };
const VERSIONS = { node: process.version, livinglab: "0.1.0", engine: "duckdb v1.5.6" };
const JUSTIFICATION = "Benchmark van het logboek: nagaan hoe snel records worden toegevoegd en gecontroleerd.";

/** A finished run shaped like the example's: five metrics, three datasets, two artifacts. */
function runRecord(i: number): NewLogRecord {
  const file = (name: string) => ({ name, path: `data/${name}.parquet`, sha256: (i % 16).toString(16).repeat(64) });
  return {
    type: "run",
    id: `run-${i}`,
    at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    who: WHO,
    experiment: EXPERIMENT,
    analysis: { name: "check", params: { suite: "suite.yaml" } },
    justification: JUSTIFICATION,
    datasets: [file("zaken"), file("feiten"), file("verdachten")],
    code: CODE,
    versions: VERSIONS,
    outcome: "failed",
    metrics: {
      "zaken-uniek": i / 1e6,
      "zaken-ingevuld": 0.01,
      "zaken-geldig": 0.008,
      "feiten-uniek": 0,
      "verdachten-geldig": 0,
    },
    artifacts: [file("resultaten"), file("samenvatting")],
    ended_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000 + 900).toISOString(),
  };
}

async function timed(run: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function benchAppends(dir: string): Promise<void> {
  const lines = Array.from({ length: APPENDS }, (_, i) => `${JSON.stringify(runRecord(i))}\n`);
  const baseline = await timed(async () => {
    for (const line of lines) {
      const handle = await open(join(dir, "plain.jsonl"), "a");
      await handle.write(line);
      await handle.sync();
      await handle.close();
    }
  });
  const logged = await timed(async () => {
    for (let i = 0; i < APPENDS; i++) await appendRecord(join(dir, "runlog.jsonl"), runRecord(i));
  });
  const rate = (ms: number) => Math.round((APPENDS / ms) * 1000);
  console.log(`Appends (${APPENDS}, each durable):`);
  console.log(`  baseline open+appendFile+fsync per line  ${rate(baseline).toLocaleString("en")} /s`);
  console.log(`  appendRecord (lock, tail, chain, fsync)  ${rate(logged).toLocaleString("en")} /s`);
  console.log(`  ratio appendRecord / baseline            ${(baseline / logged).toFixed(2)}x the speed`);
}

async function benchVerify(dir: string): Promise<void> {
  const file = join(dir, "big.jsonl");
  let prev = "0".repeat(64);
  const out: string[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const unsealed = { schema: 2, seq: i + 1, ...runRecord(i), prev_hash: prev };
    prev = hashRecord(unsealed);
    out.push(JSON.stringify({ ...unsealed, hash: prev }));
  }
  await writeFile(file, `${out.join("\n")}\n`);
  await writeFile(`${file}.head`, JSON.stringify({ schema: 2, seq: RECORDS, hash: prev }));
  out.length = 0;
  const baseline = await timed(async () => {
    const text = await readFile(file, "utf8");
    let parsed = 0;
    for (const line of text.split("\n")) if (line !== "") parsed += JSON.parse(line) ? 1 : 0;
    if (parsed !== RECORDS) throw new Error("baseline parsed the wrong number of lines");
  });
  let intact = false;
  const verify = await timed(async () => {
    intact = (await verifyRunLog(file)).intact;
  });
  if (!intact) throw new Error("the generated log should verify as intact");
  const mb = (await readFile(file)).length / 1e6;
  console.log(`Verify a log of ${RECORDS.toLocaleString("en")} records (${mb.toFixed(0)} MB):`);
  console.log(`  baseline read + JSON.parse every line    ${(baseline / 1000).toFixed(2)} s`);
  console.log(`  verifyRunLog (schema, hash, chain, head) ${(verify / 1000).toFixed(2)} s`);
  console.log(`  ratio verify / baseline                  ${(verify / baseline).toFixed(2)}x the time`);
}

const dir = await mkdtemp(join(tmpdir(), "livinglab-bench-"));
try {
  await benchAppends(dir);
  await benchVerify(dir);
} finally {
  await rm(dir, { recursive: true, force: true });
}
