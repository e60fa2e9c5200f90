import type { Row } from "../engines/engine.js";
import { and, bin, call, col, countRows, type Expr, isNotNull, lit, type Select } from "../sql/expr.js";
import type { CheckResult } from "./check-result.js";
import { flaggedKeysQuery, type SuitePlan } from "./plan-suite.js";
import type { KindScore } from "./score-exam.js";

/** The columns a ground truth has: one row per injected defect. */
export const TRUTH_COLUMNS = ["kind", "table_name", "row_key"] as const;

/**
 * The exam as one query on the engine: every key each check flags (for the defect kind it
 * `finds`) against the ground truth, joined where the data lives. Only a count per kind comes
 * back, never a key. Groups flagged by a group check are already known, so they go in as text.
 * @example renderSelect(examQuery(plan, results, "ground_truth"), engine.dialect)
 */
export function examQuery(plan: SuitePlan, results: ReadonlyMap<string, CheckResult>, truth: string): Select {
  const flagged: Select[] = [];
  for (const planned of plan.checks) {
    const { check } = planned;
    // A check that could not be evaluated (its custom SQL failed) flagged nothing.
    if (check.finds === undefined || results.get(check.id)?.outcome === "not_evaluated") continue;
    const labels = [
      { expr: lit(check.finds), alias: "kind" },
      { expr: lit(check.table), alias: "tbl" },
    ];
    if (planned.measure.type === "groups") {
      for (const group of results.get(check.id)?.sample ?? []) {
        flagged.push({ items: [...labels, { expr: lit(group), alias: "k" }] });
      }
      continue;
    }
    const keys = flaggedKeysQuery(planned);
    if (keys) {
      flagged.push({
        items: [...labels, { expr: col("k"), alias: "k" }],
        from: { type: "select", select: keys, alias: `flagged_${flagged.length}` },
      });
    }
  }
  // With nothing that could be flagged, the flagged side is one row that joins nothing.
  if (flagged.length === 0) {
    flagged.push({
      items: [lit(null), lit(null), lit(null)].map((expr, i) => ({ expr, alias: ["kind", "tbl", "k"][i] })),
    });
  }
  const side = (alias: string, name: string) => col(name, alias);
  const same = (name: string) => bin("=", side("t", name), side("f", name));
  const kind: Expr = call("coalesce", side("t", "kind"), side("f", "kind"));
  return {
    items: [
      { expr: kind, alias: "kind" },
      { expr: { type: "aggregate", fn: "count", expr: side("t", "k") }, alias: "truth_count" },
      { expr: { type: "aggregate", fn: "count", expr: side("f", "k") }, alias: "flagged_count" },
      { expr: countRows(and(isNotNull(side("t", "k")), isNotNull(side("f", "k")))), alias: "found_count" },
    ],
    from: {
      type: "join",
      join: "full",
      left: {
        type: "select",
        alias: "t",
        select: {
          distinct: true,
          items: [
            { expr: col("kind"), alias: "kind" },
            { expr: col("table_name"), alias: "tbl" },
            { expr: call("to_text", col("row_key")), alias: "k" },
          ],
          from: { type: "table", name: truth },
        },
      },
      right: {
        type: "select",
        alias: "f",
        select: {
          distinct: true,
          items: ["kind", "tbl", "k"].map((name) => ({ expr: col(name), alias: name })),
          from: { type: "union_all", selects: flagged, alias: "flagged" },
          where: isNotNull(col("k")),
        },
      },
      on: and(same("kind"), same("tbl"), same("k")),
    },
    groupBy: [kind],
  };
}

/** Recall and precision per kind from the exam query's counts, sorted by kind. */
export function scoresFromExam(rows: readonly Row[]): KindScore[] {
  return rows
    .map((row) => {
      const truth = Number(row.truth_count) || 0;
      const flagged = Number(row.flagged_count) || 0;
      const found = Number(row.found_count) || 0;
      return {
        kind: String(row.kind),
        recall: truth === 0 ? null : found / truth,
        precision: flagged === 0 ? null : found / flagged,
        truth_count: truth,
        flagged_count: flagged,
        found_count: found,
      };
    })
    .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}
