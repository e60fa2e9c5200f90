import type { DataFrame } from "danfojs-node";
import type { LoadedSuite } from "../checks/load-suite.js";
import { DuckDbEngine } from "../engines/duckdb-engine.js";
import type { Engine } from "../engines/engine.js";
import { LivingLabError, type Problem } from "../errors/problem.js";
import type { TableFingerprint } from "../runlog/run-record-schema.js";
import { tableChecksum } from "../runlog/table-checksum.js";
import { closestWord } from "../yaml/closest-word.js";
import { tableFromFrame } from "./table-from-frame.js";

/** A suite whose named datasets are DataFrames in the engine, and the fingerprints the run log records for them. */
export interface FramedSuite {
  loaded: LoadedSuite;
  tables: TableFingerprint[];
}

/**
 * Puts each DataFrame into the engine as the table of the suite dataset it is named after, so
 * the suite checks the frame instead of that dataset's file, and fingerprints each table.
 */
export async function framesAsDatasets(
  engine: Engine,
  loaded: LoadedSuite,
  frames: Readonly<Record<string, DataFrame>>,
): Promise<FramedSuite> {
  const names = Object.keys(frames);
  if (names.length === 0) return { loaded, tables: [] };
  const known = loaded.datasets.map((d) => d.name);
  const problems: Problem[] = names.filter((n) => !known.includes(n)).map((n) => unknownDataset(n, known));
  const duckdb = engine instanceof DuckDbEngine ? engine : undefined;
  if (!duckdb) problems.push(framesNeedDuckDb());
  if (problems.length > 0 || !duckdb) throw new LivingLabError(problems);
  const tables: TableFingerprint[] = [];
  for (const [name, frame] of Object.entries(frames)) {
    await tableFromFrame(duckdb, name, frame);
    tables.push(await tableChecksum(duckdb, name));
  }
  const datasets = loaded.datasets.map((d) => (names.includes(d.name) ? { name: d.name, key: d.key } : d));
  return { loaded: { ...loaded, datasets }, tables };
}

function unknownDataset(name: string, known: readonly string[]): Problem {
  const near = closestWord(name, known);
  return {
    code: "frame_unknown_dataset",
    message: `De DataFrame '${name}' hoort bij geen dataset van de suite.${near ? ` Bedoelt u '${near}'?` : ""}`,
    hint: `Noem elke DataFrame naar een dataset van de suite: ${known.join(", ")}.`,
    path: ["frames", name],
  };
}

function framesNeedDuckDb(): Problem {
  return {
    code: "frames_need_duckdb",
    message: "Een DataFrame gaat terug naar DuckDB; deze suite draait op een andere engine.",
    hint: "Laat --engine weg (DuckDB is de standaard) als u DataFrames controleert.",
    path: ["frames"],
  };
}
