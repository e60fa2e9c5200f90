import { basename, relative } from "node:path";
import type { MetricUnit } from "../checks/metric-unit.js";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import type { WrittenFile } from "../files/write-file-atomic.js";
import type { Workspace } from "../workspace.js";
import { type JustificationChoice, resolveJustification } from "./justification.js";
import { codeVersion, hashFile, libraryVersion, whoAmI } from "./provenance.js";
import { recordedError } from "./recorded-error.js";
import { appendRecord, newRunId, readLogRecords, runLogPath } from "./run-log.js";
import type { FileFingerprint, RunRecord, RunStartedRecord, TableFingerprint } from "./run-record-schema.js";

export interface RunStart extends JustificationChoice {
  /** Pre-assigned id and start time, when outputs already name the run. */
  id?: string;
  at?: string;
  analysis: { name: string; params: Record<string, unknown> };
  /** Datasets known at the start: name to file path; each file is fingerprinted. */
  datasets?: Record<string, string>;
  engineVersion?: string;
}

export interface RunEnd {
  outcome: string;
  metrics?: Record<string, number | null>;
  /** The unit of each metric, by name; a metric without one is charted as "eenheid niet vastgelegd". */
  metricUnits?: Record<string, MetricUnit>;
  /** Every dataset the run read: name to file path; each file is fingerprinted. */
  datasets?: Record<string, string>;
  /** Database tables read, fingerprinted by a checksum in SQL (see `tableChecksum`). */
  tables?: readonly TableFingerprint[];
  /** Files the run wrote: a path is hashed now; a written file keeps the hash of the bytes this run wrote. */
  artifacts?: readonly (string | WrittenFile)[];
  engineVersion?: string;
  /** What the analysis threw, when it did: the run then ends with this message. */
  error?: unknown;
}

/** A run that has its `run_started` record in the log and still needs its end. */
export interface RunHandle {
  id: string;
  at: string;
  started: RunStartedRecord;
  /** Appends the run's end record (once) with its outcome, metrics, datasets and artifacts. */
  end(result: RunEnd): Promise<RunRecord>;
}

/**
 * Starts a logged run: checks the justification, then appends a `run_started` record, so a run
 * that crashes shows in the log as unfinished. Call `end` on the handle when it is done.
 * @example const run = await startRun(lab, om, { analysis: { name: "verkenning", params: {} }, justification });
 */
export async function startRun(workspace: Workspace, opened: OpenedExperiment, start: RunStart): Promise<RunHandle> {
  const file = runLogPath(opened.dir);
  const records = start.reuseJustification === undefined ? [] : await readLogRecords(file);
  const { justification, reusedFrom } = resolveJustification(start, records);
  const versions = { node: process.version, livinglab: await libraryVersion() };
  const started = (await appendRecord(file, {
    type: "run_started",
    id: start.id ?? newRunId(),
    at: start.at ?? new Date().toISOString(),
    who: whoAmI(workspace.root),
    experiment: { id: opened.experiment.id, template: opened.experiment.template, file_sha256: opened.sha256 },
    analysis: start.analysis,
    justification,
    ...(reusedFrom !== undefined && { justification_reused_from: reusedFrom }),
    ...(start.datasets && { datasets: await fingerprintFiles(opened.dir, start.datasets) }),
    code: await codeVersion(workspace.root),
    versions: { ...versions, ...(start.engineVersion && { engine: start.engineVersion }) },
  })) as RunStartedRecord;
  let ended: Promise<RunRecord> | undefined;
  return {
    id: started.id,
    at: started.at,
    started,
    end(result) {
      ended ??= endRun(file, opened.dir, started, result);
      return ended;
    },
  };
}

async function endRun(file: string, dir: string, started: RunStartedRecord, result: RunEnd): Promise<RunRecord> {
  const { schema: _s, seq: _q, prev_hash: _p, hash: _h, type: _t, torn_tail_set_aside: _r, ...same } = started;
  return (await appendRecord(file, {
    ...same,
    type: "run",
    datasets: result.datasets ? await fingerprintFiles(dir, result.datasets) : (started.datasets ?? []),
    ...(result.tables && result.tables.length > 0 && { tables: [...result.tables] }),
    versions: { ...started.versions, engine: result.engineVersion ?? started.versions.engine ?? "geen" },
    outcome: result.outcome,
    metrics: result.metrics ?? {},
    ...(result.metricUnits && Object.keys(result.metricUnits).length > 0 && { metric_units: result.metricUnits }),
    artifacts: await fingerprintArtifacts(dir, result.artifacts ?? []),
    ended_at: new Date().toISOString(),
    ...(result.error !== undefined && { error: recordedError(result.error) }),
  })) as RunRecord;
}

async function fingerprintFiles(dir: string, files: Record<string, string>): Promise<FileFingerprint[]> {
  return Promise.all(
    Object.entries(files).map(async ([name, path]) => ({
      name,
      path: relative(dir, path),
      sha256: await hashFile(path),
    })),
  );
}

/** Another run may overwrite a shared name (resultaten.json) before this one ends: a written file's own hash counts. */
async function fingerprintArtifacts(dir: string, files: readonly (string | WrittenFile)[]): Promise<FileFingerprint[]> {
  return Promise.all(
    files.map(async (file) => {
      const path = typeof file === "string" ? file : file.path;
      const sha256 = typeof file === "string" ? await hashFile(file) : file.sha256;
      return { name: basename(path), path: relative(dir, path), sha256 };
    }),
  );
}
