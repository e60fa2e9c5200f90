import type { CheckResult } from "../checks/check-result.js";
import { metricText } from "../checks/metric-unit.js";
import { failingText } from "../report/summary-page.js";

const label: Record<CheckResult["outcome"], string> = {
  passed: "in orde",
  warned: "let op",
  failed: "NIET IN ORDE",
  not_evaluated: "niet beoordeeld",
};

/**
 * The results as a plain-text table for the terminal, one line per check; each metric in
 * its own unit ("62,0%", "5.000", "3,5 keer", "1,2 procentpunt").
 */
export function formatResultTable(checks: readonly CheckResult[]): string {
  const rows = checks.map((c) => [
    c.id,
    c.kind,
    c.dimension,
    label[c.outcome],
    metricText(c),
    failingText(c, 0),
    c.reason ?? c.sample.join(", "),
  ]);
  const header = ["check", "soort", "dimensie", "uitkomst", "gemeten", "afwijkend", "voorbeeld (sleutels) of reden"];
  const last = header.length - 1;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === last ? 0 : (r[i] ?? "").length))));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === last ? cell : cell.padEnd(widths[i] ?? 0))).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}
