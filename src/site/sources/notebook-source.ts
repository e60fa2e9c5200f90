import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import type { RunRecord } from "../../runlog/run-record-schema.js";

/** No executed notebook a run keeps is larger than this; a larger file is not what it wrote. */
const MAX_NOTEBOOK_BYTES = 64 * 1024 * 1024;

/**
 * The executed notebook of a notebook run as the run kept it (`rapport/runs/<run>.html`, an
 * HTML fragment), only when the file still has the hash the run recorded: the site never
 * shows something else as what the notebook showed. Like the results, a symbolic link is not
 * followed, a pipe or device is not waited on, and an oversized file is not read.
 */
export async function readExecutedNotebook(experimentDir: string, record: RunRecord): Promise<string | undefined> {
  const kept = record.artifacts.find((a) => a.name === `${record.id}.html`);
  if (!kept) return undefined;
  const flags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
  const handle = await open(join(experimentDir, kept.path), flags).catch(() => undefined);
  if (!handle) return undefined;
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > MAX_NOTEBOOK_BYTES) return undefined;
    const bytes = await handle.readFile();
    return createHash("sha256").update(bytes).digest("hex") === kept.sha256 ? bytes.toString("utf8") : undefined;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}
