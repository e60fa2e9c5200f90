/** One row of the ground truth: an injected defect of a kind in one row of a table. */
export interface TruthRow {
  kind: string;
  table_name: string;
  row_key: string;
}

/** How well a suite found one defect kind. Recall and precision are null when nothing was there to count. */
export interface KindScore {
  kind: string;
  recall: number | null;
  precision: number | null;
  truth_count: number;
  flagged_count: number;
  found_count: number;
}

/** A flagged row: the check's table and the row's key. */
export interface FlaggedRow {
  kind: string;
  table: string;
  key: string;
}

const rowId = (table: string, key: string) => `${table}\u0000${key}`;

/**
 * Compares what the checks flagged, per defect kind, with the ground truth.
 * @example scoreExam(truthRows, flaggedRows) // [{ kind: "duplicate_key", recall: 1, precision: 1, ... }]
 */
export function scoreExam(truth: readonly TruthRow[], flagged: readonly FlaggedRow[]): KindScore[] {
  const truthByKind = new Map<string, Set<string>>();
  const flaggedByKind = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, kind: string, id: string) =>
    map.set(kind, (map.get(kind) ?? new Set()).add(id));
  for (const row of truth) add(truthByKind, row.kind, rowId(row.table_name, row.row_key));
  for (const row of flagged) add(flaggedByKind, row.kind, rowId(row.table, row.key));
  const kinds = [...new Set([...truthByKind.keys(), ...flaggedByKind.keys()])].sort();
  return kinds.map((kind) => {
    const expected = truthByKind.get(kind) ?? new Set<string>();
    const found = flaggedByKind.get(kind) ?? new Set<string>();
    const hits = [...found].filter((id) => expected.has(id)).length;
    return {
      kind,
      recall: expected.size === 0 ? null : hits / expected.size,
      precision: found.size === 0 ? null : hits / found.size,
      truth_count: expected.size,
      flagged_count: found.size,
      found_count: hits,
    };
  });
}

/** True when every kind that is present is found completely and without false alarms. */
export function examPassed(scores: readonly KindScore[]): boolean {
  return scores.every((s) => (s.recall === null || s.recall === 1) && (s.precision === null || s.precision === 1));
}
