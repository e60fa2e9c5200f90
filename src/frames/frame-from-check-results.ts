import { BIGINT, DOUBLE, VARCHAR } from "@duckdb/node-api";
import type { DataFrame } from "danfojs-node";
import type { CheckResult, SuiteResult } from "../checks/check-result.js";
import { type MetricFacts, publishableMetric } from "../checks/metric-unit.js";
import { frameFromColumns } from "./frame-from-columns.js";

/**
 * The results of a suite as a DataFrame, one row per check: id, kind, dimension, table, severity,
 * outcome, metric, unit, counted, failing_count, row_count, threshold (JSON), sample_keys (a few
 * failing rows by key), finding and description.
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
      { name: "unit", type: VARCHAR, values: text((c) => c.unit) },
      { name: "counted", type: VARCHAR, values: text((c) => c.counted) },
      { name: "failing_count", type: BIGINT, values: number((c) => c.failing_count) },
      { name: "row_count", type: BIGINT, values: number((c) => c.row_count) },
      { name: "threshold", type: VARCHAR, values: text((c) => JSON.stringify(c.threshold)) },
      { name: "sample_keys", type: VARCHAR, values: text((c) => c.sample.join(" ")) },
      { name: "finding", type: VARCHAR, values: text((c) => c.finding) },
      { name: "description", type: VARCHAR, values: text((c) => c.description) },
    ],
    {
      key: ["id"],
      counts: ["failing_count", "row_count"],
      // The number of sample keys is the failing count.
      revealsCount: { sample_keys: "failing_count" },
      // A metric in its unit, as business owners may see it: no small count, nor a share that gives one away.
      published: {
        metric: {
          from: ["metric", "unit", "counted", "failing_count"],
          text: (row) => publishableMetric(row as unknown as MetricFacts),
        },
      },
      show: ["threshold", "sample_keys", "finding", "description"],
    },
  );
}
