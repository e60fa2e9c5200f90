/** How well a suite found one defect kind. Recall and precision are null when nothing was there to count. */
export interface KindScore {
  kind: string;
  recall: number | null;
  precision: number | null;
  truth_count: number;
  flagged_count: number;
  found_count: number;
}

/** True when every kind that is present is found completely and without false alarms. */
export function examPassed(scores: readonly KindScore[]): boolean {
  return scores.every((s) => (s.recall === null || s.recall === 1) && (s.precision === null || s.precision === 1));
}
