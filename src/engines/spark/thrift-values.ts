import { normalizeValue } from "../engine.js";

/** One column of a Thrift row set: exactly one of these is set, with a bitmap of NULLs. */
export type ThriftColumn = Partial<
  Record<
    "boolVal" | "byteVal" | "i16Val" | "i32Val" | "i64Val" | "doubleVal" | "stringVal" | "binaryVal",
    { values: unknown[]; nulls?: Buffer } | null
  >
>;

const KINDS = ["boolVal", "byteVal", "i16Val", "i32Val", "i64Val", "doubleVal", "stringVal", "binaryVal"] as const;

/** The values of one Thrift column, NULLs as null; 64-bit integers exactly, as bigint. */
export function columnValues(column: ThriftColumn | undefined): unknown[] {
  // The thrift library sets the kinds a column is not to null.
  const kind = KINDS.find((k) => column?.[k] != null);
  const set = kind === undefined ? undefined : column?.[kind];
  if (!set) return [];
  return set.values.map((value, i) => {
    if (set.nulls && ((set.nulls[Math.floor(i / 8)] ?? 0) & (1 << (i % 8))) !== 0) return null;
    return kind === "i64Val" ? int64Of(value) : value;
  });
}

/** node-int64 keeps the 8 bytes; reading them as a signed 64-bit integer loses nothing. */
function int64Of(value: unknown): bigint | unknown {
  if (value !== null && typeof value === "object" && "buffer" in value && Buffer.isBuffer(value.buffer)) {
    const offset = "offset" in value && typeof value.offset === "number" ? value.offset : 0;
    return value.buffer.readBigInt64BE(offset);
  }
  return value;
}

/**
 * A raw Thrift value as the value Spark Connect gives for the same Spark type: integers as
 * numbers (beyond 2^53 as text), decimals as text with their scale, dates and timestamps as `Date`.
 * @example valueOfText("12.5", "decimal(10,2)") // "12.50"
 */
export function valueOfText(raw: unknown, sparkType: string): unknown {
  if (raw === null || raw === undefined) return null;
  const type = sparkType.trim().toLowerCase();
  const decimal = /^decimal\((\d+),\s*(\d+)\)$/.exec(type);
  if (decimal) return decimalText(String(raw), Number(decimal[2]));
  if (type === "date") return new Date(`${String(raw)}T00:00:00Z`);
  if (type.startsWith("timestamp")) return timestampOf(String(raw));
  const item = /^array<(.*)>$/.exec(type)?.[1];
  if (item !== undefined) {
    const list = JSON.parse(String(raw)) as unknown[];
    return list.map((value) => (isNestedType(item) ? value : valueOfText(value, item)));
  }
  if (isNestedType(type)) return JSON.parse(String(raw));
  if (type === "binary" && !Buffer.isBuffer(raw)) return Buffer.from(String(raw), "binary");
  if (typeof raw === "string" && /^(bigint|int|integer|smallint|tinyint|double|float)$/.test(type)) {
    return normalizeValue(/^(double|float)$/.test(type) ? Number(raw) : BigInt(raw));
  }
  return normalizeValue(raw);
}

const isNestedType = (type: string) => /^(array|map|struct)</.test(type);

/** Plain text with exactly `scale` digits after the point, also from Java's `1E-18`. */
export function decimalText(text: string, scale: number): string {
  const match = /^(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!match) return text;
  const [, sign = "", whole = "", fraction = "", exponent = "0"] = match;
  // The unscaled digits and where the point sits among them.
  const digits = `${whole}${fraction}`;
  const point = whole.length + Number(exponent);
  const padded = point <= 0 ? `${"0".repeat(1 - point)}${digits}` : digits.padEnd(point, "0");
  const at = Math.max(point, 1);
  const intPart = padded.slice(0, at).replace(/^0+(?=\d)/, "") || "0";
  const fracPart = padded.slice(at).padEnd(scale, "0").slice(0, scale);
  const plain = scale === 0 ? intPart : `${intPart}.${fracPart}`;
  return sign === "-" && /[1-9]/.test(plain) ? `-${plain}` : plain;
}

/** `2024-03-01 10:00:00.123456` (UTC, the session's zone) as a Date, to the millisecond as DuckDB gives it. */
function timestampOf(text: string): Date {
  const [date = "", time = "00:00:00"] = text.trim().split(/[ T]/);
  const [clock = "00:00:00", fraction = ""] = time.replace(/Z$/, "").split(".");
  return new Date(`${date}T${clock}.${fraction.padEnd(3, "0").slice(0, 3)}Z`);
}
