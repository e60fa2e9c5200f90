import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import type { Problem } from "../../errors/problem.js";
import type { RunRecord } from "../../runlog/run-record-schema.js";
import { type Datasheet, datasheetSchema } from "../../synth/datasheet.js";

/** The file the generator writes beside the data it made (see src/synth/generate-om.ts). */
export const DATASHEET_FILE = "datasheet.json";

/** A datasheet found beside data a run read, with where it was found (from the experiment folder). */
export interface FoundDatasheet {
  file: string;
  sheet: Datasheet;
}

/**
 * The datasheet files that may describe data the runs read: one per folder a run read a file
 * from. Whether a datasheet describes a run's file is decided later by the file's SHA-256,
 * never by its folder or name.
 */
export function datasheetCandidates(dir: string, runs: readonly RunRecord[]): string[] {
  const folders = new Set<string>();
  for (const run of runs) {
    for (const dataset of run.datasets) folders.add(dirname(resolve(dir, dataset.path)));
  }
  return [...folders].sort().map((folder) => join(folder, DATASHEET_FILE));
}

/**
 * Reads the candidate datasheets that exist. One that is not a datasheet of this tool's format
 * is a problem shown on the page, never a page built from half of it.
 */
export async function readDatasheets(
  dir: string,
  files: readonly string[],
): Promise<{ sheets: FoundDatasheet[]; problems: Problem[] }> {
  const sheets: FoundDatasheet[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    if (text === undefined) continue;
    const shown = relative(dir, file);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = datasheetSchema.safeParse(json);
    if (parsed.success) {
      sheets.push({ file: shown, sheet: parsed.data });
      continue;
    }
    problems.push({
      code: "datasheet_unreadable",
      file: shown,
      message: `Het datasheet ${shown} is geen datasheet van de generator, of is beschadigd; het wordt niet getoond.`,
      hint: "Maak de data opnieuw met livinglab synth of livinglab run; die schrijven het datasheet opnieuw.",
    });
  }
  return { sheets, problems };
}
