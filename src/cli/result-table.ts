import type { CheckResult } from "../checks/check-result.js";

const label: Record<CheckResult["outcome"], string> = {
  passed: "in orde",
  warned: "let op",
  failed: "NIET IN ORDE",
  not_evaluated: "niet beoordeeld",
};

function metricText(metric: number | null): string {
  if (metric === null) return "–";
  return Number.isInteger(metric) ? String(metric) : metric.toFixed(4);
}

/** The results as a plain-text table for the terminal, one line per check. */
export function formatResultTable(checks: readonly CheckResult[]): string {
  const rows = checks.map((c) => [
    c.id,
    c.kind,
    c.dimension,
    label[c.outcome],
    metricText(c.metric),
    String(c.failing_count),
    c.reason ?? c.sample.join(", "),
  ]);
  const header = ["check", "soort", "dimensie", "uitkomst", "metriek", "afwijkend", "voorbeeld (sleutels) of reden"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === 6 ? 0 : (r[i] ?? "").length))));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 6 ? cell : cell.padEnd(widths[i] ?? 0))).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}
