import type { MetricUnit } from "../checks/metric-unit.js";
import { LivingLabError } from "../errors/problem.js";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import type { WrittenFile } from "../files/write-file-atomic.js";
import { readReviews } from "../gates/read-reviews.js";
import { runGateProblems } from "../gates/run-gate.js";
import type { Workspace } from "../workspace.js";
import type { JustificationChoice } from "./justification.js";
import { runLogPath } from "./run-log.js";
import type { RunRecord, TableFingerprint } from "./run-record-schema.js";
import { startRun } from "./start-run.js";

export interface RunToRecord extends JustificationChoice {
  /** Pre-assigned id and start time, when outputs already name the run. */
  id?: string;
  at?: string;
  analysis: { name: string; params: Record<string, unknown> };
  /** Dataset name to file path; each file is fingerprinted. */
  datasets: Record<string, string>;
  /** Database tables read, fingerprinted by `tableChecksum`. */
  tables?: readonly TableFingerprint[];
  /** Output files written by the run: a path is hashed now, a written file keeps its own hash. */
  artifacts?: readonly (string | WrittenFile)[];
  outcome: string;
  metrics: Record<string, number | null>;
  /** The unit of each metric, by name. */
  metricUnits?: Record<string, MetricUnit>;
  engineVersion: string;
}

/**
 * Records a run that has already happened: its start and its end record, with the
 * justification and full provenance. For a run still to do, use `startRun` or `loggedRun`.
 * No front-end logs a run the gates refuse: the personal-data gate here, the justification in `startRun`.
 * @example await recordRun(lab, om, { analysis: { name: "check", params: {} }, justification, ... });
 */
export async function recordRun(workspace: Workspace, opened: OpenedExperiment, run: RunToRecord): Promise<RunRecord> {
  const problems = runGateProblems({
    experiment: opened.experiment,
    principles: opened.principles,
    author: opened.experiment.auteur,
    reviews: await readReviews(runLogPath(opened.dir)),
    experimentSha256: opened.sha256,
  });
  if (problems.length > 0) throw new LivingLabError(problems);
  const handle = await startRun(workspace, opened, {
    ...(run.id !== undefined && { id: run.id }),
    ...(run.at !== undefined && { at: run.at }),
    analysis: run.analysis,
    ...(run.justification !== undefined && { justification: run.justification }),
    ...(run.reuseJustification !== undefined && { reuseJustification: run.reuseJustification }),
    engineVersion: run.engineVersion,
  });
  return handle.end({
    outcome: run.outcome,
    metrics: run.metrics,
    ...(run.metricUnits && { metricUnits: run.metricUnits }),
    datasets: run.datasets,
    ...(run.tables && { tables: run.tables }),
    ...(run.artifacts && { artifacts: run.artifacts }),
    engineVersion: run.engineVersion,
  });
}
