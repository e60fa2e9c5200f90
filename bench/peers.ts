/**
 * `livinglab check` on the default OM suite beside two peers, Soda Core (SodaCL on DuckDB) and
 * Great Expectations (pandas), and the hand-written DuckDB script (bench/om-floor.sql), each as a
 * whole process, interleaved, on the same synthetic Parquet data (`synth --seed 1 --defects all`).
 *   npm run bench:peers -- 1000000
 * The peers are installed once in virtual environments of their own, beside the bench data
 * ($LIVINGLAB_BENCH_DATA/livinglab-bench-peers-venv, or $LIVINGLAB_PEERS_VENV). The checks each peer runs are translated from the suite's check list
 * (bench/peer-checks.ts); what a peer cannot express is listed with the reason. The first round's
 * failing counts of each peer are compared with livinglab's, check by check. livinglab is timed
 * twice: the first time on the data (a fresh lab each round; the ratios of the peers are against
 * this one) and a second time on the same files (in a lab whose log holds the run before).
 * ROUNDS (default 3), PEER_LIMIT (seconds per process of a peer, default 900), LIVINGLAB_MEMORY (default 1GB,
 * also DuckDB's limit in the script and in Soda) and LIVINGLAB_BENCH_DATA (default the temporary
 * folder) in the environment change the run.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadSuite } from "../src/checks/load-suite.js";
import { isSuppressed, MIN_CELL_SIZE } from "../src/report/html.js";
import { outcomeWords } from "../src/runlog/outcome-words.js";
import { benchData, benchDataIn, makeBenchLab } from "./bench-run.js";
import { columnTypes, expressedBy, type Peer, type PeerPlan, peerNames, peerPlan, sodaYaml } from "./peer-checks.js";
import { fixed, line, type Measured, median, timeProcess } from "./process-time.js";

const ROOT = resolve(import.meta.dirname, "..");
const CLI = join(ROOT, "dist/cli/main.js");
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const LIMIT = Number(process.env.PEER_LIMIT ?? 900);
const DATA_ROOT = process.env.LIVINGLAB_BENCH_DATA ?? tmpdir();
const MEMORY = process.env.LIVINGLAB_MEMORY ?? "1GB";
/** Outside the repository, beside the bench data, so no tool of the repository reads it. */
const VENVS = process.env.LIVINGLAB_PEERS_VENV ?? join(DATA_ROOT, "livinglab-bench-peers-venv");
const PYTHON = process.env.PYTHON ?? "python3";

const sizes = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["1000000"]).map((s) =>
  Number(s.replaceAll("_", "")),
);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !(LIMIT > 0) || !(ROUNDS >= 1)) {
  console.error("Gebruik: [ROUNDS=3] [PEER_LIMIT=900] npm run bench:peers -- <aantal zaken> [<aantal zaken> ...]");
  process.exit(3);
}
if (!existsSync(CLI)) {
  console.error("Bouw eerst de bibliotheek: ./lab build");
  process.exit(3);
}

/** livinglab's own DuckDB version, so that Soda runs on the same DuckDB as livinglab and the script. */
const duckdbVersion = JSON.parse(
  readFileSync(join(ROOT, "node_modules/@duckdb/node-api/package.json"), "utf8"),
).version.split("-")[0] as string;

/**
 * What each peer's environment installs, in steps (pip resolves each step on its own). Soda Core
 * 3.5 declares duckdb below 1.1; the second step puts livinglab's DuckDB version in its place, so
 * that all three DuckDB users run the same engine.
 */
const installs: Record<Peer, { steps: string[][]; versions: string[] }> = {
  soda: { steps: [["soda-core-duckdb~=3.5.0"], [`duckdb==${duckdbVersion}`]], versions: ["soda-core", "duckdb"] },
  ge: { steps: [["great_expectations~=1.24", "pyarrow"]], versions: ["great_expectations", "pandas"] },
};

/** The peer's Python, installed once; a changed install list installs again. */
function peerPython(peer: Peer): string {
  const venv = join(VENVS, peer);
  const python = join(venv, "bin/python");
  const marker = join(venv, "livinglab-installed.json");
  const wanted = JSON.stringify(installs[peer].steps);
  if (existsSync(marker) && readFileSync(marker, "utf8") === wanted) return python;
  console.log(`${peerNames[peer]} installeren in ${venv} (eenmalig) ...`);
  const run = (command: string, args: string[]) => {
    const done = spawnSync(command, args, { encoding: "utf8" });
    if (done.status !== 0) {
      console.error(done.stdout, done.stderr);
      console.error(`Installeren van ${peerNames[peer]} mislukte (${[command, ...args].join(" ")}).`);
      process.exit(3);
    }
  };
  run(PYTHON, ["-m", "venv", "--clear", venv]);
  for (const step of installs[peer].steps)
    run(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", ...step]);
  writeFileSync(marker, wanted);
  return python;
}

function versionsOf(peer: Peer, python: string): string {
  const names = JSON.stringify(installs[peer].versions);
  const done = spawnSync(
    python,
    ["-c", `import importlib.metadata as m; print(", ".join(n + " " + m.version(n) for n in ${names}))`],
    { encoding: "utf8" },
  );
  return done.stdout.trim();
}

interface PeerRow {
  id: string;
  outcome: string;
  value: number | null;
}

/** A peer's result per check: failed when any of its parts failed, the failing counts added. */
function peerResults(stdout: string): Map<string, { failed: boolean; count: number | null }> {
  const results = new Map<string, { failed: boolean; count: number | null }>();
  for (const text of stdout.split("\n").filter((l) => l.startsWith("{"))) {
    const row = JSON.parse(text) as PeerRow;
    const before = results.get(row.id);
    const count = typeof row.value === "number" ? row.value : null;
    results.set(row.id, {
      failed: (before?.failed ?? false) || row.outcome === "fail",
      count: before ? (before.count === null || count === null ? null : before.count + count) : count,
    });
  }
  return results;
}

interface LivinglabCheck {
  id: string;
  outcome: string;
  counted: string;
  failing_count: number | string;
}

/** Check by check: livinglab's failing count beside each peer's, with every difference named. */
function compare(plan: PeerPlan, ours: LivinglabCheck[], peers: Partial<Record<Peer, string>>): void {
  const width = Math.max(...plan.checks.map((id) => id.length)) + 2;
  const cell = (s: string) => s.padStart(21);
  // Counts of one to four rows are shown as livinglab's outputs show them, for the peers too (groups are not people).
  const shown = (n: number | null, counted: string | undefined) =>
    n === null ? "?" : counted === "rows" && n > 0 && isSuppressed(n) ? `< ${MIN_CELL_SIZE}` : String(n);
  const ranPeers = (Object.keys(peers) as Peer[]).filter((p) => peers[p] !== undefined);
  console.log(`\n${"check".padEnd(width)}${cell("livinglab")}${ranPeers.map((p) => cell(p)).join("")}`);
  const results = Object.fromEntries(ranPeers.map((p) => [p, peerResults(peers[p] ?? "")]));
  const differ: Record<string, string[]> = Object.fromEntries(ranPeers.map((p) => [p, []]));
  for (const id of plan.checks) {
    const our = ours.find((c) => c.id === id);
    const counts = our?.counted !== "nothing";
    const ourText = our ? (counts ? String(our.failing_count) : (outcomeWords[our.outcome] ?? our.outcome)) : "-";
    const cells = ranPeers.map((peer) => {
      const result = results[peer]?.get(id);
      if (!result) return expressedBy(plan, peer).includes(id) ? "geen uitkomst" : "niet uit te drukken";
      const outcome = result.failed ? "failed" : "passed";
      const text = counts ? shown(result.count, our?.counted) : (outcomeWords[outcome] ?? outcome);
      if (our && !same(our, result)) differ[peer]?.push(id);
      return text;
    });
    console.log(`${id.padEnd(width)}${cell(ourText)}${cells.map(cell).join("")}`);
  }
  for (const peer of ranPeers) {
    const ids = differ[peer] ?? [];
    console.log(
      `\n${peerNames[peer]}: ${expressedBy(plan, peer).length - ids.length} van ${expressedBy(plan, peer).length} checks geven hetzelfde als livinglab.`,
    );
    for (const id of ids) {
      const note = plan.countNotes.find((n) => n.peer === peer && n.id === id);
      console.log(`  anders: ${id}${note ? ` (${note.note})` : " (geen verklaring bekend)"}`);
    }
  }
}

/** The same outcome, and where rows are counted the same count ("< 5" holds any count from 1 to 4). */
function same(our: LivinglabCheck, peer: { failed: boolean; count: number | null }): boolean {
  const ourFailed = our.outcome === "failed" || our.outcome === "warned";
  if (our.counted === "nothing") return ourFailed === peer.failed;
  if (typeof our.failing_count === "string") {
    const bound = Number(our.failing_count.slice(2));
    if (peer.count === null) return false;
    return our.failing_count.startsWith("<") ? peer.count > 0 && peer.count < bound : peer.count > bound;
  }
  return peer.count === our.failing_count;
}

function ratios(name: string, runs: Measured[], base: Measured[], baseName: string): string {
  const r = (pick: (m: Measured) => number) => fixed(median(runs.map(pick)) / median(base.map(pick)));
  const stopped = runs.some((m) => m.stopped) ? " (gestopt: minstens)" : "";
  return `${name}/${baseName} ratio: wand ${r((m) => m.wall)}, cpu ${r((m) => m.cpu)}, piek ${fixed(Math.max(...runs.map((m) => m.peakMb)) / Math.max(...base.map((m) => m.peakMb)))}${stopped}`;
}

const lab = await makeBenchLab();
const work = await mkdtemp(join(tmpdir(), "livinglab-bench-peers-"));
const suiteFile = join(lab, "experiments/om-datakwaliteit/suite.yaml");
try {
  const pythons = { soda: peerPython("soda"), ge: peerPython("ge") };
  for (const peer of ["soda", "ge"] as const) console.log(`${peerNames[peer]}: ${versionsOf(peer, pythons[peer])}`);
  const { suite } = await loadSuite(suiteFile);
  const tables = Object.keys(suite.datasets);
  for (const cases of sizes) {
    const dir = await benchDataIn(lab, benchData(cases, DATA_ROOT));
    const plan = peerPlan(suite, await columnTypes(dir, tables));
    const planFile = join(work, "plan.json");
    await writeFile(planFile, JSON.stringify({ tables, soda_yaml: sodaYaml(plan), ge: plan.ge }));
    console.log(`\nDe suite heeft ${plan.checks.length} checks.`);
    for (const peer of ["soda", "ge"] as const) {
      const sql = peer === "soda" ? ` (${plan.soda.filter((c) => c.sql).length} als failed-rows SQL)` : "";
      console.log(`${peerNames[peer]}: ${expressedBy(plan, peer).length} checks${sql}; niet uit te drukken:`);
      for (const n of plan.notExpressed.filter((x) => x.peer === peer)) console.log(`  ${n.id}: ${n.reason}`);
    }

    const results = join(work, "resultaten.json");
    const justification = `Meting van de snelheid van de controles op ${cases} synthetische zaken, naast Soda Core en Great Expectations.`;
    const checkArgs = [CLI, "check", suiteFile, "--data", dir, "--justification", justification];
    const floorArgs = [join(import.meta.dirname, "om-floor-process.mjs"), dir, MEMORY];
    // The first time on these files: a lab whose log never saw them (a second check on the same
    // files, in a lab whose log holds the run before, is the row after).
    const firstCheck = async () => {
      const fresh = await makeBenchLab();
      const freshDir = await benchDataIn(fresh, benchData(cases, DATA_ROOT));
      const freshSuite = join(fresh, "experiments/om-datakwaliteit/suite.yaml");
      return [process.execPath, CLI, "check", freshSuite, "--data", freshDir, "--justification", justification];
    };
    const engines: Array<{
      name: string;
      command: string[] | (() => Promise<string[]>);
      ok: number[];
      peer?: Peer;
      env?: NodeJS.ProcessEnv;
    }> = [
      { name: "livinglab check", command: firstCheck, ok: [0, 1, 2], env: { LIVINGLAB_MEMORY: MEMORY } },
      {
        name: "livinglab check, tweede keer",
        command: [process.execPath, ...checkArgs],
        ok: [0, 1, 2],
        env: { LIVINGLAB_MEMORY: MEMORY },
      },
      { name: "handgeschreven script", command: [process.execPath, ...floorArgs], ok: [0] },
      {
        name: peerNames.soda,
        peer: "soda",
        command: [pythons.soda, join(import.meta.dirname, "peers/soda_scan.py"), planFile, dir, MEMORY],
        ok: [0],
      },
      {
        name: peerNames.ge,
        peer: "ge",
        command: [pythons.ge, join(import.meta.dirname, "peers/ge_validate.py"), planFile, dir],
        ok: [0],
      },
    ];
    // livinglab's counts to compare with, outside the timing; this also warms the file cache.
    await timeProcess([process.execPath, ...checkArgs, "--json", results], [0, 1, 2], {
      env: { LIVINGLAB_MEMORY: MEMORY },
    });
    const ours = JSON.parse(await readFile(results, "utf8")).checks as LivinglabCheck[];

    const measured = engines.map(() => [] as Measured[]);
    const firstOutput: Partial<Record<Peer, string>> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, engine] of engines.entries()) {
        const command = typeof engine.command === "function" ? await engine.command() : engine.command;
        const m = await timeProcess(command, engine.ok, {
          // Only a peer is stopped: livinglab and the script are the bases of every ratio.
          ...(engine.peer && { limitSeconds: LIMIT }),
          ...(engine.env && { env: engine.env }),
        });
        measured[i]?.push(m);
        if (engine.peer && round === 0 && !m.stopped) firstOutput[engine.peer] = m.stdout;
      }
    }
    compare(plan, ours, firstOutput);
    for (const peer of ["soda", "ge"] as const) {
      if (firstOutput[peer] === undefined)
        console.log(`${peerNames[peer]}: gestopt in de eerste ronde, dus geen tellingen om te vergelijken.`);
    }
    console.log(
      `\nzaken: ${cases}, geheugengrens ${MEMORY}, ${ROUNDS} rondes om en om, tijdgrens ${LIMIT} s per proces van Soda en GE`,
    );
    for (const [i, engine] of engines.entries()) console.log(line(engine.name, measured[i] ?? [], 30));
    const [check = [], again = [], floor = []] = measured;
    console.log(ratios("livinglab", check, floor, "script"));
    console.log(ratios("livinglab tweede keer", again, floor, "script"));
    for (const [i, engine] of engines.entries()) {
      if (!engine.peer) continue;
      console.log(ratios(engine.peer, measured[i] ?? [], floor, "script"));
      console.log(ratios(engine.peer, measured[i] ?? [], check, "livinglab"));
    }
  }
} finally {
  await rm(lab, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
}
