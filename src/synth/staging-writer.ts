import { rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { DuckDBAppender } from "@duckdb/node-api";
import { DuckDbEngine } from "../engines/duckdb-engine.js";
import { quoteIdentifier, quoteString } from "../sql/quote.js";
import type { OmTable } from "./defect-kinds.js";
import type { FeitRow, GroundTruthRow, OmSink, VerdachteRow, ZaakRow } from "./om-rows.js";
import { type ColumnSpec, type ColumnType, groundTruthSchema, omSchema } from "./om-schema.js";

export type OutputTable = OmTable | "ground_truth";
export const outputTables: readonly OutputTable[] = ["verdachten", "zaken", "feiten", "ground_truth"];

const columnsOf: Record<OutputTable, readonly ColumnSpec[]> = { ...omSchema, ground_truth: groundTruthSchema };

/** How a column is held while the rows come in: dates as day numbers, timestamps as seconds. */
const stagingType: Record<ColumnType, string> = {
  text: "VARCHAR",
  integer: "INTEGER",
  date: "INTEGER",
  timestamp: "DOUBLE",
};

type Cell = string | number | null;
type AnyRow = VerdachteRow | ZaakRow | FeitRow | GroundTruthRow;

/**
 * A sink that streams rows through DuckDB appenders into a staging database on disk, then
 * writes each table once to Parquet (and CSV). DuckDB runs on one thread, so the files are
 * the same bytes on every machine; the staging database keeps memory bounded.
 */
export class StagingWriter implements OmSink {
  readonly rowCounts: Record<OutputTable, number> = { verdachten: 0, zaken: 0, feiten: 0, ground_truth: 0 };

  private constructor(
    private readonly engine: DuckDbEngine,
    private readonly appenders: Record<OutputTable, DuckDBAppender>,
    private readonly stagingFile: string,
  ) {}

  static async open(out: string): Promise<StagingWriter> {
    const stagingFile = join(out, `.livinglab-synth-${process.pid}.duckdb`);
    await removeStaging(stagingFile);
    const engine = await DuckDbEngine.open(stagingFile, { threads: "1", memory_limit: "1GB" });
    const appenders = {} as Record<OutputTable, DuckDBAppender>;
    for (const table of outputTables) {
      const columns = columnsOf[table].map((c) => `${quoteIdentifier(c.name)} ${stagingType[c.type]}`).join(", ");
      await engine.connection.run(`CREATE TABLE ${quoteIdentifier(table)} (${columns})`);
      appenders[table] = await engine.connection.createAppender(table);
    }
    return new StagingWriter(engine, appenders, stagingFile);
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

  /** Hands the rows so far to DuckDB, so they leave JavaScript memory. */
  flush(): void {
    for (const appender of Object.values(this.appenders)) appender.flushSync();
  }

  /**
   * Writes every table as `<table>.parquet` (and `.csv`) in `out`. Files are written under a
   * temporary name first, so a failed run leaves no half-written table behind.
   */
  async write(out: string, csv: boolean): Promise<Record<string, string>> {
    for (const appender of Object.values(this.appenders)) appender.closeSync();
    const files: Record<string, string> = {};
    const formats = csv ? (["parquet", "csv"] as const) : (["parquet"] as const);
    for (const table of outputTables) {
      for (const format of formats) files[`${table}.${format}`] = join(out, `${table}.${format}`);
    }
    try {
      for (const [name, file] of Object.entries(files)) {
        const [table, format] = name.split(".") as [OutputTable, "parquet" | "csv"];
        const options = format === "parquet" ? "FORMAT parquet, COMPRESSION zstd" : "FORMAT csv, HEADER true";
        await this.engine.connection.run(
          `COPY (SELECT ${projection(columnsOf[table])} FROM ${quoteIdentifier(table)}) TO ${quoteString(`${file}.tmp`)} (${options})`,
        );
      }
    } catch (error) {
      for (const file of Object.values(files)) await rm(`${file}.tmp`, { force: true });
      throw error;
    }
    for (const file of Object.values(files)) await rename(`${file}.tmp`, file);
    return files;
  }

  /** DuckDB's version: the Parquet bytes depend on it. */
  async duckdbVersion(): Promise<string> {
    return this.engine.version();
  }

  async close(): Promise<void> {
    this.engine.close();
    await removeStaging(this.stagingFile);
  }

  private append(table: OutputTable, row: AnyRow): void {
    const appender = this.appenders[table];
    const cells = row as unknown as Record<string, Cell>;
    for (const column of columnsOf[table]) {
      const value = cells[column.name] ?? null;
      if (value === null) appender.appendNull();
      else if (typeof value === "string") appender.appendVarchar(value);
      else if (column.type === "timestamp") appender.appendDouble(value);
      else appender.appendInteger(value);
    }
    appender.endRow();
    this.rowCounts[table]++;
  }
}

/** Turns the staged columns back into their real types, in schema order. */
function projection(columns: readonly ColumnSpec[]): string {
  return columns
    .map((column) => {
      const name = quoteIdentifier(column.name);
      if (column.type === "date") return `CAST(DATE '1970-01-01' + ${name} AS DATE) AS ${name}`;
      if (column.type === "timestamp") return `make_timestamp(CAST(${name} * 1000000 AS BIGINT)) AS ${name}`;
      return name;
    })
    .join(", ");
}

async function removeStaging(file: string): Promise<void> {
  await rm(file, { force: true });
  await rm(`${file}.wal`, { force: true });
}
