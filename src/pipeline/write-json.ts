import { type WrittenFile, writeFileAtomic } from "../files/write-file-atomic.js";

/** Writes JSON whole or not at all, under a temporary name of this process's own; returns the path and the hash of its bytes. */
export function writeJson(file: string, value: unknown): Promise<WrittenFile> {
  return writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
