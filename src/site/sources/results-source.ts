import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { dimensions } from "../../checks/check-definition.js";
import { outcomes } from "../../checks/check-result.js";
import { MIN_CELL_SIZE } from "../../report/html.js";
import { REPORT_DIR, RESULTS_FILE, RUN_RESULTS_DIR } from "../../report/write-summary.js";
import type { RunRecord } from "../../runlog/run-record-schema.js";
import type { CheckView, RunResultsState } from "../lab-view.js";

/** The parts of a results file (`rapport/resultaten.json`) the site reads; other fields are ignored. */
const resultsFileSchema = z.object({
  run: z.string(),
  outcome: z.enum(outcomes),
  checks: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      dimension: z.enum(dimensions),
      table: z.string(),
      severity: z.enum(["warn", "fail"]).default("fail"),
      description: z.string(),
      outcome: z.enum(outcomes),
      metric: z.number().nullable(),
      // Written before the output rules as numbers; since then "< 5" or "> 995" where a count is suppressed.
      failing_count: z.union([z.number(), z.string()]),
      row_count: z.union([z.number(), z.string()]),
      threshold: z.record(z.string(), z.number()),
      sample: z.array(z.string()).default([]),
      reason: z.string().optional(),
    }),
  ),
});

export type RunResults =
  | { state: "verified"; outcome: CheckView["outcome"]; checks: CheckView[] }
  | { state: Exclude<RunResultsState, "verified">; file?: string };

interface ResultsFile {
  /** Path from the experiment folder, as the run log names artifacts. */
  path: string;
  sha256: string;
  bytes: Buffer;
}

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
  const perRun = new Set(
    (await readdir(join(experimentDir, REPORT_DIR, RUN_RESULTS_DIR)).catch(() => [])).filter((n) =>
      n.endsWith(".json"),
    ),
  );
  const latest = await readResultsFile(experimentDir, join(REPORT_DIR, RESULTS_FILE));
  const latestRun = latest && runIdOf(latest.bytes);
  return {
    async resultsOf(record) {
      const own = join(REPORT_DIR, RUN_RESULTS_DIR, `${record.id}.json`);
      const file = perRun.has(`${record.id}.json`)
        ? await readResultsFile(experimentDir, own)
        : latestRun === record.id
          ? latest
          : undefined;
      if (!file) return { state: wroteResults(record, own) ? "missing" : "none" };
      // The log holds the hash of what the run wrote; anything else is not this run's result.
      if (!record.artifacts.some((a) => a.sha256 === file.sha256)) return { state: "mismatch", file: file.path };
      const parsed = resultsFileSchema.safeParse(parseJson(file.bytes));
      if (!parsed.success || parsed.data.run !== record.id) return { state: "mismatch", file: file.path };
      return { state: "verified", outcome: parsed.data.outcome, checks: parsed.data.checks.map(checkViewOf) };
    },
  };
}

type PublishedCheck = z.infer<typeof resultsFileSchema>["checks"][number];

/**
 * A check as the pages use it. A suppressed count stands in as a number inside its bound (1
 * for "< 5", all rows but one for "> 995"): the pages show every count through the same
 * suppression, so they show the bound and never the stand-in.
 */
function checkViewOf({ reason, failing_count, row_count, ...check }: PublishedCheck): CheckView {
  const rows = typeof row_count === "number" ? row_count : MIN_CELL_SIZE - 1;
  const failing = typeof failing_count === "number" ? failing_count : failing_count.startsWith(">") ? rows - 1 : 1;
  return { ...check, failing_count: failing, row_count: rows, ...(reason ? { reason } : {}) };
}

/** Whether the run's record lists a results file among the artifacts it wrote. */
function wroteResults(record: RunRecord, own: string): boolean {
  const latest = join(REPORT_DIR, RESULTS_FILE);
  return record.artifacts.some((a) => a.path === latest || a.path === own);
}

async function readResultsFile(experimentDir: string, path: string): Promise<ResultsFile | undefined> {
  const bytes = await readFile(join(experimentDir, path)).catch(() => undefined);
  if (!bytes) return undefined;
  return { path, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

function runIdOf(bytes: Buffer): string | undefined {
  const value = parseJson(bytes) as { run?: unknown } | undefined;
  return typeof value?.run === "string" ? value.run : undefined;
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    return undefined;
  }
}
