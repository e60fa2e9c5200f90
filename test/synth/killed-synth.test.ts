import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, runCli } from "../helpers/cli.js";
import { useTempDirs } from "../helpers/temp-dirs.js";
import { waitForSignal } from "../helpers/wait-for.js";

const tempDir = useTempDirs();
const ARGS = ["--seed", "1", "--as-of", "2026-06-30", "--defects", "all", "--csv"];

describe("a synth killed with SIGKILL", () => {
  it("leaves only its own spool, named by its pid, which the next synth into that folder removes", async () => {
    const out = join(await tempDir("livinglab-killed-synth-"), "data");
    const scratch = join(out, ".livinglab-tmp");
    const child = spawn(process.execPath, [CLI, "synth", "--out", out, "--zaken", "5000000", ...ARGS], {
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    // Ready when its spool holds rows: only then is there something to leave behind.
    const spool = await waitForSignal(child, async () => {
      const names = await readdir(scratch).catch(() => [] as string[]);
      const own = names.find((n) => n.startsWith(`synth-${child.pid}-`));
      return own && existsSync(join(scratch, own, "zaken.tsv")) ? join(scratch, own) : undefined;
    });
    child.kill("SIGKILL");
    await exited;

    expect(await readdir(scratch)).toEqual([spool.slice(scratch.length + 1)]);
    expect(JSON.parse(await readFile(join(spool, "owner.json"), "utf8"))).toMatchObject({
      purpose: "synth",
      pid: child.pid,
    });
    expect(existsSync(join(out, "zaken.parquet"))).toBe(false);

    const next = runCli(["synth", "--out", out, "--zaken", "1000", ...ARGS]);
    expect(next.stderr).toBe("");
    expect(next.code).toBe(0);
    expect(existsSync(scratch)).toBe(false);
    expect(existsSync(join(out, "zaken.parquet"))).toBe(true);
  }, 120_000);
});
