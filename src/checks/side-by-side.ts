import type { Engine, Row } from "../engines/engine.js";
import { renderSelect } from "../sql/dialect.js";
import { col, type From, lit, type Select } from "../sql/expr.js";

/**
 * Runs several queries that each give one row as one statement: each becomes a sub-select,
 * joined side by side, its columns prefixed. A distributed engine then plans one job instead
 * of one per query, and every engine reads each table's scan in the same statement.
 * @example const [zaken, feiten] = await queryOneRowEach(engine, [scanOfZaken, scanOfFeiten]);
 */
export async function queryOneRowEach(engine: Engine, selects: readonly Select[]): Promise<Row[]> {
  if (selects.length === 0) return [];
  if (selects.length === 1) {
    const [row = {}] = await engine.query(renderSelect(selects[0] as Select, engine.dialect));
    return [row];
  }
  const [row = {}] = await engine.query(renderSelect(sideBySide(selects), engine.dialect));
  return selects.map((select, i) => {
    const part: Row = {};
    for (const { alias } of select.items) if (alias !== undefined) part[alias] = row[prefixed(i, alias)];
    return part;
  });
}

const prefixed = (index: number, alias: string) => `q${index}_${alias}`;

/** The one statement: `SELECT q0.a AS q0_a, ... FROM (...) AS q0 JOIN (...) AS q1 ON TRUE ...`. */
export function sideBySide(selects: readonly Select[]): Select {
  const sources: From[] = selects.map((select, i) => ({ type: "select", select, alias: `q${i}` }));
  const [first, ...rest] = sources;
  if (first === undefined) throw new Error("sideBySide needs at least one select");
  return {
    items: selects.flatMap((select, i) =>
      select.items.flatMap(({ alias }) =>
        alias === undefined ? [] : [{ expr: col(alias, `q${i}`), alias: prefixed(i, alias) }],
      ),
    ),
    from: rest.reduce<From>((left, right) => ({ type: "join", join: "inner", left, right, on: lit(true) }), first),
  };
}
