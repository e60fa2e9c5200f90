import { appendFile, rename, rmdir } from "node:fs/promises";
import { join } from "node:path";
import { DuckDbEngine } from "../engines/duckdb-engine.js";
import { makeScratchDir, type ScratchDir } from "../files/scratch-dir.js";
import { quoteIdentifier, quoteString } from "../sql/quote.js";
import type { OmTable } from "./defect-kinds.js";
import type { FeitRow, GroundTruthRow, OmSink, VerdachteRow, ZaakRow } from "./om-rows.js";
import { type ColumnSpec, type ColumnType, groundTruthSchema, omSchema } from "./om-schema.js";

export type OutputTable = OmTable | "ground_truth";
export const outputTables: readonly OutputTable[] = ["verdachten", "zaken", "feiten", "ground_truth"];

const columnsOf: Record<OutputTable, readonly ColumnSpec[]> = { ...omSchema, ground_truth: groundTruthSchema };

/** How a column is spooled: dates as day numbers, timestamps as seconds since 1970. */
const spoolType: Record<ColumnType, string> = {
  text: "VARCHAR",
  integer: "INTEGER",
  date: "INTEGER",
  timestamp: "BIGINT",
};

/** The tables written side by side: the biggest alone, the others after each other. */
const WRITE_LANES: readonly (readonly OutputTable[])[] = [["zaken"], ["feiten", "verdachten", "ground_truth"]];

type Cell = string | number | null;
type AnyRow = VerdachteRow | ZaakRow | FeitRow | GroundTruthRow;
/** How the spool writes an empty cell; no value the generator makes is ever this text. */
const NULL = "\\N";

/** The tool's own folder inside an output folder, for the spools of runs that write there. */
export const SCRATCH_IN_OUT = ".livinglab-tmp";

/**
 * A sink that spools rows as tab-separated text to a folder of this process's own beside the
 * output (`<out>/.livinglab-tmp/synth-<pid>-<random>/`, on the same disk), a chunk at a time, so
 * JavaScript memory stays small. At the end DuckDB reads each spool once and writes the table
 * to Parquet (and CSV) in that folder, on one thread, so the bytes are the same on every
 * machine; finished files are renamed into place. A spool left by a killed process is removed
 * by the next generator that writes to the same folder. Text spooling is several times faster
 * than an appender call per cell.
 */
export class StagingWriter implements OmSink {
  readonly rowCounts: Record<OutputTable, number> = { verdachten: 0, zaken: 0, feiten: 0, ground_truth: 0 };
  private readonly lines: Record<OutputTable, string[]> = { verdachten: [], zaken: [], feiten: [], ground_truth: [] };

  private constructor(
    private readonly scratch: ScratchDir,
    private readonly scratchParent: string,
  ) {}

  private get spoolDir(): string {
    return this.scratch.path;
  }

  static async open(out: string): Promise<StagingWriter> {
    const parent = join(out, SCRATCH_IN_OUT);
    return new StagingWriter(await makeScratchDir("synth", parent), parent);
  }

  verdachte(row: VerdachteRow): void {
    this.append("verdachten", row);
  }
  zaak(row: ZaakRow): void {
    this.append("zaken", row);
  }
  feit(row: FeitRow): void {
    this.append("feiten", row);
  }
  truth(row: GroundTruthRow): void {
    this.append("ground_truth", row);
  }

  /** Moves the rows so far from memory to the spool files. */
  async flush(): Promise<void> {
    for (const table of outputTables) {
      const lines = this.lines[table];
      if (lines.length === 0) continue;
      await appendFile(this.spoolOf(table), `${lines.join("\n")}\n`);
      lines.length = 0;
    }
  }

  /**
   * Writes every table as `<table>.parquet` (and `.csv`) in `out`. Each table gets its own
   * DuckDB on one thread, in two lanes side by side: each file's bytes never depend on the
   * number of cores, and memory stays at two writers. Files get their real name only when all are written, so a
   * failed run leaves no half-written table behind.
   */
  async write(out: string, csv: boolean): Promise<{ files: Record<string, string>; duckdb: string }> {
    await this.flush();
    const formats = csv ? (["parquet", "csv"] as const) : (["parquet"] as const);
    const files: Record<string, string> = {};
    for (const table of outputTables) {
      for (const format of formats) files[`${table}.${format}`] = join(out, `${table}.${format}`);
    }
    const versions: string[] = [];
    await Promise.all(
      WRITE_LANES.map(async (lane) => {
        for (const table of lane) versions.push(await this.writeTable(table, formats));
      }),
    );
    // Each rename is atomic: a run reading the folder at the same time sees old or new files, never half of one.
    for (const [name, file] of Object.entries(files)) await rename(join(this.spoolDir, name), file);
    return { files, duckdb: versions[0] ?? "" };
  }

  private async writeTable(table: OutputTable, formats: readonly ("parquet" | "csv")[]): Promise<string> {
    const engine = await DuckDbEngine.open(":memory:", {
      threads: "1",
      preserve_insertion_order: "true",
      memory_limit: "256MB",
      temp_directory: join(this.spoolDir, `spill-${table}`),
    });
    try {
      for (const format of formats) {
        const file = join(this.spoolDir, `${table}.${format}`);
        const options = format === "parquet" ? "FORMAT parquet, COMPRESSION zstd" : "FORMAT csv, HEADER true";
        await engine.connection.run(`COPY (${this.select(table)}) TO ${quoteString(file)} (${options})`);
      }
      return await engine.version();
    } finally {
      await engine.close();
    }
  }

  /** Removes the spool folder, and the tool's folder around it when nothing else is in it. */
  async close(): Promise<void> {
    await this.scratch.remove();
    await rmdir(this.scratchParent).catch(() => {});
  }

  private spoolOf(table: OutputTable): string {
    return join(this.spoolDir, `${table}.tsv`);
  }

  /** Reads a spool back with every column in its real type, in schema order. */
  private select(table: OutputTable): string {
    const columns = columnsOf[table];
    if (this.rowCounts[table] === 0) {
      const empty = columns.map((c) => `CAST(NULL AS ${finalType(c.type)}) AS ${quoteIdentifier(c.name)}`);
      return `SELECT ${empty.join(", ")} WHERE false`;
    }
    const types = columns.map((c) => `${quoteString(c.name)}: ${quoteString(spoolType[c.type])}`).join(", ");
    const source =
      `read_csv(${quoteString(this.spoolOf(table))}, columns = {${types}}, delim = '\t', quote = '', escape = '', ` +
      `header = false, nullstr = ${quoteString(NULL)}, auto_detect = false, parallel = false)`;
    return `SELECT ${columns.map(projection).join(", ")} FROM ${source}`;
  }

  private append(table: OutputTable, row: AnyRow): void {
    const cells = row as unknown as Record<string, Cell>;
    const columns = columnsOf[table];
    const values: Cell[] = new Array(columns.length);
    for (let i = 0; i < columns.length; i++) values[i] = cells[columns[i]?.name ?? ""] ?? NULL;
    // join() makes one flat string; `+=` would keep a rope per row alive until the flush.
    this.lines[table].push(values.join("\t"));
    this.rowCounts[table]++;
  }
}

function projection(column: ColumnSpec): string {
  const name = quoteIdentifier(column.name);
  if (column.type === "date") return `CAST(DATE '1970-01-01' + ${name} AS DATE) AS ${name}`;
  if (column.type === "timestamp") return `make_timestamp(${name} * 1000000) AS ${name}`;
  return name;
}

function finalType(type: ColumnType): string {
  return { text: "VARCHAR", integer: "INTEGER", date: "DATE", timestamp: "TIMESTAMP" }[type];
}
