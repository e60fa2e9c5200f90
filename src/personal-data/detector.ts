import type { Expr } from "../sql/expr.js";

/**
 * One kind of personal data in free text, defined once for every place that looks for it:
 * the masker (JavaScript, `findPersonalData`) and the `pii_scan` check (SQL, on every engine).
 *
 * Patterns use only what JavaScript, RE2 (DuckDB) and PostgreSQL's regular expressions share:
 * character classes, `(?:...)` groups, alternation and counted repeats; no lookaround and no
 * backreferences. That keeps every engine linear in the length of the text.
 */
export interface PersonalDataDetector {
  /** What a reader sees instead: "[BSN verborgen]". */
  label: string;
  /** A candidate value, as a pattern in the shared subset. */
  pattern: string;
  /** The body of a character class: a candidate may not follow one of these characters. */
  notAfter: string;
  /**
   * The body of a character class: a candidate may not be followed by one of these, or ""
   * when the pattern already takes all it can. Must be a subset of `notAfter`, so that a
   * character consumed to look past one candidate was never the start of the next.
   */
  notBefore: string;
  caseInsensitive?: boolean;
  /** A checksum a candidate must pass too (the BSN 11-check, IBAN modulo 97), in both languages. */
  check?: {
    js(candidate: string): boolean;
    sql(candidate: Expr): Expr;
  };
}

/**
 * The pattern that lists candidates: after a character the candidate may not follow (or at
 * the start), the candidate and one character that it may not be followed by, if there is one.
 * A candidate with that extra character does not fully match `pattern` and is rejected; so
 * every engine finds the same candidates with the same non-overlapping scan.
 */
export function candidatePattern(detector: PersonalDataDetector): string {
  const after = detector.notBefore === "" ? "" : `[${detector.notBefore}]?`;
  return `(?:^|[^${detector.notAfter}])((?:${detector.pattern})${after})`;
}

/** The pattern a whole candidate must match. */
export function wholePattern(detector: PersonalDataDetector): string {
  return `^(?:${detector.pattern})$`;
}
