import type { Problem } from "./problem.js";

/** Renders a path into a document as `a.b[2].c`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  return path.map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? part : `.${part}`)).join("");
}

/**
 * Renders one problem the same way everywhere (CLI, notebook, web page):
 * `file:line:column  path  message (code)` and an indented hint.
 */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(":");
  const path = problem.path && problem.path.length > 0 ? formatPath(problem.path) : "";
  const head = [where, path].filter((part) => part !== "").join("  ");
  const lines = [`${head ? `${head}  ` : ""}${problem.message} (${problem.code})`];
  if (problem.hint) lines.push(`  tip: ${problem.hint}`);
  return lines.join("\n");
}

/** Renders a list of problems, one block each, with a count at the end. */
export function formatProblems(problems: readonly Problem[]): string {
  const noun = problems.length === 1 ? "probleem" : "problemen";
  return `${problems.map(formatProblem).join("\n")}\n${problems.length} ${noun} gevonden.`;
}
