import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { lstat, open, readdir } from "node:fs/promises";
import { join } from "node:path";
import { type CheckResultsRead, readCheckResults } from "../checks/check-results-format.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import { REPORT_DIR, RESULTS_FILE, RUN_RESULTS_DIR } from "./report-paths.js";

/**
 * What became of a run's results file: `verified` (its hash is the one the log recorded),
 * `mismatch` (a file is there, but not what the run wrote), `missing` (the run wrote one,
 * it is gone) or `none` (the run wrote no results file).
 */
export type RunResultsState = "verified" | "mismatch" | "missing" | "none";

/** A run's results as the site, the summary and `publish` may use them: only the ones the log vouches for. */
export type RunResults =
  | { state: "verified"; results: CheckResultsRead }
  | { state: Exclude<RunResultsState, "verified">; file?: string };

interface ResultsFile {
  /** Path from the experiment folder, as the run log names artifacts. */
  path: string;
  /** Absent when the name holds something no run writes: a link, a pipe, a file past the limit. */
  sha256?: string;
  bytes: Buffer;
}

/** Far more than the results of the largest suite; a larger file was not written by a run. */
const MAX_RESULTS_BYTES = 256 * 1024 * 1024;

/**
 * The results files of one experiment, found once: the copy per run under `rapport/runs/`
 * and the latest `rapport/resultaten.json`. Each run then asks for its own.
 */
export interface ResultsFolder {
  /** The results of one run, read only when the file's hash is an artifact of that run in the log. */
  resultsOf(record: RunRecord): Promise<RunResults>;
}

/** Lists an experiment's results files; nothing is parsed until a run asks for its results. */
export async function openResultsFolder(experimentDir: string): Promise<ResultsFolder> {
  // A report folder that is a link may lead anywhere: nothing in it counts as what a run wrote.
  const linked = await isLink(join(experimentDir, REPORT_DIR), join(experimentDir, REPORT_DIR, RUN_RESULTS_DIR));
  const readResultsFile = (path: string) => readRegularFile(experimentDir, path, linked);
  const perRun = new Set(
    (await readdir(join(experimentDir, REPORT_DIR, RUN_RESULTS_DIR)).catch(() => [])).filter((n) =>
      n.endsWith(".json"),
    ),
  );
  const latest = await readResultsFile(join(REPORT_DIR, RESULTS_FILE));
  const latestRun = latest?.sha256 && readCheckResults(parseJson(latest.bytes))?.run_id;
  return {
    async resultsOf(record) {
      const own = join(REPORT_DIR, RUN_RESULTS_DIR, `${record.id}.json`);
      const file = perRun.has(`${record.id}.json`)
        ? await readResultsFile(own)
        : latestRun === record.id
          ? latest
          : undefined;
      if (!file) return { state: wroteResults(record, own) ? "missing" : "none" };
      // The log holds the hash of what the run wrote; anything else is not this run's result.
      if (!file.sha256 || !record.artifacts.some((a) => a.sha256 === file.sha256))
        return { state: "mismatch", file: file.path };
      // Any format this version reads; format 1 is migrated, format 3's bounds stand in as numbers.
      const results = readCheckResults(parseJson(file.bytes));
      if (results?.run_id !== record.id) return { state: "mismatch", file: file.path };
      return { state: "verified", results };
    },
  };
}

/** Whether the run's record lists a results file among the artifacts it wrote. */
function wroteResults(record: RunRecord, own: string): boolean {
  const latest = join(REPORT_DIR, RESULTS_FILE);
  return record.artifacts.some((a) => a.path === latest || a.path === own);
}

/**
 * Reads a results file as a run wrote it: a regular file in the experiment, within the limit.
 * A symbolic link is not followed (it may point anywhere), a pipe or device is not waited on.
 */
async function readRegularFile(experimentDir: string, path: string, linked: boolean): Promise<ResultsFile | undefined> {
  const flags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
  const handle = await open(join(experimentDir, path), flags).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return undefined;
    return null;
  });
  if (handle === undefined) return undefined;
  if (handle === null || linked) {
    await handle?.close();
    return { path, bytes: Buffer.alloc(0) };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > MAX_RESULTS_BYTES) return { path, bytes: Buffer.alloc(0) };
    const bytes = await handle.readFile();
    return { path, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
  } finally {
    await handle.close();
  }
}

async function isLink(...paths: string[]): Promise<boolean> {
  for (const path of paths) if ((await lstat(path).catch(() => undefined))?.isSymbolicLink()) return true;
  return false;
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    return undefined;
  }
}
