/**
 * `livinglab check` as a whole process against the hand-written DuckDB script as a process of
 * its own (bench/om-floor-process.mjs running bench/om-floor.sql), on the same synthetic Parquet
 * data (`synth --seed 1 --defects all`), interleaved, three rounds each, at one or more sizes.
 * `check` twice: the first time in a fresh lab whose log never saw these files, and again on the
 * same files in a lab whose log holds earlier runs on them (the drift checks then have a history).
 * Neither computes a content fingerprint of a file: its SHA-256 names what was read (see
 * `UnreadDataset.fingerprint` in src/door/run-permit.ts).
 * Wall time, CPU time and peak memory (RSS) of each process come from /usr/bin/time; the machine's
 * load is printed beside every figure, because the machine may be shared.
 *   npm run bench:check-process -- 1000000 10000000
 * The data is made once per size in $LIVINGLAB_BENCH_DATA (default the temporary folder) and
 * reused; remove it afterwards (10M cases are about 300 MB, 50M about 1.5 GB).
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { benchData, benchDataIn, makeBenchLab } from "./bench-run.js";
import { fixed, line, type Measured, median, timeProcess } from "./process-time.js";

const ROOT = resolve(import.meta.dirname, "..");
const CLI = join(ROOT, "dist/cli/main.js");
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const DATA_ROOT = process.env.LIVINGLAB_BENCH_DATA ?? tmpdir();
/** The same ceiling for both, so that both spill alike; LIVINGLAB_MEMORY sets livinglab's own. */
const MEMORY = process.env.LIVINGLAB_MEMORY ?? "1GB";

const sizes = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["1000000"]).map((s) =>
  Number(s.replaceAll("_", "")),
);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error("Gebruik: npm run bench:check-process -- <aantal zaken> [<aantal zaken> ...]");
  process.exit(3);
}
if (!existsSync(CLI)) {
  console.error("Bouw eerst de bibliotheek: ./lab build");
  process.exit(3);
}

const lab = await makeBenchLab();
const suite = join(lab, "experiments/om-datakwaliteit/suite.yaml");
const checkArgs = (labSuite: string, dir: string, cases: number) => [
  CLI,
  "check",
  labSuite,
  "--data",
  dir,
  "--justification",
  `Meting van de snelheid van de controles op ${cases} synthetische zaken, tegen het handgeschreven script.`,
];
const env = { env: { LIVINGLAB_MEMORY: MEMORY } };
try {
  for (const cases of sizes) {
    const data = benchData(cases, DATA_ROOT);
    const dir = await benchDataIn(lab, data);
    const floorArgs = [join(import.meta.dirname, "om-floor-process.mjs"), dir, MEMORY];
    // Warms the file cache for both. The script may run out of memory under the limit (it did
    // at 50M cases under 1GB); livinglab's figures are printed all the same.
    await timeProcess([process.execPath, ...floorArgs], [0], { mayFail: true });
    // The warm lab's log holds a run on these very files: later runs find a history there.
    await timeProcess([process.execPath, ...checkArgs(suite, dir, cases)], [0, 1, 2], env);
    const floor: Measured[] = [];
    const cold: Measured[] = [];
    const warm: Measured[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Cold: a lab whose log has never seen these files.
      const fresh = await makeBenchLab();
      const freshDir = await benchDataIn(fresh, data);
      const freshSuite = join(fresh, "experiments/om-datakwaliteit/suite.yaml");
      cold.push(await timeProcess([process.execPath, ...checkArgs(freshSuite, freshDir, cases)], [0, 1, 2], env));
      await rm(fresh, { recursive: true, force: true });
      warm.push(await timeProcess([process.execPath, ...checkArgs(suite, dir, cases)], [0, 1, 2], env));
      floor.push(await timeProcess([process.execPath, ...floorArgs], [0], { mayFail: true }));
    }
    console.log(`\nzaken: ${cases}, geheugengrens ${MEMORY}, ${ROUNDS} rondes om en om`);
    console.log(line("livinglab check, eerste keer (proces)", cold, 44));
    console.log(line("livinglab check, zelfde bestanden (proces)", warm, 44));
    console.log(line("handgeschreven script", floor, 44));
    const ratio = (of: Measured[], pick: (m: Measured) => number) =>
      fixed(median(of.map(pick)) / median(floor.map(pick)));
    if (floor.some((m) => m.failed)) continue;
    for (const [name, of] of [
      ["eerste keer", cold],
      ["zelfde bestanden", warm],
    ] as const) {
      console.log(`check/script ratio, ${name}: wand ${ratio(of, (m) => m.wall)}, cpu ${ratio(of, (m) => m.cpu)}`);
    }
  }
} finally {
  await rm(lab, { recursive: true, force: true });
}
