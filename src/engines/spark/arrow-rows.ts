import { type DataType, Type, tableFromIPC, type Vector } from "apache-arrow";
import { normalizeValue, type Row } from "../engine.js";

/**
 * Turns Spark's Arrow batches into rows of plain values, the same values DuckDB gives where
 * JavaScript can hold them exactly: integers as numbers (beyond 2^53 as text), dates and
 * timestamps as `Date`. Decimals arrive as text with their scale (`"12.50"`), since a
 * JavaScript number would round them.
 */
export function rowsFromArrow(batches: readonly Uint8Array[]): Row[] {
  const rows: Row[] = [];
  for (const batch of batches) {
    const table = tableFromIPC(batch);
    const columns = table.schema.fields.map((field, i) => ({ name: field.name, vector: table.getChildAt(i) }));
    for (let r = 0; r < table.numRows; r++) {
      const row: Row = {};
      for (const { name, vector } of columns) row[name] = vector ? valueAt(vector, r) : null;
      rows.push(row);
    }
  }
  return rows;
}

function valueAt(vector: Vector, index: number): unknown {
  if (!vector.isValid(index)) return null;
  const type: DataType = vector.type;
  switch (type.typeId) {
    case Type.Decimal:
      return decimalAt(vector, index);
    case Type.Date:
    case Type.Timestamp:
      return new Date(Number(vector.get(index)));
    case Type.List:
    case Type.LargeList:
    case Type.FixedSizeList: {
      const items = vector.get(index) as Vector;
      return Array.from({ length: items.length }, (_, i) => valueAt(items, i));
    }
    case Type.Struct: {
      const out: Row = {};
      type.children.forEach((field: { name: string }, i: number) => {
        const child = vector.getChildAt(i);
        out[field.name] = child ? valueAt(child, index) : null;
      });
      return out;
    }
    case Type.Binary:
    case Type.LargeBinary:
      return Buffer.from(vector.get(index) as Uint8Array);
    default:
      return normalizeValue(plain(vector.get(index)));
  }
}

function plain(value: unknown): unknown {
  if (value !== null && typeof value === "object" && "toJSON" in value && typeof value.toJSON === "function") {
    return value.toJSON();
  }
  return value;
}

/** A Decimal128 value as exact text: its 128-bit integer, read from the raw words, with `scale` digits after the point. */
function decimalAt(vector: Vector, index: number): string {
  let offset = index;
  for (const data of vector.data) {
    if (offset >= data.length) {
      offset -= data.length;
      continue;
    }
    const words = data.values as Uint32Array;
    const stride = (data.type as { bitWidth?: number }).bitWidth === 256 ? 8 : 4;
    const start = (data.offset + offset) * stride;
    let unsigned = 0n;
    for (let w = stride - 1; w >= 0; w--) unsigned = (unsigned << 32n) | BigInt(words[start + w] ?? 0);
    const bits = BigInt(stride * 32);
    const signed = unsigned >= 1n << (bits - 1n) ? unsigned - (1n << bits) : unsigned;
    return withScale(signed, (data.type as { scale: number }).scale);
  }
  return "";
}

function withScale(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, "0");
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}
