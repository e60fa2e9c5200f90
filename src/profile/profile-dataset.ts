import type { ColumnInfo, Engine } from "../engines/engine.js";
import { renderSelect } from "../sql/dialect.js";
import { bin, call, col, countRows, type Expr, isNotNull, isNull, lit, or, type Select } from "../sql/expr.js";

/** Columns with at most this many distinct values count as code lists: their values are shown. */
export const CODE_LIST_LIMIT = 20;
const SHOWN = 5;

export interface ValueCount {
  value: string;
  count: number;
}

/** What a profile says about one column. */
export interface ColumnProfile {
  name: string;
  type: string;
  category: ColumnInfo["category"];
  /** Share of rows where the value is missing or blank. */
  empty_share: number | null;
  distinct: number;
  min: string | null;
  max: string | null;
  /** The most frequent values; only for code-like columns, so free text never shows here. */
  top_values: ValueCount[];
  /** The most frequent shapes of text values (9 digit, A capital, a small letter). */
  shapes: ValueCount[];
}

export interface DatasetProfile {
  dataset: string;
  rows: number;
  columns: ColumnProfile[];
}

const agg = (fn: "min" | "max" | "count" | "count_distinct", expr: Expr): Expr => ({ type: "aggregate", fn, expr });

/**
 * Profiles every column of an attached dataset in one scan, plus one small query per code list and text column.
 * @example const profile = await profileDataset(engine, "zaken");
 */
export async function profileDataset(engine: Engine, dataset: string): Promise<DatasetProfile> {
  const columns = await engine.columns(dataset);
  const scan: Select = { items: [{ expr: countRows(), alias: "n" }], from: { type: "table", name: dataset } };
  columns.forEach((c, i) => {
    const value = col(c.name);
    const blank = c.category === "text" ? or(isNull(value), bin("=", call("trim", value), lit(""))) : isNull(value);
    scan.items.push(
      { expr: countRows(blank), alias: `e${i}` },
      { expr: agg("count_distinct", value), alias: `d${i}` },
      { expr: call("to_text", agg("min", value)), alias: `lo${i}` },
      { expr: call("to_text", agg("max", value)), alias: `hi${i}` },
    );
  });
  const [row = {}] = await engine.query(renderSelect(scan, engine.dialect));
  const rows = Number(row.n) || 0;
  const profiles: ColumnProfile[] = [];
  for (const [i, c] of columns.entries()) {
    const distinct = Number(row[`d${i}`]) || 0;
    const codeList = distinct <= CODE_LIST_LIMIT;
    profiles.push({
      name: c.name,
      type: c.type,
      category: c.category,
      empty_share: rows === 0 ? null : Number(row[`e${i}`]) / rows,
      distinct,
      min: row[`lo${i}`] == null ? null : String(row[`lo${i}`]),
      max: row[`hi${i}`] == null ? null : String(row[`hi${i}`]),
      top_values: codeList ? await frequencies(engine, dataset, call("to_text", col(c.name)), CODE_LIST_LIMIT) : [],
      shapes: c.category === "text" ? await frequencies(engine, dataset, call("shape", col(c.name)), SHOWN) : [],
    });
  }
  return { dataset, rows, columns: profiles };
}

async function frequencies(engine: Engine, dataset: string, expr: Expr, limit: number): Promise<ValueCount[]> {
  const select: Select = {
    items: [
      { expr, alias: "v" },
      { expr: countRows(), alias: "c" },
    ],
    from: { type: "table", name: dataset },
    where: isNotNull(expr),
    groupBy: [expr],
    // Ties are broken by the value in byte order, so both engines list the same values.
    orderBy: [{ expr: countRows(), descending: true }, { expr: call("byte_order", expr) }],
    limit,
  };
  const sql = renderSelect(select, engine.dialect);
  return (await engine.query(sql)).map((r) => ({ value: String(r.v), count: Number(r.c) }));
}
