import { LivingLabError } from "../errors/problem.js";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import { summarizedRun } from "../governance/governance-state.js";
import type { PrincipleStatus } from "../templates/principle-schema.js";
import type { Workspace } from "../workspace.js";
import { planDestruction } from "./destruction-plan.js";
import {
  fingerprintStaged,
  finishPendingDestructions,
  finishStaged,
  restoreStaged,
  stageDestruction,
} from "./destruction-staging.js";
import { findInLog, findRecord, findRun, isRun } from "./find-record.js";
import type { Correction, DataDestroyed, PrincipleDecided, ReviewGiven, Verdict } from "./governance-schema.js";
import { whoAmI } from "./provenance.js";
import { samePerson } from "./reviews.js";
import { appendRecord, newRunId, readLogRecords, runLogPath } from "./run-log.js";

/** The fields every governance event shares: a fresh id, now, who, and the experiment as it is. */
export function governanceEventBase(workspace: Workspace, opened: OpenedExperiment) {
  return {
    id: newRunId(),
    at: new Date().toISOString(),
    who: whoAmI(workspace.root),
    experiment: { id: opened.experiment.id, template: opened.experiment.template, file_sha256: opened.sha256 },
  };
}

/**
 * Records that a principle of the experiment was decided.
 * @example await decidePrinciple(lab, om, { principle: "grondslag", status: "voldaan", toelichting: "..." });
 */
export async function decidePrinciple(
  workspace: Workspace,
  opened: OpenedExperiment,
  decision: { principle: string; status: PrincipleStatus; toelichting: string; beslotenDoor?: string; score?: number },
): Promise<PrincipleDecided> {
  const known = opened.principles.principles.map((p) => p.id);
  if (!known.includes(decision.principle)) {
    throw new LivingLabError({
      code: "unknown_principle",
      message: `Er is geen uitgangspunt '${decision.principle}'.`,
      hint: `Kies uit: ${known.join(", ")}.`,
    });
  }
  return (await appendRecord(runLogPath(opened.dir), {
    ...governanceEventBase(workspace, opened),
    type: "principle_decided",
    principle: decision.principle,
    status: decision.status,
    toelichting: requireText(decision.toelichting, "toelichting"),
    ...(decision.beslotenDoor && { besloten_door: decision.beslotenDoor }),
    ...(decision.score !== undefined && { score: requireScore(decision.score) }),
  })) as PrincipleDecided;
}

/**
 * Records a review of a run (by default the latest finished run; with `plan`, or while there
 * is no run, of the experiment as it stands). The review is bound to this version of the
 * experiment file and to the reviewed run's record (and so to the data it read). Refused
 * when the reviewer made that run or is the experiment's auteur: the same name or e-mail address.
 * @example await giveReview(lab, om, { verdict: "goedgekeurd", toelichting: "Controles en samenvatting nagelopen." });
 */
export async function giveReview(
  workspace: Workspace,
  opened: OpenedExperiment,
  review: { verdict: Verdict; toelichting: string; run?: string; plan?: boolean; author?: string; role?: string },
): Promise<ReviewGiven> {
  const file = runLogPath(opened.dir);
  const records = await readLogRecords(file);
  if (review.plan && review.run !== undefined) {
    throw new LivingLabError({
      code: "usage",
      message: "Een review gaat over het plan óf over een run, niet allebei.",
      hint: "Gebruik --plan of --run <run>.",
    });
  }
  // By default the run a summary shows (the latest with check results that no correction
  // withdrew, as publish takes it), else the latest run.
  const latest = review.plan
    ? undefined
    : review.run === undefined
      ? (summarizedRun(records) ?? records.filter(isRun).at(-1))
      : await findRunInLog(file, review.run);
  // The author is who made the reviewed run; the experiment's auteur may not review it either.
  const author = review.author ?? latest?.who.name ?? opened.experiment.auteur;
  const base = governanceEventBase(workspace, opened);
  const maker = [author, opened.experiment.auteur].find((name) => samePerson(base.who.name, name));
  if (maker !== undefined) {
    throw new LivingLabError({
      code: "review_by_author",
      message: `U (${base.who.name}) bent de auteur of de maker van wat u reviewt; een review moet van iemand anders komen.`,
      hint: "Vraag een collega om de review te doen met 'livinglab review'.",
    });
  }
  return (await appendRecord(file, {
    ...base,
    type: "review_given",
    verdict: review.verdict,
    toelichting: requireText(review.toelichting, "toelichting"),
    run: latest?.id ?? null,
    author,
    ...(latest && { run_hash: latest.hash }),
    ...(review.role && { role: requireText(review.role, "rol") }),
  })) as ReviewGiven;
}

/**
 * Destroys data of the experiment and records what existed: each file's hash, and why. Only the
 * experiment's own data can go (see `planDestruction`): never anything outside its folder, the
 * run log and its companions, or its YAML files. The data is first moved aside and checked gone,
 * then the record is appended, then the moved data is removed; a run killed halfway is finished
 * by the next one, by the log. So the log never says destroyed while the data remains.
 * @example await destroyData(lab, om, { paths: ["data"], reden: "Bewaartermijn verlopen." });
 */
export async function destroyData(
  workspace: Workspace,
  opened: OpenedExperiment,
  destruction: { paths: readonly string[]; reden: string },
): Promise<DataDestroyed> {
  const reden = requireText(destruction.reden, "reden");
  await finishPendingDestructions(opened.dir);
  const plan = await planDestruction(opened.dir, destruction.paths);
  const base = governanceEventBase(workspace, opened);
  const staging = await stageDestruction(plan, base.id);
  let record: DataDestroyed;
  try {
    const files = await fingerprintStaged(staging, plan.files);
    record = (await appendRecord(runLogPath(opened.dir), {
      ...base,
      type: "data_destroyed",
      files,
      reden,
    })) as DataDestroyed;
  } catch (error) {
    await restoreStaged(staging);
    throw error;
  }
  await finishStaged(staging);
  return record;
}

/**
 * Records a correction to an earlier record (by id or by number); the earlier record stays as it was.
 * @example await correctRecord(lab, om, { refersTo: "3", correctie: "De run gebruikte de levering van september, niet oktober." });
 */
export async function correctRecord(
  workspace: Workspace,
  opened: OpenedExperiment,
  correction: { refersTo: string; correctie: string },
): Promise<Correction> {
  const found = await findInLog(runLogPath(opened.dir), correction.refersTo);
  const target = found?.record ?? findRecord([], correction.refersTo);
  return (await appendRecord(runLogPath(opened.dir), {
    ...governanceEventBase(workspace, opened),
    type: "correction",
    refers_to: { seq: target.seq, id: target.id, type: target.type, hash: target.hash },
    correctie: requireText(correction.correctie, "correctie"),
  })) as Correction;
}

function requireScore(score: number): number {
  if (!Number.isInteger(score) || score < 0 || score > 5) {
    throw new LivingLabError({
      code: "score_out_of_range",
      message: `De score ${score} ligt niet tussen 0 en 5.`,
      hint: "Geef een heel getal van 0 (slecht) tot 5 (volledig).",
    });
  }
  return score;
}

/** A finished run by id or number, found by streaming the log. */
async function findRunInLog(file: string, ref: string) {
  const found = await findInLog(file, ref);
  return findRun(found ? [found.record, ...found.related] : [], ref);
}

export function requireText(text: string, field: string): string {
  const cleaned = text.replace(/\s+/g, " ").trim();
  if (cleaned.length < 3) {
    throw new LivingLabError({
      code: "text_missing",
      message: `Het veld '${field}' is leeg of te kort.`,
      hint: "Schrijf in een zin wat er is besloten of gebeurd, en waarom.",
    });
  }
  return cleaned;
}
