import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";

/** Writes JSON whole or not at all: to a temporary file first, then renamed into place. */
export async function writeJson(file: string, value: unknown): Promise<string> {
  const target = resolve(file);
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`);
  await rename(temporary, target);
  return target;
}
