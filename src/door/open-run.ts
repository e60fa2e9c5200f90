import { basename, relative } from "node:path";
import { readHere } from "../engines/data-path.js";
import { isLivingLabError, LivingLabError, type Problem } from "../errors/problem.js";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import { gateInputFor } from "../gates/gate-input.js";
import type { PlannedReads } from "../gates/planned-reads.js";
import { runGateProblems } from "../gates/run-gate.js";
import type { GovernanceState } from "../governance/governance-state.js";
import { statedInAdvance } from "../governance/stated-in-advance.js";
import { optionalSigner } from "../people/identify.js";
import { personIdentity } from "../people/load-people.js";
import { type JustificationChoice, resolveJustification } from "../runlog/justification.js";
import { codeVersion, hashFile, libraryVersion, whoAmI } from "../runlog/provenance.js";
import { appendRecord, newRunId, readLogRecords, runLogPath } from "../runlog/run-log.js";
import type { FileFingerprint, RunStartedRecord } from "../runlog/run-record-schema.js";
import type { Workspace } from "../workspace.js";
import { destroyedProblem, hashDataFile } from "./admit.js";
import { type DataPlaces, declaredFile, placeOfData } from "./data-location.js";
import { fileFingerprint } from "./end-run.js";
import { checkParentRun, requestedParent } from "./parent-run.js";
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
  /** The open run this analysis is part of (default: `LIVINGLAB_PARENT_RUN`, set by a notebook run). */
  parent?: string;
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
  const parent = requestedParent(request.parent);
  if (parent !== undefined) checkParentRun(parent, opened, records);
  const input = await gateInputFor(opened, {
    records,
    reads,
    ...(request.today !== undefined && { today: request.today }),
  });
  const refused = runGateProblems(input);
  if (refused.length > 0) throw new LivingLabError(refused);
  // Only now is a data file touched: its hash, against the data the log says was destroyed.
  const places = { lab: opened.root, experiment: opened.dir, declared: input.declared };
  const datasets = await hashPlannedFiles(places, reads, input.governance);
  const stated = statedInAdvance(opened.template, opened.experiment);
  // The runner signs where a key is available; else the log says plainly the name is not proven.
  const signer = await optionalSigner(input.people, workspace.root);
  const started = (await appendRecord(
    file,
    {
      type: "run_started",
      id: request.id ?? newRunId(),
      at: request.at ?? new Date().toISOString(),
      who: signer ? { name: personIdentity(signer.person), source: "key" } : whoAmI(workspace.root),
      experiment: { id: opened.experiment.id, template: opened.experiment.template, file_sha256: opened.sha256 },
      analysis: request.analysis,
      justification,
      ...(reusedFrom !== undefined && { justification_reused_from: reusedFrom }),
      ...(parent !== undefined && { parent_run: parent }),
      ...(datasets.length > 0 && { datasets }),
      ...(reads.suite && {
        suite: {
          name: basename(reads.suite),
          path: relative(opened.dir, reads.suite),
          sha256: reads.suiteSha256 ?? (await hashFile(reads.suite)),
        },
      }),
      columns_read: reads.columns,
      ...(stated && { stated_in_advance: stated }),
      code: await codeVersion(workspace.root),
      versions: { node: process.version, livinglab: await libraryVersion() },
    },
    signer && { sign: signer.sign },
  )) as RunStartedRecord;
  return mintPermit({
    opened,
    started,
    governance: input.governance,
    declared: input.declared,
    today: input.today,
    ...(signer && { signer }),
  });
}

async function hashPlannedFiles(
  places: DataPlaces,
  reads: PlannedReads,
  governance: GovernanceState,
): Promise<FileFingerprint[]> {
  const fingerprints: FileFingerprint[] = [];
  const problems: Problem[] = [];
  for (const planned of reads.datasets) {
    const dataset = declaredFile(places, planned);
    // A URI is read only by the cluster; what it read is recorded by its content fingerprint.
    if (!dataset.file || !readHere(dataset.file)) continue;
    // Where the data lives is judged first, also for a file the run makes itself.
    let location: string | undefined;
    try {
      location = await placeOfData(places, dataset);
    } catch (error) {
      if (!isLivingLabError(error)) throw error;
      problems.push(...error.problems);
      continue;
    }
    if (dataset.made) continue;
    const sha256 = await hashDataFile(dataset.name, dataset.file);
    if (governance.destroyedFiles.has(sha256)) problems.push(...destroyedProblem({ governance }, dataset).problems);
    fingerprints.push(fileFingerprint(places.experiment, dataset.name, dataset.file, sha256, location));
  }
  if (problems.length > 0) throw new LivingLabError(problems);
  return fingerprints;
}
