import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadSuite } from "../checks/load-suite.js";
import { suiteLogName } from "../checks/suite-history.js";
import { isLivingLabError, type Problem } from "../errors/problem.js";
import { type DeclaredDataset, declaredDatasets } from "../experiments/declared-data.js";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import { type GovernanceState, governanceState } from "../governance/governance-state.js";
import type { LogRecord } from "../runlog/log-record-schema.js";
import { readLogRecords, runLogPath } from "../runlog/run-log.js";
import type { PlannedReads } from "./planned-reads.js";
import { suiteReads } from "./planned-reads.js";

/** The suite file of an experiment when the experiment names none (templates before datakwaliteit@1.1.0). */
export const SUITE_FILE = "suite.yaml";

/** Everything a gate decides on: one input, built by `gateInputFor` for the door, `status` and the site alike. */
export interface GateInput {
  experimentId: string;
  author: string;
  declared: DeclaredDataset[];
  governance: GovernanceState;
  /** What the analysis will read; for `status` and the site, what the experiment's own suite reads. */
  reads: PlannedReads;
  /** Problems with the experiment's own suite file, which the evidence could then not use. */
  suiteProblems: Problem[];
  /** Today as JJJJ-MM-DD. */
  today: string;
}

export interface GateInputOptions {
  /** The log's records, when the caller read them already. */
  records?: readonly LogRecord[];
  /** What the analysis will read; default: the experiment's own suite, else its declared datasets. */
  reads?: PlannedReads;
  /** Today as JJJJ-MM-DD (default: today where the tool runs). */
  today?: string;
}

/**
 * The one gate input: the experiment as it is now, the governance its log proves, and what
 * the analysis will read. The door, `status` and the site build it here, so they cannot disagree.
 * @example const input = await gateInputFor(om); runGateProblems(input);
 */
export async function gateInputFor(opened: OpenedExperiment, options: GateInputOptions = {}): Promise<GateInput> {
  const records = options.records ?? (await readLogRecords(runLogPath(opened.dir)));
  const today = options.today ?? localDate();
  const own = await ownSuiteOf(opened);
  const declared = declaredDatasets(opened.experiment);
  const governance = governanceState(
    {
      id: opened.experiment.id,
      author: opened.experiment.auteur,
      sha256: opened.sha256,
      principles: opened.principles,
      experiment: opened.experiment,
      template: opened.template,
      ...(own.suite && { ownSuite: own.suite }),
      today,
    },
    records,
  );
  const reads = options.reads ??
    own.suite?.reads ?? {
      columns: {},
      datasets: declared.map((d) => ({ name: d.name, ...(d.columns && { columns: d.columns }) })),
    };
  return {
    experimentId: opened.experiment.id,
    author: opened.experiment.auteur,
    declared,
    governance,
    reads,
    suiteProblems: own.problems,
    today,
  };
}

/** The suite file an experiment names in `data.suite`, else `suite.yaml` in its folder. */
export function ownSuiteFile(opened: OpenedExperiment): string {
  const answer = opened.experiment.data.suite;
  return join(opened.dir, typeof answer === "string" ? answer : SUITE_FILE);
}

async function ownSuiteOf(
  opened: OpenedExperiment,
): Promise<{ suite?: { logName: string; reads: PlannedReads }; problems: Problem[] }> {
  const file = ownSuiteFile(opened);
  if (!existsSync(file)) return { problems: [] };
  try {
    return {
      suite: { logName: suiteLogName(opened.dir, file), reads: suiteReads(await loadSuite(file)) },
      problems: [],
    };
  } catch (error) {
    if (!isLivingLabError(error)) throw error;
    return { problems: [...error.problems] };
  }
}

/** Today's date where the tool runs, as JJJJ-MM-DD. */
export function localDate(now: Date = new Date()): string {
  return now.toLocaleDateString("sv-SE");
}
