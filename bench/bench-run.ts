import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { copyFile, cp, link, mkdir, mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { openExperiment, openRun, openWorkspace, type RunPermit } from "../src/index.js";

const ROOT = resolve(import.meta.dirname, "..");

/**
 * The synthetic data of one size, made once (in a child process, so its memory does not count
 * in the bench) with the seed and reference date of the default suite, and reused after that.
 */
export function benchData(cases: number, root = tmpdir()): string {
  const dir = join(root, `livinglab-bench-checks-${cases}`);
  const sheet = join(dir, "datasheet.json");
  if (existsSync(sheet)) {
    const { arguments: args } = JSON.parse(readFileSync(sheet, "utf8"));
    if (args.zaken === cases && args.seed === 1 && args.defects === "all" && args.as_of === "2026-06-30") return dir;
    console.error(`${dir} bevat andere data; verwijder de map en begin opnieuw.`);
    process.exit(3);
  }
  console.log(`Synthetische data maken: ${cases} zaken in ${dir} ...`);
  const synth = ["synth", "--out", dir, "--zaken", String(cases), "--seed", "1", "--as-of", "2026-06-30"];
  const made = spawnSync(
    process.execPath,
    ["--import", "tsx", join(ROOT, "src/cli/main.ts"), ...synth, "--defects", "all"],
    { stdio: "inherit" },
  );
  if (made.status !== 0) process.exit(3);
  return dir;
}

const benchLabs = new Set<string>();

/**
 * A throwaway lab with the example experiment (no data, reports or log), so a timed run goes
 * through the door as a real one does. It is removed when the process ends.
 */
export async function makeBenchLab(): Promise<string> {
  const lab = await mkdtemp(join(tmpdir(), "livinglab-bench-lab-"));
  if (benchLabs.size === 0) {
    process.once("exit", () => {
      for (const made of benchLabs) rmSync(made, { recursive: true, force: true });
    });
  }
  benchLabs.add(lab);
  await cp(join(ROOT, "templates"), join(lab, "templates"), { recursive: true });
  await cp(join(ROOT, "experiments/om-datakwaliteit"), join(lab, "experiments/om-datakwaliteit"), {
    recursive: true,
    filter: (src) => !/\/(data|rapport)$|runlog\.jsonl/.test(src),
  });
  return lab;
}

/**
 * The bench data (`benchData`) inside a bench lab's experiment, where the door reads data: as
 * hard links, so nothing is copied (a copy only where a link cannot be made, across file systems).
 */
export async function benchDataIn(lab: string, dir: string): Promise<string> {
  const target = join(lab, "experiments/om-datakwaliteit", basename(dir));
  await mkdir(target, { recursive: true });
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    await link(join(dir, entry.name), join(target, entry.name)).catch(() =>
      copyFile(join(dir, entry.name), join(target, entry.name)),
    );
  }
  return target;
}

/** A run permit in a throwaway lab (`makeBenchLab`), or in `lab` when given. */
export async function openBenchRun(lab?: string): Promise<RunPermit> {
  const workspace = openWorkspace(lab ?? (await makeBenchLab()));
  return openRun({
    workspace,
    opened: await openExperiment(workspace, "om-datakwaliteit"),
    analysis: { name: "bench", params: {} },
    reads: { datasets: [], columns: {} },
    justification: "Benchmark van de controles tegen het handgeschreven script, in een tijdelijk lab.",
  });
}
