import type { DatasetColumns } from "./check-definition.js";

const BASE = "__livinglab";

/**
 * The prefix of every name livinglab adds to a query (`__livinglab_f0`): one that no column of
 * any dataset starts with, compared without case as DuckDB does. A data column named like an
 * internal name can then never shadow one. Each column rules out at most one candidate
 * (`__livinglab_`, `__livinglab1_`, `__livinglab2_`, ...), so the search ends.
 */
export function internalPrefix(columns: DatasetColumns): string {
  const names = [...columns.values()].flat().map((c) => c.name.toLowerCase());
  for (let n = 0; ; n++) {
    const prefix = `${BASE}${n === 0 ? "" : n}_`;
    if (!names.some((name) => name.startsWith(prefix))) return prefix;
  }
}
