import { spawnSync } from "node:child_process";
import { copyFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/cli.js";

interface LockEntry {
  name?: string;
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  hasInstallScript?: boolean;
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(join(REPO, file), "utf8")) as T;
}

function npm(args: string[], cwd: string) {
  return spawnSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
}

/** The package a lock path installs, e.g. `node_modules/a/node_modules/@b/c` is `@b/c`. */
function packageOf(path: string): string {
  return path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
}

describe("installing from the package registry only", () => {
  it("takes every package of the lock file from the registry, with the two overrides in force", async () => {
    const lock = await readJson<{ packages: Record<string, LockEntry> }>("package-lock.json");
    const registry = npm(["config", "get", "registry"], REPO).stdout.trim();
    const entries = Object.entries(lock.packages).filter(([path, entry]) => path !== "" && !entry.link);
    expect(entries.length).toBeGreaterThan(300);
    for (const [path, entry] of entries) {
      // A git address, a file or a tarball elsewhere has no registry checksum or leaves its address here.
      expect(entry.integrity, path).toMatch(/^sha512-/);
      expect(entry.version, path).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
      if (entry.resolved !== undefined) expect(entry.resolved.startsWith(registry), path).toBe(true);
    }
    // danfojs-node asks for xlsx from an address outside the registry and for tfjs-node, which downloads a library.
    expect(lock.packages["node_modules/xlsx"]).toMatchObject({ name: "@e965/xlsx", version: "0.20.3" });
    expect(lock.packages["node_modules/@tensorflow/tfjs-node"]).toMatchObject({
      name: "@tensorflow/tfjs",
      version: "3.21.0",
    });
  });

  it("runs no dependency's install script", async () => {
    const lock = await readJson<{ packages: Record<string, LockEntry> }>("package-lock.json");
    const { allowScripts = {} } = await readJson<{ allowScripts?: Record<string, boolean> }>("package.json");
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([path]) => packageOf(path));
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect(allowScripts[name], name).toBe(false);
    expect(npm(["install-scripts", "ls"], REPO).stdout).toContain("No packages with unreviewed install scripts.");
  });

  it("gives a working danfojs-node DataFrame after npm ci in a clean folder", async () => {
    // npm ci reads only these two files, so a folder with them is a clean clone as far as npm can tell.
    const dir = await mkdtemp(join(tmpdir(), "livinglab-install-"));
    for (const file of ["package.json", "package-lock.json"]) await copyFile(join(REPO, file), join(dir, file));
    const install = npm(["ci", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund"], dir);
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).not.toContain("install-scripts");
    await writeFile(
      join(dir, "frame.cjs"),
      `const dfd = require("danfojs-node");
       const df = new dfd.DataFrame({ zaak: ["Z1", "Z2", "Z3"], dagen: [12, null, 40] });
       df.print();
       console.log(JSON.stringify(df.isNa().values));`,
    );
    const run = spawnSync(process.execPath, ["frame.cjs"], { cwd: dir, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/║ 1\s+│ Z2\s+│ null\s+║/);
    expect(run.stdout).toContain("[[false,false],[false,true],[false,false]]");
  });
});
