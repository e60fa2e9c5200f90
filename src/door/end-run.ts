import { basename, relative } from "node:path";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import type { Signer } from "../people/identify.js";
import { hashFile } from "../runlog/provenance.js";
import { recordedError } from "../runlog/recorded-error.js";
import { appendRecord, runLogPath } from "../runlog/run-log.js";
import type { DataFingerprint, FileFingerprint, RunRecord, RunStartedRecord } from "../runlog/run-record-schema.js";
import type { RunEnd } from "./run-permit.js";

/** A data file as the run record names it: relative to the experiment, and its place in the lab when it lies outside the experiment. */
export function fileFingerprint(
  dir: string,
  name: string,
  file: string,
  sha256: string,
  location?: string,
): FileFingerprint {
  return { name, path: relative(dir, file), sha256, ...(location !== undefined && { location }) };
}

export interface EndContext extends RunEnd {
  data: readonly DataFingerprint[];
  files: readonly FileFingerprint[];
  engine: string | undefined;
}

/** Appends the run's end record: the start's fields, what was read and written, and the outcome. */
export async function appendEnd(
  opened: OpenedExperiment,
  started: RunStartedRecord,
  end: EndContext,
  signer?: Signer,
): Promise<RunRecord> {
  const {
    schema: _s,
    seq: _q,
    prev_hash: _p,
    hash: _h,
    type: _t,
    torn_tail_set_aside: _r,
    signature: _g,
    ...same
  } = started;
  // Another run may overwrite a shared name (resultaten.json) before this one ends: a written file's own hash counts.
  const artifacts = await Promise.all(
    (end.artifacts ?? []).map(async (file) => {
      const path = typeof file === "string" ? file : file.path;
      const sha256 = typeof file === "string" ? await hashFile(file) : file.sha256;
      return { name: basename(path), path: relative(opened.dir, path), sha256 };
    }),
  );
  const columns = end.columns ?? started.columns_read;
  return (await appendRecord(
    runLogPath(opened.dir),
    {
      ...same,
      type: "run",
      datasets: uniqueFiles([...(started.datasets ?? []), ...end.files]),
      ...(end.data.length > 0 && { data: [...end.data] }),
      ...(columns && { columns_read: columns }),
      ...(end.checks && { checks: [...end.checks] }),
      versions: { ...started.versions, engine: end.engine ?? started.versions.engine ?? "geen" },
      outcome: end.outcome,
      metrics: end.metrics ?? {},
      ...(end.metricUnits && Object.keys(end.metricUnits).length > 0 && { metric_units: end.metricUnits }),
      artifacts,
      ended_at: new Date().toISOString(),
      ...(end.error !== undefined && { error: recordedError(end.error) }),
    },
    signer && { sign: signer.sign },
  )) as RunRecord;
}

function uniqueFiles(files: readonly FileFingerprint[]): FileFingerprint[] {
  const seen = new Map<string, FileFingerprint>();
  for (const f of files) seen.set(`${f.name}\u0000${f.path}`, f);
  return [...seen.values()];
}
