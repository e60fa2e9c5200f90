export const findingKinds = [
  "edited",
  "removed",
  "inserted",
  "reordered",
  "truncated",
  "torn",
  "set_aside",
  "missing",
  "destruction_unfinished",
  "seal_mismatch",
  "signature_invalid",
  "unsigned",
  "backdated",
  "future",
] as const;
export type FindingKind = (typeof findingKinds)[number];

/** Where the chain first breaks, in the user's terms: a line of the file and what happened there. */
export interface ChainFinding {
  kind: FindingKind;
  /** Line of the log file (from 1) where the break shows. */
  line: number;
  seq?: number;
  id?: string;
  /** Dutch, for the CLI and notebooks. */
  message: string;
  /** Dutch: what to do about it, where there is something to do. */
  hint?: string;
}
