/**
 * The lab's web site on a run log of 100,000 records: `site` (every page written) and `serve`
 * (one request, the first after start or after the log changed, and one from what is cached),
 * each against reading and JSON-parsing the same log, measured in the same run.
 *
 *   npm run bench:site                  # 100,000 records
 *   RECORDS=20000 npm run bench:site    # another size
 *
 * The experiment also holds an answer of 150 KB, which once made the masker take minutes.
 */
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseDocument } from "yaml";
import { appendRecord, hashRecord, type NewLogRecord, openWorkspace, serveSite, writeSite } from "../src/index.js";

const ROOT = resolve(import.meta.dirname, "..");
const RECORDS = Number(process.env.RECORDS ?? 100_000);
/** The last runs have a results file, as a lab that keeps the reports of its recent runs. */
const WITH_RESULTS = 20;
const ID = "om-datakwaliteit";

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** A lab with the example experiment, a 150 KB answer, and a run log of RECORDS finished runs. */
async function makeLab(): Promise<{ root: string; log: string; experiment: Experiment }> {
  const root = await mkdtemp(join(tmpdir(), "livinglab-bench-site-"));
  await cp(join(ROOT, "templates"), join(root, "templates"), { recursive: true });
  const dir = join(root, "experiments", ID);
  await cp(join(ROOT, "experiments", ID), dir, {
    recursive: true,
    filter: (src) => !/\/(data|rapport)$|runlog\.jsonl/.test(src),
  });
  const document = parseDocument(await readFile(join(dir, "experiment.yaml"), "utf8"));
  document.setIn(["doel", "doel"], `Een lang antwoord: ${"jan.jansen-voorbeeld ".repeat(7_500)}`);
  const text = document.toString();
  await writeFile(join(dir, "experiment.yaml"), text);
  await mkdir(join(dir, "rapport", "runs"), { recursive: true });
  const experiment = {
    id: ID,
    template: String(document.get("template")),
    file_sha256: createHash("sha256").update(text).digest("hex"),
  };
  const lines: string[] = [];
  let prev = "0".repeat(64);
  for (let i = 0; i < RECORDS; i++) {
    const id = `run-${i}`;
    const artifacts = [];
    if (i >= RECORDS - WITH_RESULTS) artifacts.push(await writeResults(dir, id, i === RECORDS - 1));
    const unsealed = { schema: 2, seq: i + 1, ...runRecord(i, id, experiment, artifacts), prev_hash: prev };
    prev = hashRecord(unsealed);
    lines.push(JSON.stringify({ ...unsealed, hash: prev }));
  }
  const log = join(dir, "runlog.jsonl");
  await writeFile(log, `${lines.join("\n")}\n`);
  await writeFile(`${log}.head`, `${JSON.stringify({ schema: 2, seq: RECORDS, hash: prev }).padEnd(159, " ")}\n`);
  return { root, log, experiment };
}

interface Experiment {
  id: string;
  template: string;
  file_sha256: string;
}

type Fingerprint = { name: string; path: string; sha256: string };

function runRecord(i: number, id: string, experiment: Experiment, artifacts: Fingerprint[]): NewLogRecord {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  const file = (name: string) => ({ name, path: `data/${name}.parquet`, sha256: (i % 16).toString(16).repeat(64) });
  return {
    type: "run" as const,
    id,
    at,
    who: { name: "Analist A <a@lab.example>", source: "git" as const },
    experiment,
    analysis: { name: "check", params: { suite: "suite.yaml", engine: "duckdb" } },
    justification: "Benchmark van de site: nagaan hoe snel pagina's komen bij een groot logboek.",
    datasets: [file("zaken"), file("feiten"), file("verdachten")],
    code: { commit: "c".repeat(40), uncommitted_sha256: null },
    versions: { node: process.version, livinglab: "0.1.0", engine: "duckdb v1.5.6" },
    outcome: "failed",
    metrics: { "zaken-uniek": i / 1e6, "zaken-ingevuld": 0.01 },
    artifacts,
    ended_at: at,
  };
}

/** A results file of 40 checks for one run, as the main job writes it; its hash goes in the run's record. */
async function writeResults(dir: string, id: string, latest: boolean): Promise<Fingerprint> {
  const dimensions = ["compleetheid", "validiteit", "consistentie", "actualiteit", "plausibiliteit"];
  const checks = Array.from({ length: 40 }, (_, c) => ({
    id: `controle-${c}`,
    kind: "not_null",
    dimension: dimensions[c % dimensions.length],
    table: "zaken",
    severity: "fail",
    description: `Controle ${c} van de benchmark.`,
    failing_count: c % 3 === 0 ? 0 : 10 + c,
    row_count: 100_000,
    sample: c % 3 === 0 ? [] : ["Z000000001", "Z000000002"],
    threshold: { max_failing: 0 },
    metric: c % 3 === 0 ? 0 : (10 + c) / 100_000,
    outcome: c % 3 === 0 ? "passed" : "failed",
  }));
  const bytes = `${JSON.stringify({ run: id, suite: ID, engine: "duckdb", reference_date: "2026-06-30", outcome: "failed", min_cell_size: 5, checks }, null, 2)}\n`;
  await writeFile(join(dir, "rapport", "runs", `${id}.json`), bytes);
  if (latest) await writeFile(join(dir, "rapport", "resultaten.json"), bytes);
  return {
    name: "resultaten.json",
    path: "rapport/resultaten.json",
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

async function request(base: string, path: string): Promise<number> {
  const { ms, value } = await timed(async () => (await fetch(`${base}${path}`)).status);
  if (value !== 200) throw new Error(`${path} gave ${value}`);
  return ms;
}

const { root, log, experiment } = await makeLab();
try {
  const baseline = await timed(async () => {
    const text = await readFile(log, "utf8");
    let parsed = 0;
    for (const line of text.split("\n")) if (line !== "") parsed += JSON.parse(line) ? 1 : 0;
    return parsed;
  });
  const workspace = openWorkspace(root);
  const site = await timed(() => writeSite(workspace, { out: join(root, "site") }));
  const server = await serveSite(workspace, { port: 0 });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const cold = await request(base, `experimenten/${ID}/index.html`);
  const warm = Math.min(
    await request(base, `experimenten/${ID}/runs-${Math.ceil(RECORDS / 20)}.html`),
    await request(base, `experimenten/${ID}/runs-1.html`),
    await request(base, "index.html"),
  );
  await appendRecord(log, runRecord(RECORDS, "run-extra", experiment, []));
  const changed = await request(base, `experimenten/${ID}/index.html`);
  await new Promise((done) => server.close(done));
  const mb = (await readFile(log)).length / 1e6;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`Run log of ${RECORDS.toLocaleString("en")} records (${mb.toFixed(0)} MB), ${site.value.pages} pages:`);
  console.log(`  baseline read + JSON.parse every line        ${s(baseline.ms)}`);
  console.log(
    `  site (read the lab, write every page)        ${s(site.ms)}   ratio ${(site.ms / baseline.ms).toFixed(2)}`,
  );
  console.log(`  serve, first request (reads the lab)         ${s(cold)}   ratio ${(cold / baseline.ms).toFixed(2)}`);
  console.log(
    `  serve, request after the log grew            ${s(changed)}   ratio ${(changed / baseline.ms).toFixed(2)}`,
  );
  console.log(
    `  serve, request from what is read (best of 3) ${warm.toFixed(1)} ms   ratio ${(warm / baseline.ms).toFixed(4)}`,
  );
} finally {
  await rm(root, { recursive: true, force: true });
}
