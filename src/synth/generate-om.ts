import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { optionHint } from "../errors/option-hint.js";
import { LivingLabError } from "../errors/problem.js";
import { writeFileAtomic } from "../files/write-file-atomic.js";
import { interruptSignal, progressReporter } from "../notebook/kernel.js";
import { dayFromIso, isoFromDay } from "./calendar.js";
import { buildDatasheet, type Datasheet } from "./datasheet.js";
import { renderDatasheetMarkdown } from "./datasheet-markdown.js";
import { type DefectKind, defectKinds } from "./defect-kinds.js";
import { type DefectSpec, readDefectsFile, resolveDefectRates } from "./defect-rates.js";
import { OmGenerator } from "./om-generator.js";
import type { OmSink } from "./om-rows.js";
import { type OutputTable, StagingWriter } from "./staging-writer.js";

export const GENERATOR_VERSION = "1.0.0";
export const MAX_ZAKEN = 100_000_000;
/** Cases made between two hand-overs to DuckDB: this bounds the memory JavaScript holds. */
const CHUNK = 50_000;

export interface SynthOptions {
  /** Folder the tables are written to. */
  out: string;
  zaken: number;
  seed: number;
  /** Reference date (YYYY-MM-DD): no clean date lies after it. */
  asOf: string;
  /** `none`, `all` (every kind at its default rate), a rate per kind, or the path of a defects file. */
  defects: DefectSpec | string;
  /** How the defects were asked for, as the datasheet shows it (default: `none`, `all`, the file, or `eigen kansen`). */
  defectsLabel?: string;
  /** Also write every table as CSV. */
  csv?: boolean;
  /** Told after each chunk of cases (default: a bar in a notebook, a line on a terminal). */
  onProgress?: (made: number, total: number) => void;
  /** Stops the work, removing its temporary files (default in a notebook: Kernel, Interrupt). */
  signal?: AbortSignal;
}

export interface SynthResult {
  files: Record<string, string>;
  rowCounts: Record<OutputTable, number>;
  defectCounts: Record<DefectKind, number>;
  datasheet: Datasheet;
}

/**
 * Generates linked synthetic OM-style tables (verdachten, zaken, feiten) as Parquet, with a
 * ground truth of every injected defect and a datasheet. Same options, same bytes.
 * @example await generateOm({ out: "data", zaken: 1000, seed: 1, asOf: "2026-06-30", defects: "all" });
 */
export async function generateOm(options: SynthOptions): Promise<SynthResult> {
  checkOptions(options);
  const rates = isFile(options.defects) ? await readDefectsFile(options.defects) : resolveDefectRates(options.defects);
  try {
    await mkdir(options.out, { recursive: true });
  } catch {
    throw new LivingLabError({
      code: "out_not_writable",
      message: `De map ${options.out} kan niet worden gemaakt.`,
      ...optionHint((o) => `Kies met ${o("out")} een map die u mag maken, of die al bestaat en geen bestand is.`),
    });
  }
  const writer = await StagingWriter.open(options.out);
  try {
    const defectCounts = Object.fromEntries(defectKinds.map((kind) => [kind, 0])) as Record<DefectKind, number>;
    const counting: OmSink = {
      verdachte: (row) => writer.verdachte(row),
      zaak: (row) => writer.zaak(row),
      feit: (row) => writer.feit(row),
      truth: (row) => {
        defectCounts[row.kind]++;
        writer.truth(row);
      },
    };
    const generator = new OmGenerator(
      { zaken: options.zaken, seed: options.seed, asOf: options.asOf, rates },
      counting,
    );
    const signal = options.signal ?? interruptSignal();
    const progress = options.onProgress ?? progressReporter("Zaken gemaakt");
    while (!generator.done) {
      if (signal?.aborted) throw interrupted(generator.made, options.zaken);
      generator.next(CHUNK);
      await writer.flush();
      progress?.(Math.min(options.zaken, generator.made), options.zaken);
    }
    const { files, duckdb } = await writer.write(options.out, options.csv ?? false);
    const datasheet = buildDatasheet({
      version: GENERATOR_VERSION,
      duckdb,
      arguments: {
        zaken: options.zaken,
        seed: options.seed,
        as_of: options.asOf,
        defects: options.defectsLabel ?? labelOf(options.defects),
        csv: options.csv ?? false,
      },
      rowCounts: writer.rowCounts,
      files: await describeFiles(files),
      rates,
      defectCounts,
    });
    await writeFileAtomic(join(options.out, "datasheet.json"), `${JSON.stringify(datasheet, null, 2)}\n`);
    await writeFileAtomic(join(options.out, "datasheet.md"), renderDatasheetMarkdown(datasheet));
    return {
      files: {
        ...files,
        "datasheet.json": join(options.out, "datasheet.json"),
        "datasheet.md": join(options.out, "datasheet.md"),
      },
      rowCounts: writer.rowCounts,
      defectCounts,
      datasheet,
    };
  } finally {
    await writer.close();
  }
}

function interrupted(made: number, total: number): LivingLabError {
  return new LivingLabError({
    code: "interrupted",
    message: `Onderbroken: de generator stopte na ${made.toLocaleString("nl-NL")} van ${total.toLocaleString("nl-NL")} zaken. De tijdelijke bestanden zijn verwijderd; er is geen data geschreven.`,
    hint: "Start opnieuw wanneer u de data nodig hebt, eventueel met minder zaken.",
  });
}

function checkOptions(options: SynthOptions): void {
  const problems = [];
  if (!Number.isInteger(options.zaken) || options.zaken < 1 || options.zaken > MAX_ZAKEN) {
    problems.push({
      code: "invalid_zaken",
      message: `Het aantal zaken moet een geheel getal van 1 tot en met ${MAX_ZAKEN} zijn, niet ${options.zaken}.`,
      ...optionHint((o) => `Geef bijvoorbeeld ${o("zaken")}.`),
    });
  }
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff) {
    problems.push({
      code: "invalid_seed",
      message: `De seed moet een geheel getal van 0 tot en met 4294967295 zijn, niet ${options.seed}.`,
      ...optionHint((o) => `Geef bijvoorbeeld ${o("seed")}; dezelfde seed geeft dezelfde data.`),
    });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf) || isoFromDay(dayFromIso(options.asOf)) !== options.asOf) {
    problems.push({
      code: "invalid_as_of",
      message: `De peildatum '${options.asOf}' is geen geldige datum.`,
      hint: "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-06-30.",
    });
  }
  if (problems.length > 0) throw new LivingLabError(problems);
}

function isFile(spec: DefectSpec | string): spec is string {
  return typeof spec === "string" && spec !== "none" && spec !== "all";
}

function labelOf(spec: DefectSpec | string): string {
  return typeof spec === "string" ? spec : "eigen kansen";
}

async function describeFiles(files: Record<string, string>): Promise<Datasheet["files"]> {
  const described = [];
  for (const file of Object.values(files)) {
    described.push({ name: basename(file), bytes: (await stat(file)).size, sha256: await sha256(file) });
  }
  return described;
}

async function sha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
