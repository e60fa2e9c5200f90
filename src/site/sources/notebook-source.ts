import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { RunRecord } from "../../runlog/run-record-schema.js";

/**
 * The executed notebook of a notebook run as the run kept it (`rapport/runs/<run>.html`, an
 * HTML fragment), only when the file still has the hash the run recorded: the site never
 * shows something else as what the notebook showed.
 */
export async function readExecutedNotebook(experimentDir: string, record: RunRecord): Promise<string | undefined> {
  const kept = record.artifacts.find((a) => a.name === `${record.id}.html`);
  if (!kept) return undefined;
  try {
    const bytes = await readFile(join(experimentDir, kept.path));
    return createHash("sha256").update(bytes).digest("hex") === kept.sha256 ? bytes.toString("utf8") : undefined;
  } catch {
    return undefined;
  }
}
