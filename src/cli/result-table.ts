import { kindName } from "../checks/check-registry.js";
import type { CheckResult } from "../checks/check-result.js";
import { dimensionName } from "../checks/dimension-words.js";
import { metricText } from "../checks/metric-unit.js";
import { failingText } from "../report/failing-text.js";
import { outcomeWords } from "../runlog/outcome-words.js";

/** The columns in the words the site uses: "soort" is the quality dimension, "toets" the kind of check. */
const header = ["controle", "soort", "toets", "uitkomst", "gemeten", "afwijkend", "voorbeeld (sleutels) of reden"];

/**
 * The results as a plain-text table for the terminal, one line per check; each metric in
 * its own unit ("62,0%", "5.000", "3,5 keer", "1,2 procentpunt").
 */
export function formatResultTable(checks: readonly CheckResult[]): string {
  const rows = checks.map((c) => [
    c.id,
    dimensionName(c.dimension),
    kindName(c.kind),
    c.outcome === "failed" ? "NIET IN ORDE" : outcomeWords[c.outcome],
    metricText(c),
    failingText(c, 0),
    c.reason ?? c.sample.join(", "),
  ]);
  const last = header.length - 1;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === last ? 0 : (r[i] ?? "").length))));
  const line = (cells: readonly (string | undefined)[]) =>
    cells.map((cell = "", i) => (i === last ? cell : cell.padEnd(widths[i] ?? 0))).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}
