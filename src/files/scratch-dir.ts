import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { currentOwner, ownerIsAlive, type ProcessOwner } from "./process-owner.js";

/** The file inside every scratch folder that names the process it belongs to. */
export const OWNER_FILE = "owner.json";
/** Purposes name what a scratch folder is for; a folder of an unknown purpose is never swept. */
export const scratchPurposes = ["duckdb", "synth", "load"] as const;
export type ScratchPurpose = (typeof scratchPurposes)[number];

const NAME = new RegExp(`^(${scratchPurposes.join("|")})-(\\d+)-[0-9a-f]{12}$`);

/** A folder for one process's temporary files, removed when the work is done. */
export interface ScratchDir {
  path: string;
  /** Removes the folder and everything in it; never throws. */
  remove(): Promise<void>;
}

/**
 * The tool's own place in the system's temporary folder, readable only by this account:
 * spill files and plaintext copies of data live here, never under a shared name.
 */
export function scratchRoot(): string {
  return join(tmpdir(), `livinglab-${process.getuid?.() ?? "user"}`);
}

/**
 * Makes `<parent>/<purpose>-<pid>-<random>` with an owner file, after removing what processes
 * that died (kill -9, a crash) left in `parent`. Default parent: `scratchRoot()`.
 * @example const work = await makeScratchDir("load"); try { ... } finally { await work.remove(); }
 */
export async function makeScratchDir(purpose: ScratchPurpose, parent = scratchRoot()): Promise<ScratchDir> {
  await mkdir(parent, { recursive: true, mode: 0o700 });
  await sweepStaleScratch(parent);
  const owner = currentOwner();
  const path = join(parent, `${purpose}-${owner.pid}-${randomBytes(6).toString("hex")}`);
  await mkdir(path, { mode: 0o700 });
  await writeFile(join(path, OWNER_FILE), `${JSON.stringify({ purpose, ...owner })}\n`);
  return { path, remove: () => rm(path, { recursive: true, force: true }).catch(() => {}) };
}

/**
 * Removes the scratch folders in `parent` whose owner is dead. A folder is only ever removed
 * when its name is the tool's and its owner (from its owner file, else from its name) is known
 * dead on this host; a live process's folder, or anyone else's file, is left alone.
 */
export async function sweepStaleScratch(parent: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const match = NAME.exec(name);
    if (!match) continue;
    const path = join(parent, name);
    const owner = (await readOwner(path)) ?? { pid: Number(match[2]), host: currentOwner().host, started: 0 };
    if (ownerIsAlive(owner)) continue;
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}

async function readOwner(path: string): Promise<ProcessOwner | undefined> {
  try {
    const value = JSON.parse(await readFile(join(path, OWNER_FILE), "utf8")) as Partial<ProcessOwner>;
    if (typeof value.pid === "number" && typeof value.host === "string" && typeof value.started === "number") {
      return { pid: value.pid, host: value.host, started: value.started };
    }
  } catch {
    // No owner file yet (killed right after mkdir): the pid in the name decides.
  }
  return undefined;
}
