import type { Outcome } from "../checks/check-result.js";
import type { CheckResultRead } from "../checks/check-results-format.js";
import type { Problem } from "../errors/problem.js";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import type { GovernanceState } from "../governance/governance-state.js";
import type { RunResultsState } from "../report/recorded-results.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import type { PrinciplesFile } from "../templates/principle-schema.js";
import type { Template } from "../templates/template-schema.js";
import type { FoundDatasheet } from "./sources/datasheet-source.js";

/** Everything the site shows, read once from the lab's files by the adapters in `sources/`. */
export interface LabView {
  principles: PrinciplesFile | undefined;
  experiments: ExperimentEntry[];
  templates: TemplateEntry[];
  /** Problems that keep part of the lab from being shown (an unreadable folder or file). */
  problems: Problem[];
}

/** An experiment folder: readable, or the problems that keep it from being read. */
export type ExperimentEntry = { ok: true; experiment: ExperimentView } | { ok: false; id: string; problems: Problem[] };

export interface ExperimentView {
  opened: OpenedExperiment;
  /** Oldest first. */
  runs: RunView[];
  /** The one governance state (decisions, reviews, evidence), as status and the gates read it. */
  governance: GovernanceState;
  reviews: ReviewView[];
  publications: PublicationView[];
  /** The generator's datasheets found beside the data files the runs read. */
  datasheets: FoundDatasheet[];
  /** Problems reading this experiment's run log or results, shown on its page. */
  problems: Problem[];
}

export interface RunView {
  /** The run's number within its experiment: 1 for the first finished run. */
  number: number;
  record: RunRecord;
  /** The check results of this run, only when its results file is the one the log recorded. */
  checks: CheckView[] | undefined;
  /** From verified results, else the outcome the log recorded. */
  outcome: Outcome | undefined;
  /** A notebook run's executed notebook (an HTML fragment), when the kept file still has its recorded hash. */
  notebookHtml?: string;
  results: RunResultsState;
  /** The results file that does not match the log, from the experiment folder. */
  mismatchedFile?: string;
}

/**
 * One check's result as the pages show it, from a results file of any format (an old file's
 * unit may be unrecorded); its sample holds failing rows by key only.
 */
export type CheckView = CheckResultRead;

/** A review as the log records it, with whether it counts: only an approval in force of a run makes its summary final. */
export interface ReviewView {
  who: string;
  at: string;
  /** "goedgekeurd" or "afgekeurd". */
  verdict: string;
  note?: string;
  /** The run reviewed, when the review names one; else the review is of the plan. */
  runId?: string;
  inForce: boolean;
  /** Why it does not count, when it does not. */
  void?: string;
}

/** A summary handed to its readers, as the run log records it. */
export interface PublicationView {
  who: string;
  at: string;
  to: string;
  file: string;
}

export interface TemplateEntry {
  name: string;
  versions: Template[];
}
