import { createHash } from "node:crypto";
import type { Dialect } from "../sql/dialect.js";
import { renderSelect } from "../sql/dialect.js";
import { call, col, countRows, type Expr, lit, type Select } from "../sql/expr.js";
import { canonicalValue, VALUE_SEPARATOR, type ValueKind } from "./canonical-value.js";

/** The name and version of the content fingerprint; a change in the rendering gets a new one. */
export const CONTENT_FINGERPRINT_METHOD = "livinglab-inhoud/1";

/**
 * A table's content, fingerprinted on the engine that holds it: the same rows give the same
 * fingerprint on every engine, from every file format, in any row or column order.
 */
export interface ContentFingerprint {
  method: string;
  rows: number;
  /** The column names, in the order the rows were rendered (UTF-8 byte order). */
  columns: string[];
  sha256: string;
}

export interface FingerprintColumn {
  name: string;
  kind: ValueKind;
}

/** Columns sorted by the UTF-8 bytes of their names, so a file's column order does not matter. */
export function canonicalColumnOrder<C extends { name: string }>(columns: readonly C[]): C[] {
  return [...columns].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
}

/** One row as canonical text: every value rendered (see `canonicalValue`), joined with `|`. */
export function rowText(columns: readonly FingerprintColumn[]): Expr {
  const values = canonicalColumnOrder(columns).map((c) => canonicalValue(c.name, c.kind));
  return values.length === 0 ? lit("") : call("concat_ws", lit(VALUE_SEPARATOR), ...values);
}

const DIGEST = "__livinglab_digest";

/**
 * Each row's MD5, in the engine's own form (see `md5_digest` of a dialect); a scan computes it
 * once per row, in an inner projection.
 */
export function rowDigest(columns: readonly FingerprintColumn[]): Expr {
  return call("md5_digest", rowText(columns));
}

/**
 * The aggregates that fingerprint a table from its rows' digests (`rowDigest`): the MD5's first
 * 120 bits as two 60-bit numbers (hex digits 1-15 and 16-30), each summed exactly. A sum does
 * not depend on row order, and a duplicated row counts. With the row count, `contentFingerprintOf`
 * makes the fingerprint of them; a scan that counts the rows anyway (a check suite's table scan)
 * adds only these two.
 */
export function contentFingerprintItems(digest: Expr): [Expr, Expr] {
  const sum = (part: Expr) => call("coalesce", call("exact_sum", part), lit(0));
  return [sum(call("md5_part1", digest)), sum(call("md5_part2", digest))];
}

/** The query that fingerprints a table in one scan of its own. */
export function contentFingerprintSelect(table: string, columns: readonly FingerprintColumn[]): Select {
  const [sum1, sum2] = contentFingerprintItems(col(DIGEST));
  return {
    items: [
      { expr: { type: "count" }, alias: "row_count" },
      { expr: sum1, alias: "sum_1" },
      { expr: sum2, alias: "sum_2" },
    ],
    from: {
      type: "select",
      alias: "canonical_rows",
      select: {
        items: [{ expr: rowDigest(columns), alias: DIGEST }],
        from: { type: "table", name: table },
      },
    },
  };
}

/** Combines what the engine computed into the fingerprint; this part runs in the tool, the same for every engine. */
export function contentFingerprintOf(
  columns: readonly FingerprintColumn[],
  row: Record<string, unknown>,
  names: { rows: string; sum1: string; sum2: string } = { rows: "row_count", sum1: "sum_1", sum2: "sum_2" },
): ContentFingerprint {
  const rows = Number(row[names.rows] ?? 0);
  const sums = [String(row[names.sum1] ?? 0), String(row[names.sum2] ?? 0)];
  const ordered = canonicalColumnOrder(columns).map((c) => c.name);
  const sha256 = createHash("sha256")
    .update(JSON.stringify({ method: CONTENT_FINGERPRINT_METHOD, columns: ordered, rows, sums }))
    .digest("hex");
  return { method: CONTENT_FINGERPRINT_METHOD, rows, columns: ordered, sha256 };
}

/**
 * The shape of a content: its row count and its columns in canonical order. Equal fingerprints
 * have equal shapes, so content of another shape is known to differ without reading a row for it.
 */
export function contentShape(rows: number, columns: readonly string[]): string {
  return JSON.stringify([rows, columns]);
}

/** What computing a fingerprint needs of an engine. */
export interface FingerprintingEngine {
  readonly dialect: Dialect;
  columns(name: string): Promise<ReadonlyArray<{ name: string; kind: ValueKind }>>;
  query(sql: string): Promise<Array<Record<string, unknown>>>;
}

/** The rows of a table or view, counted on the engine that holds it. */
export async function tableRowCount(engine: FingerprintingEngine, name: string): Promise<number> {
  const select: Select = { items: [{ expr: countRows(), alias: "row_count" }], from: { type: "table", name } };
  const [row = {}] = await engine.query(renderSelect(select, engine.dialect));
  return Number(row.row_count ?? 0);
}

/**
 * The content fingerprint of a table or view, computed in SQL on the engine that holds it.
 * Engines use this for their `fingerprint` method unless they compute the same thing another way.
 * @example const { sha256, rows } = await computeContentFingerprint(engine, "zaken");
 */
export async function computeContentFingerprint(
  engine: FingerprintingEngine,
  name: string,
): Promise<ContentFingerprint> {
  const columns = await engine.columns(name);
  const [row = {}] = await engine.query(renderSelect(contentFingerprintSelect(name, columns), engine.dialect));
  return contentFingerprintOf(columns, row);
}
