import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLogRecords, verifyRunLog } from "../../src/index.js";
import { CLI, makeLab, REPO, runCli } from "../helpers/cli.js";
import { useTempDirs } from "../helpers/temp-dirs.js";

const tempDir = useTempDirs();
const JUSTIFICATION =
  "Test van een run die halverwege wordt afgebroken, om te zien dat hij als onvoltooid blijft staan.";

/** Every scratch folder under `dir`, at any depth, whose name says it belongs to `pid`. */
async function foldersOf(dir: string, pid: number): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && new RegExp(`^[a-z]+-${pid}-[0-9a-f]{12}$`).test(e.name))
    .map((e) => e.name);
}

describe("a run killed halfway", () => {
  it("stays in the log as unfinished, and the next start removes what it left behind", async () => {
    const lab = await makeLab();
    // Its own temporary folder, so what the killed run leaves there can be seen.
    const env = { ...process.env, TMPDIR: await tempDir("livinglab-killed-run-") };
    const child = spawn(
      process.execPath,
      [CLI, "run", "om-datakwaliteit", "--root", lab, "--justification", JUSTIFICATION],
      { cwd: REPO, env, stdio: ["ignore", "pipe", "pipe"] },
    );
    // Kill it the moment it says the start is logged: it is then making data or running checks.
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      if (text.includes("gestart en vastgelegd")) child.kill("SIGKILL");
    });
    const signal = await new Promise((resolve) => child.on("close", (_code, s) => resolve(s)));
    expect(signal).toBe("SIGKILL");

    const file = join(lab, "experiments/om-datakwaliteit/runlog.jsonl");
    expect((await readLogRecords(file)).map((r) => r.type)).toEqual(["run_started"]);
    expect(runCli(["log", "om-datakwaliteit", "--root", lab]).stdout).toMatch(
      /^1 .*check\s+onvoltooid\s+Test van een run/m,
    );
    expect((await verifyRunLog(file)).intact).toBe(true);

    const next = runCli(["run", "om-datakwaliteit", "--root", lab, "--justification", JUSTIFICATION], { env });
    expect(next.stderr).toBe("");
    expect(await foldersOf(lab, child.pid as number)).toEqual([]);
    expect(await foldersOf(env.TMPDIR, child.pid as number)).toEqual([]);
    expect(await verifyRunLog(file)).toMatchObject({ intact: true, records: 3 });
  });
});
