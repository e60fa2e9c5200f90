import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { commandLoaders, loadCommand } from "../../src/cli/command-registry.js";
import { REPO, runCli } from "../helpers/cli.js";

describe("livinglab --help", () => {
  it("lists every command and the exit codes", () => {
    const run = runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\s+run\s/m);
    for (const command of ["validate", "templates", "new", "status", "upgrade"]) {
      expect(run.stdout).toMatch(new RegExp(`^\\s+${command}\\s`, "m"));
    }
    for (const code of ["0", "1", "2", "3"]) expect(run.stdout).toMatch(new RegExp(`^\\s+${code}\\s+\\S`, "m"));
  });

  it("finds every command under its own name, and loads only that one", async () => {
    for (const [name, load] of Object.entries(commandLoaders)) expect((await load()).name).toBe(name);
    expect(loadCommand("constructor")).toBeUndefined();
  });

  it("rejects an unknown command with exit 3", () => {
    const run = runCli(["vliegen"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("Onbekend commando 'vliegen'");
  });

  it("rejects an unknown option with exit 3 and no stack trace", () => {
    const run = runCli(["run", "om-datakwaliteit", "--justificatoin", "x"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("--justificatoin");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("npx livinglab", () => {
  it("runs the project's own command (linked by ./lab setup), never a download", () => {
    const run = spawnSync("npx", ["--no-install", "livinglab", "--help"], { cwd: REPO, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Exitcodes:");
  });
});
