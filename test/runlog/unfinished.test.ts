import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLogRecords, verifyRunLog } from "../../src/index.js";
import { makeLab, REPO, runCli } from "../helpers/cli.js";

const JUSTIFICATION =
  "Test van een run die halverwege wordt afgebroken, om te zien dat hij als onvoltooid blijft staan.";

describe("a run killed halfway", () => {
  it("stays in the log as unfinished, and the chain stays intact", async () => {
    const lab = await makeLab();
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        join(REPO, "src/cli/main.ts"),
        "run",
        "om-datakwaliteit",
        "--root",
        lab,
        "--justification",
        JUSTIFICATION,
      ],
      { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] },
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
  });
});
