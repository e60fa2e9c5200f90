import { relative } from "node:path";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import { readReviews } from "../gates/read-reviews.js";
import { requireRunAllowed } from "../gates/run-gate.js";
import type { Workspace } from "../workspace.js";
import { codeVersion, hashFile, libraryVersion, whoAmI } from "./provenance.js";
import { appendRunRecord, newRunId, runLogPath } from "./run-log.js";
import type { RunRecord } from "./run-record-schema.js";

export interface RunToRecord {
  /** Pre-assigned id and start time, when outputs already name the run. */
  id?: string;
  at?: string;
  analysis: { name: string; params: Record<string, unknown> };
  justification: string;
  /** Dataset name to file path; each file is fingerprinted. */
  datasets: Record<string, string>;
  /** Output files written by the run; each is fingerprinted. */
  artifacts?: readonly string[];
  outcome: string;
  metrics: Record<string, number | null>;
  engineVersion: string;
}

/**
 * Appends a run to the experiment's run log with its justification and full provenance:
 * who, when, the experiment file's hash, dataset and artifact fingerprints, code and versions.
 * @example await recordRun(lab, om, { analysis: { name: "check", params: {} }, justification, ... });
 */
export async function recordRun(workspace: Workspace, opened: OpenedExperiment, run: RunToRecord): Promise<RunRecord> {
  // No front-end logs a run the gates refuse: justification, and the personal-data gate.
  const justification = requireRunAllowed({
    justification: run.justification,
    experiment: opened.experiment,
    principles: opened.principles,
    author: opened.experiment.auteur,
    reviews: await readReviews(runLogPath(opened.dir)),
    experimentSha256: opened.sha256,
  });
  const fingerprint = async (name: string, path: string) => ({
    name,
    path: relative(opened.dir, path),
    sha256: await hashFile(path),
  });
  return appendRunRecord(runLogPath(opened.dir), {
    id: run.id ?? newRunId(),
    type: "run",
    at: run.at ?? new Date().toISOString(),
    who: whoAmI(workspace.root),
    experiment: { id: opened.experiment.id, template: opened.experiment.template, file_sha256: opened.sha256 },
    analysis: run.analysis,
    justification,
    datasets: await Promise.all(Object.entries(run.datasets).map(([name, path]) => fingerprint(name, path))),
    code: codeVersion(workspace.root),
    versions: { node: process.version, livinglab: await libraryVersion(), engine: run.engineVersion },
    outcome: run.outcome,
    metrics: run.metrics,
    artifacts: await Promise.all(
      (run.artifacts ?? []).map((path) => fingerprint(path.split("/").at(-1) ?? path, path)),
    ),
  });
}
