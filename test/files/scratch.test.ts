import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  currentOwner,
  DuckDbEngine,
  makeScratchDir,
  ownerIsAlive,
  scratchRoot,
  sweepStaleScratch,
  writeFileAtomic,
} from "../../src/index.js";
import { useTempDirs } from "../helpers/temp-dirs.js";

const tempDir = useTempDirs();

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid as number;
}

describe("scratch folders", () => {
  it("are the tool's own, named by their process, and private to this account", async () => {
    const scratch = await makeScratchDir("load");
    expect(scratch.path.startsWith(`${scratchRoot()}/load-${process.pid}-`)).toBe(true);
    const owner = JSON.parse(await readFile(join(scratch.path, "owner.json"), "utf8"));
    expect(owner).toEqual({ purpose: "load", ...currentOwner() });
    expect((await stat(scratch.path)).mode & 0o777).toBe(0o700);
    expect((await stat(scratchRoot())).mode & 0o777).toBe(0o700);
    await scratch.remove();
    expect(existsSync(scratch.path)).toBe(false);
  });

  it("of dead processes are removed at the next start; live ones and other files are left alone", async () => {
    const parent = await tempDir("livinglab-scratch-");
    const dead = await deadPid();
    const me = currentOwner();
    const folders = {
      dead: join(parent, `synth-${dead}-0123456789ab`),
      deadWithoutOwnerFile: join(parent, `load-${dead}-ba9876543210`),
      reusedPid: join(parent, `duckdb-${process.pid}-aaaaaaaaaaaa`),
      alive: join(parent, `duckdb-${process.pid}-bbbbbbbbbbbb`),
      notOurs: join(parent, `backup-${dead}-cccccccccccc`),
      userFolder: join(parent, "synth-resultaten"),
    };
    for (const folder of Object.values(folders)) await mkdir(folder);
    const owner = (pid: number, started: number) => JSON.stringify({ pid, host: hostname(), started });
    await writeFile(join(folders.dead, "owner.json"), owner(dead, 1));
    await writeFile(join(folders.dead, "zaken.tsv"), "plaintext\n");
    // Same pid, but a process that started at another moment: the pid was reused.
    await writeFile(join(folders.reusedPid, "owner.json"), owner(process.pid, me.started + 1));
    await writeFile(join(folders.alive, "owner.json"), owner(process.pid, me.started));

    const made = await makeScratchDir("synth", parent);
    const left = await readdir(parent);
    expect(left.sort()).toEqual(
      [folders.alive, folders.notOurs, folders.userFolder, made.path].map((f) => f.slice(parent.length + 1)).sort(),
    );
    expect(await sweepStaleScratch(parent)).toEqual([]);
    expect(ownerIsAlive({ pid: dead, host: hostname(), started: 0 })).toBe(false);
    expect(ownerIsAlive({ pid: dead, host: "een-andere-machine", started: 0 })).toBe(true);
  });

  it("give every DuckDB engine its own spill folder, removed when it closes", async () => {
    const [a, b] = [await DuckDbEngine.open(), await DuckDbEngine.open()];
    const spillOf = async (engine: DuckDbEngine) =>
      String((await engine.query("SELECT current_setting('temp_directory') AS d"))[0]?.d);
    const [spillA, spillB] = [await spillOf(a), await spillOf(b)];
    expect(spillA).not.toBe(spillB);
    for (const spill of [spillA, spillB])
      expect(spill.startsWith(`${scratchRoot()}/duckdb-${process.pid}-`)).toBe(true);
    await a.close();
    await b.close();
    expect(existsSync(join(spillA, ".."))).toBe(false);
    expect(existsSync(join(spillB, ".."))).toBe(false);
  });
});

describe("writing a file atomically", () => {
  it("never shares a temporary name and returns the hash of the bytes this call wrote", async () => {
    const file = join(await tempDir("livinglab-atomic-"), "rapport", "resultaten.json");
    const texts = Array.from({ length: 50 }, (_, i) => `{"run": ${i}, "tekst": "${"x".repeat(i * 997)}"}\n`);
    const written = await Promise.all(texts.map((text) => writeFileAtomic(file, text)));
    for (const [i, w] of written.entries()) {
      expect(w.sha256).toBe(
        createHash("sha256")
          .update(texts[i] as string)
          .digest("hex"),
      );
    }
    // The file is one of them whole, and nothing temporary is left.
    expect(texts).toContain(await readFile(file, "utf8"));
    expect(await readdir(join(file, ".."))).toEqual(["resultaten.json"]);
  });

  it("removes temporary files that a killed writer left beside the target", async () => {
    const dir = await tempDir("livinglab-atomic-");
    const stale = join(dir, `.samenvatting.html.livinglab-${await deadPid()}-0123456789ab.tmp`);
    const live = join(dir, `.samenvatting.html.livinglab-${process.pid}-0123456789ab.tmp`);
    await writeFile(stale, "half");
    await writeFile(live, "bezig");
    await writeFileAtomic(join(dir, "samenvatting.html"), "<p>klaar</p>");
    expect((await readdir(dir)).sort()).toEqual([live.slice(dir.length + 1), "samenvatting.html"].sort());
  });
});
