import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { type DuckDBAppender, DuckDBDateValue, DuckDBTimestampValue } from "@duckdb/node-api";
import { DuckDbEngine } from "../engines/duckdb-engine.js";
import { quoteIdentifier, quoteString } from "../sql/quote.js";
import { afdoeningen, arrondissementen, bronnen, feitcodes } from "./om-code-lists.js";
import { SeededRandom } from "./random.js";

export const GENERATOR_VERSION = "0.1.0";

export interface SynthOptions {
  /** Folder the tables are written to. */
  out: string;
  zaken: number;
  seed: number;
  /** Reference date (YYYY-MM-DD): no clean date lies after it. */
  asOf: string;
  defects: "none" | "all";
}

export interface SynthResult {
  files: Record<string, string>;
  rowCounts: Record<string, number>;
  defectCounts: Record<string, number>;
}

const MS_PER_DAY = 86_400_000;
const DEFECT_RATE = 0.01;

const schemas = {
  verdachten: "verdachte_id VARCHAR, geboortejaar INTEGER, geslacht VARCHAR, woongemeente VARCHAR",
  zaken:
    "zaak_id VARCHAR, parketnummer VARCHAR, arrondissement VARCHAR, parketcode VARCHAR, verdachte_id VARCHAR, " +
    "pleegdatum DATE, instroomdatum DATE, afdoeningsdatum DATE, zaaktype VARCHAR, status VARCHAR, " +
    "afdoening VARCHAR, bron VARCHAR, laatst_gewijzigd TIMESTAMP, opmerking VARCHAR",
  feiten: "feit_id VARCHAR, zaak_id VARCHAR, feitcode VARCHAR, wetsartikel VARCHAR, categorie VARCHAR, pleegdatum DATE",
  ground_truth: "kind VARCHAR, table_name VARCHAR, row_key VARCHAR",
} as const;
type TableName = keyof typeof schemas;

/**
 * Generates linked synthetic OM-style tables (verdachten, zaken, feiten) as Parquet,
 * with a ground truth of every injected defect. Same options, same bytes.
 * @example await generateOm({ out: "data", zaken: 1000, seed: 1, asOf: "2026-06-30", defects: "all" });
 */
export async function generateOm(options: SynthOptions): Promise<SynthResult> {
  await mkdir(options.out, { recursive: true });
  const engine = await DuckDbEngine.open(":memory:", { threads: "1" });
  try {
    for (const [name, columns] of Object.entries(schemas)) {
      await engine.connection.run(`CREATE TABLE ${quoteIdentifier(name)} (${columns})`);
    }
    const appenders = {} as Record<TableName, DuckDBAppender>;
    for (const name of Object.keys(schemas) as TableName[]) {
      appenders[name] = await engine.connection.createAppender(name);
    }
    const defectCounts = fillTables(options, appenders);
    for (const appender of Object.values(appenders)) appender.closeSync();

    const files: Record<string, string> = {};
    const rowCounts: Record<string, number> = {};
    for (const name of Object.keys(schemas) as TableName[]) {
      const file = join(options.out, `${name}.parquet`);
      await engine.connection.run(
        `COPY ${quoteIdentifier(name)} TO ${quoteString(file)} (FORMAT parquet, COMPRESSION zstd)`,
      );
      const [row] = await engine.query(`SELECT count(*) AS n FROM ${quoteIdentifier(name)}`);
      files[name] = file;
      rowCounts[name] = Number(row?.n ?? 0);
    }
    return { files, rowCounts, defectCounts };
  } finally {
    engine.close();
  }
}

function fillTables(options: SynthOptions, out: Record<TableName, DuckDBAppender>): Record<string, number> {
  const random = new SeededRandom(options.seed);
  const asOf = Date.parse(`${options.asOf}T00:00:00Z`) / MS_PER_DAY;
  const defectCounts: Record<string, number> = {};
  const truth = (kind: string, table: string, key: string) => {
    defectCounts[kind] = (defectCounts[kind] ?? 0) + 1;
    out.ground_truth.appendVarchar(kind);
    out.ground_truth.appendVarchar(table);
    out.ground_truth.appendVarchar(key);
    out.ground_truth.endRow();
  };
  const inject = () => options.defects === "all" && random.next() < DEFECT_RATE;

  const suspectCount = Math.max(1, Math.round(options.zaken * 0.6));
  for (let i = 1; i <= suspectCount; i++) {
    const gebied = random.weighted(arrondissementen.map((a) => [a, a.gewicht] as const));
    appendRow(out.verdachten, [
      `V${String(i).padStart(8, "0")}`,
      random.int(1950, 2008),
      random.weighted([
        ["M", 70],
        ["V", 27],
        ["X", 1],
        ["O", 2],
      ] as const),
      gebied.gemeenten[random.int(0, gebied.gemeenten.length - 1)] ?? "GM0363",
    ]);
  }

  const sequence = new Map<string, number>();
  let feitNumber = 0;
  for (let i = 1; i <= options.zaken; i++) {
    const zaakId = `Z${String(i).padStart(9, "0")}`;
    const arr = random.weighted(arrondissementen.map((a) => [a, a.gewicht] as const));
    const instroom = asOf - random.int(30, 4 * 365);
    const pleeg = instroom - random.lognormalDays(20, 1.2);
    const afgedaan = random.next() < 0.75;
    const afdoeningsdatum = afgedaan ? Math.min(instroom + random.lognormalDays(60, 1.0), asOf) : null;
    const seq = (sequence.get(arr.parketcode) ?? 0) + 1;
    sequence.set(arr.parketcode, seq);
    const jaar = String(new Date(instroom * MS_PER_DAY).getUTCFullYear() % 100).padStart(2, "0");
    let parketnummer: string | null = `${arr.parketcode}/${String(seq).padStart(6, "0")}-${jaar}`;
    let afdoening: string | null = afgedaan ? random.weighted(afdoeningen) : null;
    const roll = options.defects === "all" ? random.next() : 1;
    if (roll < DEFECT_RATE) {
      parketnummer = null;
      truth("missing_value", "zaken", zaakId);
    } else if (roll < 2 * DEFECT_RATE && afgedaan) {
      afdoening = "sepot";
      truth("invalid_code", "zaken", zaakId);
    }
    const changed = afdoeningsdatum ?? Math.min(instroom + random.int(0, 200), asOf);
    const row = [
      zaakId,
      parketnummer,
      arr.naam,
      arr.parketcode,
      `V${String(random.int(1, suspectCount)).padStart(8, "0")}`,
      date(pleeg),
      date(instroom),
      afdoeningsdatum === null ? null : date(afdoeningsdatum),
      random.next() < 0.8 ? "misdrijf" : "overtreding",
      afgedaan ? "afgedaan" : random.next() < 0.5 ? "ingeschreven" : "in_behandeling",
      afdoening,
      random.weighted(bronnen),
      new DuckDBTimestampValue(BigInt(changed * MS_PER_DAY) * 1000n),
      null,
    ] as const;
    appendRow(out.zaken, row);
    if (inject()) {
      appendRow(out.zaken, row);
      truth("duplicate_key", "zaken", zaakId);
      truth("duplicate_key", "zaken", zaakId);
    }
    const feiten = random.weighted([
      [1, 60],
      [2, 25],
      [3, 10],
      [4, 5],
    ] as const);
    for (let f = 0; f < feiten; f++) {
      const feit = random.weighted(feitcodes.map((c) => [c, c.gewicht] as const));
      feitNumber++;
      appendRow(out.feiten, [
        `F${String(feitNumber).padStart(10, "0")}`,
        zaakId,
        feit.feitcode,
        feit.wetsartikel,
        feit.categorie,
        date(pleeg),
      ]);
    }
  }
  return defectCounts;
}

type Cell = string | number | null | DuckDBDateValue | DuckDBTimestampValue;

function appendRow(appender: DuckDBAppender, cells: readonly Cell[]): void {
  for (const cell of cells) {
    if (cell === null) appender.appendNull();
    else if (typeof cell === "string") appender.appendVarchar(cell);
    else if (typeof cell === "number") appender.appendInteger(cell);
    else if (cell instanceof DuckDBDateValue) appender.appendDate(cell);
    else appender.appendTimestamp(cell);
  }
  appender.endRow();
}

function date(day: number): DuckDBDateValue {
  return new DuckDBDateValue(day);
}
