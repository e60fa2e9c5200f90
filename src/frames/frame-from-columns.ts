import type { DuckDBType } from "@duckdb/node-api";
import type { DataFrame } from "danfojs-node";
import { LivingLabError, type Problem } from "../errors/problem.js";
import { memberNames, refuseTakenNames } from "./column-names.js";
import { columnReadings, type FrameValue, sortOfDtype } from "./column-types.js";
import { type FrameRoles, rememberFrame } from "./frame-info.js";
import { loadDanfo } from "./load-danfo.js";

/** One column on its way into a DataFrame: its values, in row order, and the DuckDB type they have. */
export interface FrameColumn {
  name: string;
  type: DuckDBType;
  values: FrameValue[];
}

/**
 * Makes a danfojs-node DataFrame from whole columns (never from row objects), labelled with the
 * dtype of each column's DuckDB type, and remembers those types and the roles for the way back.
 */
export async function frameFromColumns(columns: readonly FrameColumn[], roles: FrameRoles = {}): Promise<DataFrame> {
  const problems = unsupportedColumns(columns);
  if (problems.length > 0) throw new LivingLabError(problems);
  const dtypes = columns.map((column) => columnReadings[column.type.typeId]?.dtype ?? "string");
  const values = columns.map((column, i) =>
    sortOfDtype[dtypes[i] ?? "string"] === "number" ? missingAsNaN(column.values) : column.values,
  );
  const names = columns.map((c) => c.name);
  const dfd = await loadDanfo();
  refuseTakenNames(names, memberNames(dfd.DataFrame.prototype));
  const rows = columns[0]?.values.length ?? 0;
  // Passing the dtypes spares danfojs a look at the values to guess them.
  const frame =
    rows === 0
      ? new dfd.DataFrame([], { columns: names, dtypes })
      : new dfd.DataFrame(Object.fromEntries(names.map((name, i) => [name, values[i]])), { columns: names, dtypes });
  return rememberFrame(frame, { ...roles, types: Object.fromEntries(columns.map((c) => [c.name, c.type])) });
}

/** Every column whose type a DataFrame cannot hold, each with what to do. */
export function unsupportedColumns(columns: readonly { name: string; type: DuckDBType }[]): Problem[] {
  return columns
    .filter((column) => columnReadings[column.type.typeId] === null)
    .map((column) => ({
      code: "frame_type_unsupported",
      message: `De kolom '${column.name}' heeft type ${column.type.toString()}; een DataFrame houdt per cel één getal, tekst, datum of ja/nee.`,
      hint: `Zet de kolom in uw query om, bijvoorbeeld CAST(${column.name} AS VARCHAR), of laat hem weg.`,
    }));
}

/** Missing numbers as NaN, as danfojs computes with them (and pandas users expect); NaN goes back as NULL. */
function missingAsNaN(values: FrameValue[]): FrameValue[] {
  if (!values.includes(null)) return values;
  return values.map((value) => (value === null ? Number.NaN : value));
}
