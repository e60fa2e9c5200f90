import { basename, relative } from "node:path";
import { LivingLabError, type Problem } from "../errors/problem.js";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import { gateInputFor } from "../gates/gate-input.js";
import type { PlannedReads } from "../gates/planned-reads.js";
import { runGateProblems } from "../gates/run-gate.js";
import type { GovernanceState } from "../governance/governance-state.js";
import { statedInAdvance } from "../governance/stated-in-advance.js";
import { type JustificationChoice, resolveJustification } from "../runlog/justification.js";
import { codeVersion, hashFile, libraryVersion, whoAmI } from "../runlog/provenance.js";
import { appendRecord, newRunId, readLogRecords, runLogPath } from "../runlog/run-log.js";
import type { FileFingerprint, RunStartedRecord } from "../runlog/run-record-schema.js";
import type { Workspace } from "../workspace.js";
import { destroyedProblem, hashDataFile } from "./admit.js";
import { mintPermit, type RunPermit } from "./run-permit.js";

/** What an analysis says at the door: who it is for, why, and what it will read. */
export interface DoorRequest extends JustificationChoice {
  workspace: Workspace;
  opened: OpenedExperiment;
  analysis: { name: string; params: Record<string, unknown> };
  /** The datasets and columns it will read (see `suiteReads`); datasets found later go through `permit.attach`. */
  reads: PlannedReads;
  /** A pre-assigned id and start time, when outputs already name the run. */
  id?: string;
  at?: string;
  /** Today as JJJJ-MM-DD, for retention dates (default: today). */
  today?: string;
}

/**
 * The one door every analysis starts through, from every front-end. It checks the
 * justification and every gate on the one gate input (the same `status` and the site use),
 * then hashes the data files it was told about, refusing data logged as destroyed, and only
 * then records `run_started`. A refusal reads no data, writes nothing and leaves the log as it
 * was. The permit it returns is the only way to attach data; end the run with `permit.end`.
 * @example const permit = await openRun({ workspace: lab, opened: om, analysis: { name: "check", params: {} }, reads, justification });
 */
export async function openRun(request: DoorRequest): Promise<RunPermit> {
  const { opened, workspace, reads } = request;
  const file = runLogPath(opened.dir);
  const records = await readLogRecords(file);
  const { justification, reusedFrom } = resolveJustification(request, records);
  const input = await gateInputFor(opened, {
    records,
    reads,
    ...(request.today !== undefined && { today: request.today }),
  });
  const refused = runGateProblems(input);
  if (refused.length > 0) throw new LivingLabError(refused);
  // Only now is a data file touched: its hash, against the data the log says was destroyed.
  const datasets = await hashPlannedFiles(opened.dir, reads, input.governance);
  const stated = statedInAdvance(opened.template, opened.experiment);
  const started = (await appendRecord(file, {
    type: "run_started",
    id: request.id ?? newRunId(),
    at: request.at ?? new Date().toISOString(),
    who: whoAmI(workspace.root),
    experiment: { id: opened.experiment.id, template: opened.experiment.template, file_sha256: opened.sha256 },
    analysis: request.analysis,
    justification,
    ...(reusedFrom !== undefined && { justification_reused_from: reusedFrom }),
    ...(datasets.length > 0 && { datasets }),
    ...(reads.suite && {
      suite: {
        name: basename(reads.suite),
        path: relative(opened.dir, reads.suite),
        sha256: await hashFile(reads.suite),
      },
    }),
    columns_read: reads.columns,
    ...(stated && { stated_in_advance: stated }),
    code: await codeVersion(workspace.root),
    versions: { node: process.version, livinglab: await libraryVersion() },
  })) as RunStartedRecord;
  return mintPermit({
    opened,
    started,
    governance: input.governance,
    declared: input.declared,
    today: input.today,
  });
}

async function hashPlannedFiles(
  dir: string,
  reads: PlannedReads,
  governance: GovernanceState,
): Promise<FileFingerprint[]> {
  const fingerprints: FileFingerprint[] = [];
  const problems: Problem[] = [];
  for (const dataset of reads.datasets) {
    if (!dataset.file || dataset.made) continue;
    const sha256 = await hashDataFile(dataset.name, dataset.file);
    if (governance.destroyedFiles.has(sha256)) problems.push(...destroyedProblem({ governance }, dataset).problems);
    fingerprints.push({ name: dataset.name, path: relative(dir, dataset.file), sha256 });
  }
  if (problems.length > 0) throw new LivingLabError(problems);
  return fingerprints;
}
