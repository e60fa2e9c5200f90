import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { formatOfFile } from "../engines/data-format.js";
import { LivingLabError } from "../errors/problem.js";
import { currentOwner, ownerIsAlive, type ProcessOwner } from "../files/process-owner.js";
import { type DestructionPlan, EXPERIMENT_SCRATCH } from "./destruction-plan.js";
import type { DestroyedContent } from "./governance-schema.js";
import { runLogPath, streamLogRecords } from "./run-log.js";
import type { FileFingerprint } from "./run-record-schema.js";

/**
 * A destruction in progress: the data moved (renamed, on the same disk) into
 * `<experiment>/.livinglab-tmp/destroy-<pid>-<record id>/files/`. The log record is the moment
 * of truth: before it, the data can be put back; after it, the folder is removed. A process
 * killed in between leaves a folder that the next destruction finishes, by the log.
 */
export interface Staging {
  path: string;
  id: string;
  dir: string;
  roots: string[];
}

const PENDING = /^destroy-(\d+)-(.+)$/;

/** Moves every root of the plan away and checks that nothing is left at its old place. */
export async function stageDestruction(plan: DestructionPlan, id: string): Promise<Staging> {
  const staging: Staging = { path: join(plan.dir, EXPERIMENT_SCRATCH, `destroy-${process.pid}-${id}`), id, ...plan };
  await mkdir(join(staging.path, "files"), { recursive: true, mode: 0o700 });
  await writeFile(
    join(staging.path, "owner.json"),
    `${JSON.stringify({ ...currentOwner(), id, roots: plan.roots })}\n`,
  );
  const moved: string[] = [];
  try {
    for (const root of plan.roots) {
      await mkdir(dirname(join(staging.path, "files", root)), { recursive: true });
      await rename(join(plan.dir, root), join(staging.path, "files", root));
      moved.push(root);
    }
    const left = [];
    for (const root of plan.roots) if (await exists(join(plan.dir, root))) left.push(root);
    if (left.length > 0) throw stillThere(left, plan.dir);
  } catch (error) {
    await restoreStaged({ ...staging, roots: moved });
    if (error instanceof LivingLabError) throw error;
    throw new LivingLabError({
      code: "destroy_failed",
      message: `De data kon niet worden weggehaald (${(error as { code?: string }).code ?? "onbekende fout"}); er is niets vernietigd en niets vastgelegd.`,
      hint: "Staat de map op een andere schijf of is hij in gebruik? Vernietig dan de bestanden erin.",
    });
  }
  return staging;
}

/** The SHA-256 of every file that goes, by its path in the experiment. */
export async function fingerprintStaged(staging: Staging, files: readonly string[]): Promise<FileFingerprint[]> {
  const out: FileFingerprint[] = [];
  for (const rel of files) {
    const hash = createHash("sha256");
    for await (const chunk of createReadStream(join(staging.path, "files", rel))) hash.update(chunk as Buffer);
    out.push({ name: basename(rel), path: rel, sha256: hash.digest("hex") });
  }
  return out;
}

/** How a run read a file: as which dataset, and the columns the engine showed (canonical order). */
export interface FileRead {
  sha256: string;
  /** The dataset's name: in a DuckDB file, the table of that name. */
  name: string;
  columns: readonly string[];
}

/**
 * The content fingerprint of every staged data file, read whole (a file with one table) and as
 * each of `reads` read it, so the log knows what a file held after it is gone. A file DuckDB
 * cannot read (another format, damaged) has none: its SHA-256 still stands for it.
 */
export async function contentOfStaged(
  staging: Staging,
  files: readonly FileFingerprint[],
  reads: readonly FileRead[],
): Promise<DestroyedContent[]> {
  const { DuckDbEngine } = await import("../engines/duckdb-engine.js");
  const out: DestroyedContent[] = [];
  for (const file of files) {
    const format = formatOfFile(file.path);
    if (!format) continue;
    const path = join(staging.path, "files", file.path);
    const ways: Array<{ table?: string; columns?: readonly string[] }> = format.database ? [] : [{}];
    for (const read of reads) {
      if (read.sha256 !== file.sha256) continue;
      ways.push({ ...(format.database && { table: read.name }), columns: read.columns });
    }
    const seen = new Set<string>();
    const keyOf = (table: string | undefined, columns: readonly string[]) => JSON.stringify([table ?? null, columns]);
    for (const way of ways) {
      // Runs record their columns in canonical order, as the fingerprint does.
      if (way.columns && seen.has(keyOf(way.table, way.columns))) continue;
      const content = await DuckDbEngine.fingerprintFile(path, way).catch(() => undefined);
      if (!content || seen.has(keyOf(way.table, content.columns))) continue;
      seen.add(keyOf(way.table, content.columns));
      out.push({
        file: file.sha256,
        ...(way.table !== undefined && { table: way.table }),
        rows: content.rows,
        columns: content.columns,
        content_sha256: content.sha256,
        method: content.method,
      });
    }
  }
  return out;
}

/** Puts staged data back where it was (what still has a free place), then removes the staging folder if empty. */
export async function restoreStaged(staging: Staging): Promise<void> {
  let kept = false;
  for (const root of [...staging.roots].reverse()) {
    const from = join(staging.path, "files", root);
    if (!(await exists(from))) continue;
    if (await exists(join(staging.dir, root))) {
      kept = true;
      continue;
    }
    await mkdir(dirname(join(staging.dir, root)), { recursive: true });
    await rename(from, join(staging.dir, root));
  }
  if (!kept) await rm(staging.path, { recursive: true, force: true });
}

/** Removes the staged data for good and checks that it is gone. */
export async function finishStaged(staging: Staging): Promise<void> {
  await rm(staging.path, { recursive: true, force: true });
  if (await exists(staging.path)) {
    throw new LivingLabError({
      code: "destroy_incomplete",
      message: `De vernietiging is vastgelegd, maar ${staging.path} staat er nog.`,
      hint: "Verwijder die map, of voer 'livinglab destroy-data' opnieuw uit: die maakt het werk af.",
      file: staging.path,
    });
  }
}

/** A destruction that was started in an experiment folder and not finished. */
export interface PendingDestruction {
  path: string;
  /** The id its `data_destroyed` record has, or will have. */
  id: string;
  /** Its process still runs: it may be finishing right now. */
  alive: boolean;
}

/** The destructions in progress, or left halfway by a killed process, in an experiment folder. */
export async function pendingDestructions(experimentDir: string): Promise<PendingDestruction[]> {
  const scratch = join(experimentDir, EXPERIMENT_SCRATCH);
  const pending: PendingDestruction[] = [];
  for (const name of await readdir(scratch).catch(() => [] as string[])) {
    const owner = PENDING.test(name) ? await readOwner(join(scratch, name)) : undefined;
    if (owner) pending.push({ path: join(scratch, name), id: owner.id, alive: ownerIsAlive(owner) });
  }
  return pending;
}

/**
 * Finishes destructions that a killed process left halfway: removed when the log holds their
 * record, put back when it does not. Folders of live processes are left alone.
 */
export async function finishPendingDestructions(experimentDir: string): Promise<void> {
  const scratch = join(experimentDir, EXPERIMENT_SCRATCH);
  for (const name of await readdir(scratch).catch(() => [] as string[])) {
    const match = PENDING.exec(name);
    if (!match) continue;
    const path = join(scratch, name);
    const owner = await readOwner(path);
    if (!owner || ownerIsAlive(owner)) continue;
    const staging: Staging = { path, id: owner.id, dir: experimentDir, roots: owner.roots };
    if (await isLogged(runLogPath(experimentDir), owner.id)) await finishStaged(staging);
    else await restoreStaged(staging);
  }
}

async function isLogged(file: string, id: string): Promise<boolean> {
  for await (const record of streamLogRecords(file))
    if (record.type === "data_destroyed" && record.id === id) return true;
  return false;
}

async function readOwner(path: string): Promise<(ProcessOwner & { id: string; roots: string[] }) | undefined> {
  try {
    return JSON.parse(await readFile(join(path, "owner.json"), "utf8"));
  } catch {
    return undefined;
  }
}

function stillThere(left: readonly string[], dir: string): LivingLabError {
  return new LivingLabError({
    code: "destroy_incomplete",
    message: `Na het weghalen staat ${left.join(", ")} er weer; er is niets vernietigd en niets vastgelegd.`,
    hint: "Schrijft een andere opdracht op dit moment in die map? Wacht tot die klaar is.",
    file: join(dir, left[0] ?? ""),
  });
}

async function exists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined)) !== undefined;
}
