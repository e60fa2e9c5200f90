import { BIGINT, BOOLEAN, DATE, DOUBLE, type DuckDBType, TIMESTAMP, VARCHAR } from "@duckdb/node-api";
import { LivingLabError } from "../errors/problem.js";
import { sortOf } from "./column-types.js";

const MS_PER_DAY = 86_400_000;

/** True when a value counts as missing in a DataFrame: null, undefined or NaN. */
export function isMissing(value: unknown): boolean {
  return sortOf(value) === null;
}

/**
 * The DuckDB type for a column the bridge did not make, read from its values: whole numbers
 * become BIGINT, other numbers DOUBLE, dates at midnight (UTC) DATE, other dates TIMESTAMP,
 * text VARCHAR, true/false BOOLEAN. A column with values of two sorts is refused.
 */
export function columnTypeOfValues(column: string, values: readonly unknown[]): DuckDBType {
  let sort: ReturnType<typeof sortOf> = null;
  let whole = true;
  let midnight = true;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const here = sortOf(value);
    if (here === null) continue;
    if (here === "other" || (sort !== null && here !== sort)) throw mixedColumn(column, i, here);
    sort = here;
    if (here === "number" && whole) whole = Number.isSafeInteger(value);
    if (here === "date" && midnight) midnight = (value as Date).getTime() % MS_PER_DAY === 0;
  }
  if (sort === "boolean") return BOOLEAN;
  if (sort === "number") return whole ? BIGINT : DOUBLE;
  if (sort === "date") return midnight ? DATE : TIMESTAMP;
  return VARCHAR;
}

function mixedColumn(column: string, row: number, sort: string): LivingLabError {
  return new LivingLabError({
    code: "frame_mixed_column",
    message:
      sort === "other"
        ? `De kolom '${column}' heeft in rij ${row + 1} een waarde die geen getal, tekst, datum of ja/nee is.`
        : `De kolom '${column}' mengt soorten waarden: rij ${row + 1} is anders dan de rijen ervoor.`,
    hint: "Maak de kolom eerst van één soort (bijvoorbeeld met asType), of geef het type op bij 'types'.",
  });
}
