import type { ColumnInfo, Engine } from "../engines/engine.js";
import { MIN_CELL_SIZE } from "../report/html.js";
import { renderSelect } from "../sql/dialect.js";
import { call, col, isNotNull, type Select } from "../sql/expr.js";

/** The bounds of a column's values. */
export interface ValueRange {
  from: number | string;
  to: number | string;
}

/**
 * Bounds with at least MIN_CELL_SIZE rows at or beyond each: the fifth smallest and the fifth
 * largest value, rounded outward (numbers to a step of a tenth of the order of the range, dates
 * to whole months). So neither bound is the value of one person; null when there are too few rows.
 * @example await protectedRange(engine, "verdachten", "geboortejaar", "number") // { from: 1931, to: 2010 }
 */
export async function protectedRange(
  engine: Engine,
  dataset: string,
  column: string,
  category: Extract<ColumnInfo["category"], "number" | "date">,
): Promise<ValueRange | null> {
  const [low, high] = await Promise.all([
    kthValue(engine, dataset, column, category, false),
    kthValue(engine, dataset, column, category, true),
  ]);
  if (low === undefined || high === undefined) return null;
  if (category === "date") {
    const [from, to] = [String(low), String(high)].sort();
    return { from: monthStart(from ?? ""), to: monthEnd(to ?? "") };
  }
  const [from, to] = [Number(low), Number(high)].sort((a, b) => a - b) as [number, number];
  const step = roundingStep(from, to);
  return { from: clean(Math.floor(from / step) * step), to: clean(Math.ceil(to / step) * step) };
}

/** The MIN_CELL_SIZE-th smallest (or largest) value, or undefined when the column has fewer values. */
async function kthValue(
  engine: Engine,
  dataset: string,
  column: string,
  category: "number" | "date",
  descending: boolean,
): Promise<unknown> {
  const value = col(column);
  const select: Select = {
    items: [{ expr: category === "date" ? call("to_text", value) : value, alias: "v" }],
    from: { type: "table", name: dataset },
    where: isNotNull(value),
    orderBy: [{ expr: value, descending }],
    limit: MIN_CELL_SIZE,
  };
  const rows = await engine.query(renderSelect(select, engine.dialect));
  return rows.length < MIN_CELL_SIZE ? undefined : rows.at(-1)?.v;
}

/** A tenth of the order of the range (a range of 79 rounds to 1, of 7,900 to 100); at least 1 for whole numbers. */
function roundingStep(from: number, to: number): number {
  const span = to - from || Math.abs(from) || 1;
  const step = 10 ** (Math.floor(Math.log10(span)) - 1);
  return Number.isInteger(from) && Number.isInteger(to) ? Math.max(1, step) : step;
}

/** Rounding in binary leaves 0.30000000000000004; twelve digits are plenty for a bound. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

function monthEnd(date: string): string {
  const [year = 0, month = 1] = date.slice(0, 7).split("-").map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${date.slice(0, 7)}-${String(last).padStart(2, "0")}`;
}
