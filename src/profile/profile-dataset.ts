import type { PublishedCount } from "../checks/publish-check.js";
import type { ColumnInfo, Engine } from "../engines/engine.js";
import { MIN_CELL_SIZE } from "../report/html.js";
import { renderSelect } from "../sql/dialect.js";
import { bin, call, col, countRows, type Expr, isNotNull, isNull, lit, or, type Select } from "../sql/expr.js";
import { protectedRange, type ValueRange } from "./protected-range.js";
import { publishedParts, publishedShare, publishedTotal, type ValueCount } from "./published-counts.js";

export type { ValueCount } from "./published-counts.js";

/** Columns with at most this many distinct values count as code lists: their values are shown. */
export const CODE_LIST_LIMIT = 20;
const SHOWN = 5;

/**
 * What a profile says about one column, as anyone may read it: no value of one person and no
 * count below the minimum cell size, nor one that gives such a count away. A suppressed count
 * reads "< 5" (or "> 995" when only a few rows are left over).
 */
export interface ColumnProfile {
  name: string;
  type: string;
  category: ColumnInfo["category"];
  /** Rows where the value is missing or blank. */
  empty: PublishedCount;
  /** Their share of the rows; null when it would give a suppressed count away. */
  empty_share: number | null;
  distinct: PublishedCount;
  /** Numbers and dates: bounds with at least five rows at or beyond each, rounded outward; null when there are too few rows. */
  range: ValueRange | null;
  /**
   * Code lists only (at most 20 distinct values, each in at least five rows): every value,
   * with its count where no count left out could be worked out from the others.
   */
  values: ValueCount[];
  /** The most frequent shapes of text values (9 digit, A capital, a small letter), each in at least five rows. */
  shapes: ValueCount[];
}

export interface DatasetProfile {
  dataset: string;
  rows: PublishedCount;
  columns: ColumnProfile[];
}

const agg = (fn: "min" | "max" | "count" | "count_distinct", expr: Expr): Expr => ({ type: "aggregate", fn, expr });

/**
 * Profiles every column of an attached dataset in one scan, plus a few small queries per column,
 * with the output rules applied: it may be saved and shared as it is.
 * `onProgress` is told the steps done of all: the scan, then each column.
 * @example const profile = await profileDataset(engine, "zaken");
 */
export async function profileDataset(
  engine: Engine,
  dataset: string,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<DatasetProfile> {
  const columns = await engine.columns(dataset);
  const total = columns.length + 1;
  options.onProgress?.(0, total);
  const scan: Select = { items: [{ expr: countRows(), alias: "n" }], from: { type: "table", name: dataset } };
  columns.forEach((c, i) => {
    const value = col(c.name);
    const blank = c.category === "text" ? or(isNull(value), bin("=", call("trim", value), lit(""))) : isNull(value);
    scan.items.push({ expr: countRows(blank), alias: `e${i}` }, { expr: agg("count_distinct", value), alias: `d${i}` });
  });
  const [row = {}] = await engine.query(renderSelect(scan, engine.dialect));
  const rows = Number(row.n) || 0;
  options.onProgress?.(1, total);
  const profiles: ColumnProfile[] = [];
  for (const [i, c] of columns.entries()) {
    const empty = Number(row[`e${i}`]) || 0;
    const distinct = Number(row[`d${i}`]) || 0;
    const filled = publishedTotal(rows - empty, rows) !== undefined && publishedTotal(empty, rows) !== undefined;
    const counted = distinct <= CODE_LIST_LIMIT ? await frequencies(engine, dataset, col(c.name), CODE_LIST_LIMIT) : [];
    // A code list only when every value is common: a rare value would be someone's.
    const codeList = counted.length > 0 && counted.every((v) => v.count >= MIN_CELL_SIZE);
    profiles.push({
      name: c.name,
      type: c.type,
      category: c.category,
      empty: publishedTotal(empty, rows) ?? suppressedText(empty, rows),
      empty_share: publishedShare(empty, rows),
      distinct: publishedTotal(distinct, rows - empty, { smallIsFine: true }) ?? suppressedText(distinct, rows - empty),
      range:
        c.category === "number" || c.category === "date"
          ? await protectedRange(engine, dataset, c.name, c.category)
          : null,
      values: codeList ? publishedParts(counted, rows - empty, filled) : [],
      shapes:
        c.category === "text"
          ? publishedParts(
              (await frequencies(engine, dataset, call("shape", col(c.name)), SHOWN)).filter(
                (s) => s.count >= MIN_CELL_SIZE,
              ),
              rows - empty,
              filled,
            )
          : [],
    });
    options.onProgress?.(i + 2, total);
  }
  return { dataset, rows: publishedTotal(rows, rows) ?? `< ${MIN_CELL_SIZE}`, columns: profiles };
}

function suppressedText(count: number, total: number): string {
  return count > 0 && count < MIN_CELL_SIZE ? `< ${MIN_CELL_SIZE}` : `> ${total - MIN_CELL_SIZE}`;
}

/** The most frequent values of `expr` (as text) with their counts. */
async function frequencies(
  engine: Engine,
  dataset: string,
  value: Expr,
  limit: number,
): Promise<Array<{ value: string; count: number }>> {
  const expr = call("to_text", value);
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
