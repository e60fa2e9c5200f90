import { relative } from "node:path";
import { formatProblems } from "../errors/format-problem.js";
import type { ValidationReport } from "./validate-paths.js";

/** The validate report as the CLI prints it, with file names relative to `base`. */
export function formatValidation(report: ValidationReport, base: string): { out: string; err: string } {
  const rel = (file: string) => relative(base, file) || file;
  const out = report.checked.map((c) => `${c.valid ? "✓" : "✗"} ${c.kind} ${rel(c.file)}`).join("\n");
  const problems = report.problems.map((p) => (p.file ? { ...p, file: rel(p.file) } : p));
  return { out, err: problems.length > 0 ? formatProblems(problems) : "" };
}
