import { formatProblems } from "./format-problem.js";

/** Where in a user's file a problem sits. Lines and columns count from 1. */
export interface SourceLocation {
  file?: string;
  line?: number;
  column?: number;
}

/**
 * A user-facing problem: data, not an exception. The message and hint are Dutch, the
 * code is a stable snake_case identifier that tests and tools can match on.
 */
export interface Problem extends SourceLocation {
  code: string;
  message: string;
  hint?: string;
  /** The hint in a notebook's words, where `hint` names command-line options (`--justification`). */
  notebookHint?: string;
  /** Path into the document, e.g. ["principes", "doel", "toelichting"]. */
  path?: ReadonlyArray<string | number>;
}

/**
 * Thrown for a user's mistake (bad input, a refused gate). Front-ends print its problems
 * without a stack trace; anything else that is thrown is a tool error.
 */
export class LivingLabError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: Problem | readonly Problem[]) {
    const list = Array.isArray(problems) ? problems : [problems as Problem];
    super(list.map((p) => p.message).join("; "));
    this.name = "LivingLabError";
    this.problems = list;
  }

  /**
   * How Node shows this error (the notebook kernel prints a failing cell's error this way):
   * the Dutch problems with their notebook hints, no stack trace, for it is the user's mistake.
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return formatProblems(this.problems.map((p) => (p.notebookHint ? { ...p, hint: p.notebookHint } : p)));
  }
}

/** Narrows an unknown thrown value to a user-facing error. */
export function isLivingLabError(value: unknown): value is LivingLabError {
  return value instanceof LivingLabError;
}
