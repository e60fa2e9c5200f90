import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { dimensions } from "../../checks/check-definition.js";
import { outcomes } from "../../checks/check-result.js";
import { REPORT_DIR, RUN_RESULTS_DIR } from "../../report/write-summary.js";
import type { CheckView } from "../lab-view.js";

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
      failing_count: z.number(),
      row_count: z.number(),
      threshold: z.record(z.string(), z.number()),
      sample: z.array(z.string()).default([]),
      reason: z.string().optional(),
    }),
  ),
});

export interface RunResults {
  outcome: CheckView["outcome"];
  checks: CheckView[];
}

/**
 * The check results of one run: its own copy under `rapport/runs/`, or the latest
 * `rapport/resultaten.json` when that belongs to this run. Undefined when neither is there.
 */
export async function readRunResults(experimentDir: string, runId: string): Promise<RunResults | undefined> {
  const candidates = [
    join(experimentDir, REPORT_DIR, RUN_RESULTS_DIR, `${runId}.json`),
    join(experimentDir, REPORT_DIR, "resultaten.json"),
  ];
  for (const file of candidates) {
    const parsed = resultsFileSchema.safeParse(await readJson(file));
    if (parsed.success && parsed.data.run === runId) {
      const checks = parsed.data.checks.map(({ reason, ...check }) => ({ ...check, ...(reason ? { reason } : {}) }));
      return { outcome: parsed.data.outcome, checks };
    }
  }
  return undefined;
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch {
    return undefined;
  }
}
