import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, rm } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { ownerIsAlive } from "./process-owner.js";

const TEMPORARY = /^\..+\.livinglab-(\d+)-[0-9a-f]{12}\.tmp$/;
const swept = new Set<string>();

/** A file as this process wrote it: where, and the SHA-256 of exactly its bytes. */
export interface WrittenFile {
  path: string;
  sha256: string;
}

/**
 * Writes a file whole or not at all: to a hidden temporary name of this process's own
 * (`.<name>.livinglab-<pid>-<random>.tmp`, beside the target), forced to disk, then renamed
 * into place. Concurrent writers never share a temporary name, and the hash returned is of
 * the bytes this call wrote, whatever another process writes to the same name afterwards.
 * @example const { sha256 } = await writeFileAtomic("rapport/resultaten.json", text);
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<WrittenFile> {
  const path = resolve(file);
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  await sweepStaleTemporaries(dir);
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  const temporary = join(dir, `.${basename(path)}.livinglab-${process.pid}-${randomBytes(6).toString("hex")}.tmp`);
  try {
    const handle = await open(temporary, "wx");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { path, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** Removes, once per folder and process, the temporary files of writers that died before their rename. */
async function sweepStaleTemporaries(dir: string): Promise<void> {
  if (swept.has(dir)) return;
  swept.add(dir);
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const pid = TEMPORARY.exec(name)?.[1];
    if (pid !== undefined && !ownerIsAlive({ pid: Number(pid), host: hostname(), started: 0 })) {
      await rm(join(dir, name), { force: true });
    }
  }
}
