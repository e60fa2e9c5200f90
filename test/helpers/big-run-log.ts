// A generator of large, valid run logs for the bench and the scale tests. Records are sealed
// here and streamed to disk (no lock, no fsync per line), so 100,000 records take seconds and
// nothing big is ever committed.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { hashRecord, type NewLogRecord, RUN_LOG_SCHEMA_VERSION } from "../../src/index.js";

const EXPERIMENT = { id: "groot", template: "datakwaliteit@1.0.0", file_sha256: "a".repeat(64) };
const WHO = { name: "Analist A <a@lab.example>", source: "git" as const };
const CODE = { commit: "c".repeat(40), uncommitted_sha256: null };
const VERSIONS = { node: "v20.19.0", livinglab: "0.1.0", engine: "duckdb v1.5.6" };
const JUSTIFICATION = "Schaaltest van het logboek: nagaan hoe snel records worden gelezen, getoond en gecontroleerd.";
const start = Date.UTC(2026, 0, 1);

function file(name: string, i: number) {
  return { name, path: `data/${name}.parquet`, sha256: (i % 16).toString(16).repeat(64) };
}

/** The `i`-th group of records: a run (start and end) shaped like the example's, and now and then an event. */
function* recordsOf(i: number): Generator<NewLogRecord> {
  const at = new Date(start + i * 60_000).toISOString();
  const id = `run-${String(i).padStart(8, "0")}`;
  const base = { id, at, who: WHO, experiment: EXPERIMENT };
  const analysis = { name: "check", params: { suite: "suite.yaml", engine: "duckdb" } };
  yield { ...base, type: "run_started", analysis, justification: JUSTIFICATION, code: CODE, versions: VERSIONS };
  yield {
    ...base,
    type: "run",
    analysis,
    justification: JUSTIFICATION,
    datasets: [file("zaken", i), file("feiten", i), file("verdachten", i)],
    code: CODE,
    versions: VERSIONS,
    outcome: i % 3 === 0 ? "passed" : "failed",
    metrics: { "zaken-uniek": i / 1e6, "zaken-ingevuld": 0.01, "zaken-geldig": 0.008, "feiten-uniek": 0 },
    artifacts: [file("resultaten", i), file("samenvatting", i)],
    ended_at: new Date(start + i * 60_000 + 900).toISOString(),
  };
  if (i % 10 === 9) {
    yield {
      ...base,
      id: `besluit-${i}`,
      type: "principle_decided",
      principle: "datakwaliteit",
      status: "voldaan",
      toelichting: `Besluit na run ${i}: de controles zijn nagelopen.`,
    };
  }
}

/**
 * Writes a valid, chained log of exactly `count` records to `file`, with its head anchor.
 * @example await writeBigRunLog(join(dir, "runlog.jsonl"), 100_000);
 */
export async function writeBigRunLog(path: string, count: number): Promise<{ seq: number; hash: string }> {
  const out = createWriteStream(path);
  let prev = "0".repeat(64);
  let seq = 0;
  for (let i = 0; seq < count; i++) {
    for (const record of recordsOf(i)) {
      if (seq === count) break;
      seq++;
      const unsealed = { schema: RUN_LOG_SCHEMA_VERSION, seq, ...record, prev_hash: prev };
      prev = hashRecord(unsealed);
      if (!out.write(`${JSON.stringify({ ...unsealed, hash: prev })}\n`)) await once(out, "drain");
    }
  }
  out.end();
  await once(out, "finish");
  await writeFile(`${path}.head`, `${JSON.stringify({ schema: RUN_LOG_SCHEMA_VERSION, seq, hash: prev })}\n`);
  return { seq, hash: prev };
}
