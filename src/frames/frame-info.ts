import type { DuckDBType } from "@duckdb/node-api";
import type { DataFrame } from "danfojs-node";
import { LivingLabError, type Problem } from "../errors/problem.js";
import { closestWord } from "../yaml/closest-word.js";

/**
 * What the columns of a DataFrame are, for the output rules. A table shown to others shows
 * keys as they are, counts below the minimum cell size as "< 5", hides what would give such a
 * count away (its share, a sample of its keys), and shows text only from keys, code lists and the
 * columns in `show`.
 */
export interface FrameRoles {
  /** Columns that identify a row, like `zaak_id`. */
  key?: readonly string[];
  /** Columns that count rows or people. */
  counts?: readonly string[];
  /** Columns that would give a count away (its share, a sample of its keys), each with that count's column. */
  revealsCount?: Readonly<Record<string, string>>;
  /** Text columns to show although they are free text; personal data in them is still masked. */
  show?: readonly string[];
  /** Columns shown as the text a reader may see, made from the row (a metric in its unit, small counts suppressed). */
  published?: Readonly<Record<string, PublishedColumn>>;
}

/** How a column is shown to others: a text made from some columns of the same row. */
export interface PublishedColumn {
  /** The columns the text is made from. */
  from: readonly string[];
  text(row: Readonly<Record<string, unknown>>): string;
}

/** The roles of a frame's columns and the DuckDB type each column came from (or goes back as). */
export interface FrameInfo extends FrameRoles {
  types: Readonly<Record<string, DuckDBType>>;
}

// A DataFrame made by danfojs itself (a filter, a groupby) has no entry: its types are read from its values.
const infos = new WeakMap<DataFrame, FrameInfo>();

export function frameInfo(frame: DataFrame): FrameInfo | undefined {
  return infos.get(frame);
}

/** Remembers what the bridge knows about a frame it made, after checking the roles name real columns. */
export function rememberFrame(frame: DataFrame, info: FrameInfo): DataFrame {
  const problems = unknownColumns(frame.columns as string[], info);
  if (problems.length > 0) throw new LivingLabError(problems);
  infos.set(frame, info);
  return frame;
}

/**
 * The DuckDB type of each column, as the bridge knows it (a frame from a query keeps its query's types).
 * @example frameTypes(zaken) // { zaak_id: "VARCHAR", pleegdatum: "DATE", ... }
 */
export function frameTypes(frame: DataFrame): Record<string, string> {
  const types = infos.get(frame)?.types ?? {};
  return Object.fromEntries(Object.entries(types).map(([column, type]) => [column, type.toString()]));
}

/**
 * Gives `to` (a DataFrame danfojs made from `from`, like a filter) the types and roles of `from`
 * for the columns they share, so it goes back to DuckDB with the same types.
 * @example const open = copyFrameTypes(zaken, zaken.query(zaken.column("aantal").gt(0)));
 */
export function copyFrameTypes(from: DataFrame, to: DataFrame): DataFrame {
  const info = infos.get(from);
  if (!info) return to;
  const columns = new Set(to.columns as string[]);
  const keep = (list: readonly string[] | undefined) => list?.filter((c) => columns.has(c));
  const reveal = Object.entries(info.revealsCount ?? {}).filter(
    ([column, count]) => columns.has(column) && columns.has(count),
  );
  const published = Object.entries(info.published ?? {}).filter(
    ([column, how]) => columns.has(column) && how.from.every((c) => columns.has(c)),
  );
  return rememberFrame(to, {
    types: Object.fromEntries(Object.entries(info.types).filter(([column]) => columns.has(column))),
    ...(info.key && { key: keep(info.key) }),
    ...(info.counts && { counts: keep(info.counts) }),
    ...(reveal.length > 0 && { revealsCount: Object.fromEntries(reveal) }),
    ...(published.length > 0 && { published: Object.fromEntries(published) }),
    ...(info.show && { show: keep(info.show) }),
  });
}

/** Every role that names a column the frame does not have, with the nearest name. */
export function unknownColumns(columns: readonly string[], roles: FrameRoles): Problem[] {
  return [
    ...columnsNotIn(columns, "key", roles.key ?? []),
    ...columnsNotIn(columns, "counts", roles.counts ?? []),
    ...columnsNotIn(columns, "revealsCount", Object.entries(roles.revealsCount ?? {}).flat()),
    ...columnsNotIn(columns, "show", roles.show ?? []),
    ...columnsNotIn(
      columns,
      "published",
      Object.entries(roles.published ?? {}).flatMap(([column, how]) => [column, ...how.from]),
    ),
  ];
}

/** A problem for each of `named` (given at `option`) that is not a column of the frame. */
export function columnsNotIn(columns: readonly string[], option: string, named: readonly string[]): Problem[] {
  return named
    .filter((column) => !columns.includes(column))
    .map((column) => {
      const near = closestWord(column, columns);
      return {
        code: "frame_unknown_column",
        message: `De kolom '${column}' bij '${option}' staat niet in de DataFrame.${near ? ` Bedoelt u '${near}'?` : ""}`,
        hint: `Kolommen: ${columns.join(", ")}.`,
        path: [option],
      };
    });
}
