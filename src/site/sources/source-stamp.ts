import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

/**
 * What a file looks like from outside: size, change times and inode. Any write, rename into
 * place or `touch` changes it, so a reader can keep what it read until the stamp changes.
 */
export async function stampOf(file: string): Promise<string> {
  const info = await stat(file, { bigint: true }).catch(() => undefined);
  if (!info) return "-";
  return `${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}`;
}

/** The stamps of the given files and of every file below the given folders, as one text. */
export async function stampOfAll(files: readonly string[], folders: readonly string[] = []): Promise<string> {
  const below = await Promise.all(folders.map(filesBelow));
  const all = [...files, ...below.flat().sort()];
  const stamps = await Promise.all(all.map(async (file) => `${file}=${await stampOf(file)}`));
  return stamps.join("\n");
}

async function filesBelow(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
