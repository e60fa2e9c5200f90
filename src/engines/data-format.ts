import { basename } from "node:path";
import { LivingLabError } from "../errors/problem.js";
import { quoteString } from "../sql/quote.js";

/** How DuckDB reads one kind of data file. */
export interface DataFormat {
  /** The name users know it by, in messages. */
  name: string;
  extensions: readonly string[];
  /** A database file: attached, then its table read. */
  database?: true;
  /** A text format, which DuckDB also reads gzip-compressed (`.gz` after the extension). */
  text?: true;
  /** The SQL that reads the file (quoted) as a table. */
  reader?: (quotedFile: string) => string;
}

/** Every file format livinglab reads on DuckDB, by the extension of the file. */
export const dataFormats = [
  { name: "Parquet", extensions: [".parquet"], reader: (f) => `read_parquet(${f})` },
  { name: "CSV (elk scheidingsteken)", extensions: [".csv"], text: true, reader: (f) => `read_csv(${f})` },
  {
    name: "TSV",
    extensions: [".tsv", ".tab"],
    text: true,
    reader: (f) => `read_csv(${f}, delim = ${quoteString("\t")})`,
  },
  { name: "JSON", extensions: [".json"], text: true, reader: (f) => `read_json(${f}, format = 'auto')` },
  {
    name: "NDJSON",
    extensions: [".ndjson", ".jsonl"],
    text: true,
    reader: (f) => `read_json(${f}, format = 'newline_delimited')`,
  },
  { name: "DuckDB", extensions: [".duckdb", ".db", ".ddb"], database: true },
] as const satisfies readonly DataFormat[];

/** The format of a data file, by its extension (after `.gz` for a compressed text format), or undefined. */
export function formatOfFile(file: string): DataFormat | undefined {
  const name = basename(file).toLowerCase();
  const compressed = name.endsWith(".gz");
  const plain = compressed ? name.slice(0, -3) : name;
  const format: DataFormat | undefined = dataFormats.find((f) => f.extensions.some((ext) => plain.endsWith(ext)));
  return format && (!compressed || format.text) ? format : undefined;
}

/** The format of a data file, or a coded problem naming the formats that work. */
export function requireFormat(file: string): DataFormat {
  const format = formatOfFile(file);
  if (format) return format;
  const known = dataFormats.map((f) => `${f.name} (${f.extensions.join(", ")})`).join("; ");
  throw new LivingLabError({
    code: "data_format_unknown",
    message: `Livinglab kan ${basename(file)} niet lezen: de bestandsnaam zegt niet welk formaat het is.`,
    hint: `Werkende formaten: ${known}; tekstformaten ook met gzip (.csv.gz, .json.gz). Geef het bestand de extensie van zijn formaat, of zet het om naar Parquet.`,
    file,
  });
}
