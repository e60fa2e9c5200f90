import { BIGINT, DOUBLE, VARCHAR } from "@duckdb/node-api";
import type { DataFrame } from "danfojs-node";
import type { CheckResult, SuiteResult } from "../checks/check-result.js";
import { failingShare } from "../report/summary-page.js";
import { frameFromColumns } from "./frame-from-columns.js";

/**
 * The results of a suite as a DataFrame, one row per check: id, kind, dimension, table, severity,
 * outcome, metric, failing_count, row_count, failing_share, threshold (JSON), sample_keys (a few failing rows by key) and description.
 * @example const checks = await frameFromCheckResults(run.result);
 */
export async function frameFromCheckResults(result: SuiteResult | readonly CheckResult[]): Promise<DataFrame> {
  const checks = "checks" in result ? result.checks : result;
  const text = (pick: (c: CheckResult) => string | undefined) => checks.map((c) => pick(c) ?? null);
  const number = (pick: (c: CheckResult) => number | null) => checks.map(pick);
  return frameFromColumns(
    [
      { name: "id", type: VARCHAR, values: text((c) => c.id) },
      { name: "kind", type: VARCHAR, values: text((c) => c.kind) },
      { name: "dimension", type: VARCHAR, values: text((c) => c.dimension) },
      { name: "table", type: VARCHAR, values: text((c) => c.table) },
      { name: "severity", type: VARCHAR, values: text((c) => c.severity) },
      { name: "outcome", type: VARCHAR, values: text((c) => c.outcome) },
      { name: "metric", type: DOUBLE, values: number((c) => c.metric) },
      { name: "failing_count", type: BIGINT, values: number((c) => c.failing_count) },
      { name: "row_count", type: BIGINT, values: number((c) => c.row_count) },
      { name: "failing_share", type: DOUBLE, values: number(failingShare) },
      { name: "threshold", type: VARCHAR, values: text((c) => JSON.stringify(c.threshold)) },
      { name: "sample_keys", type: VARCHAR, values: text((c) => c.sample.join(" ")) },
      { name: "description", type: VARCHAR, values: text((c) => c.description) },
    ],
    {
      key: ["id"],
      counts: ["failing_count", "row_count"],
      // For a row check the metric is the failing share itself; the number of sample keys is the count.
      revealsCount: { failing_share: "failing_count", metric: "failing_count", sample_keys: "failing_count" },
      show: ["threshold", "sample_keys", "description"],
    },
  );
}
