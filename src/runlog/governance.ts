import { suiteLogName } from "../checks/suite-history.js";
import { LivingLabError } from "../errors/problem.js";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import { ownSuiteFile } from "../gates/gate-input.js";
import { trustIn } from "../governance/event-trust.js";
import { summarizedRun } from "../governance/governance-state.js";
import { withdrawnRecords } from "../governance/withdrawn.js";
import { requireSigner, type Signer } from "../people/identify.js";
import { findPerson, holdsRoleAt, loadPeople, personIdentity, rolesAt } from "../people/load-people.js";
import type { PrincipleStatus } from "../templates/principle-schema.js";
import type { Workspace } from "../workspace.js";
import { planDestruction } from "./destruction-plan.js";
import {
  contentOfStaged,
  type FileRead,
  fingerprintStaged,
  finishPendingDestructions,
  finishStaged,
  restoreStaged,
  stageDestruction,
} from "./destruction-staging.js";
import { findInLog, findRecord, findRun, isRun } from "./find-record.js";
import type {
  Correction,
  DataDestroyed,
  PrincipleDecided,
  ReviewGiven,
  UnsignedAccepted,
  Verdict,
} from "./governance-schema.js";
import { writeSeal } from "./log-seal.js";
import { samePerson } from "./reviews.js";
import { appendRecord, newRunId, readLogRecords, runLogPath } from "./run-log.js";
import { verifyRunLog } from "./verify-run-log.js";

/** The fields every governance event shares: a fresh id, now, the signer as the people file names them, and the experiment as it is. */
export function governanceEventBase(signer: Signer, opened: OpenedExperiment) {
  return {
    id: newRunId(),
    at: new Date().toISOString(),
    who: { name: personIdentity(signer.person), source: "key" as const },
    experiment: { id: opened.experiment.id, template: opened.experiment.template, file_sha256: opened.sha256 },
  };
}

/**
 * Who signs a governance event here: the person whose key you can sign with, or a refusal.
 * Governance events are always signed; a name from git or LIVINGLAB_USER proves nothing.
 */
export async function governanceSigner(workspace: Workspace): Promise<Signer> {
  return requireSigner(await loadPeople(workspace.root), workspace.root);
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
  const signer = await governanceSigner(workspace);
  if (decision.beslotenDoor !== undefined) requireRole(signer, decision.beslotenDoor, "besluit");
  return (await appendRecord(
    runLogPath(opened.dir),
    {
      ...governanceEventBase(signer, opened),
      type: "principle_decided",
      principle: decision.principle,
      status: decision.status,
      toelichting: requireText(decision.toelichting, "toelichting"),
      ...(decision.beslotenDoor && { besloten_door: decision.beslotenDoor }),
      ...(decision.score !== undefined && { score: requireScore(decision.score) }),
    },
    { sign: signer.sign },
  )) as PrincipleDecided;
}

/**
 * Records a review of a run (by default the latest finished run; with `plan`, or while there
 * is no run, of the experiment as it stands). The review is bound to this version of the
 * experiment file and to the reviewed run's record (and so to the data it read). Refused
 * when the reviewer made that run or is the experiment's auteur (the same person in the people
 * file, or the same name or e-mail address). Signed with the reviewer's key; seals the log.
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
  // By default the run a summary shows (the latest of the experiment's own suite with check
  // results that no correction withdrew, as publish takes it), else the latest run.
  const people = await loadPeople(workspace.root);
  // Withdrawn as the governance state counts it: only by a signed correction.
  const trust = trustIn(people);
  const withdrawn = withdrawnRecords(records, (c) => trust(c).trusted);
  const latest = review.plan
    ? undefined
    : review.run === undefined
      ? (summarizedRun(records, withdrawn, suiteLogName(opened.dir, ownSuiteFile(opened))) ??
        records.filter(isRun).at(-1))
      : await findRunInLog(file, review.run);
  // The author is who made the reviewed run; the experiment's auteur may not review it either.
  const author = review.author ?? latest?.who.name ?? opened.experiment.auteur;
  const signer = await requireSigner(people, workspace.root);
  const base = governanceEventBase(signer, opened);
  // The makers as people: whatever name or key they use, a person in the people file is one person.
  const maker = [author, opened.experiment.auteur].find(
    (name) => samePerson(base.who.name, name) || findPerson(people, name) === signer.person,
  );
  if (maker !== undefined) {
    throw new LivingLabError({
      code: "review_by_author",
      message: `U (${base.who.name}) bent de auteur of de maker van wat u reviewt; een review moet van iemand anders komen.`,
      hint: "Vraag een collega om de review te doen met 'livinglab review'.",
    });
  }
  const role = review.role === undefined ? undefined : requireRole(signer, review.role, "reviewt");
  const recorded = (await appendRecord(
    file,
    {
      ...base,
      type: "review_given",
      verdict: review.verdict,
      toelichting: requireText(review.toelichting, "toelichting"),
      run: latest?.id ?? null,
      author,
      ...(latest && { run_hash: latest.hash }),
      ...(role && { role }),
    },
    { sign: signer.sign },
  )) as ReviewGiven;
  // A review seals the log on its own: the reviewer vouches for the log as it stood.
  await writeSeal(file, recorded, opened.experiment.id, signer);
  return recorded;
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
  const signer = await governanceSigner(workspace);
  const base = governanceEventBase(signer, opened);
  const staging = await stageDestruction(plan, base.id);
  let record: DataDestroyed;
  try {
    const files = await fingerprintStaged(staging, plan.files);
    const contents = await contentOfStaged(staging, files, await fileReads(runLogPath(opened.dir)));
    record = (await appendRecord(
      runLogPath(opened.dir),
      { ...base, type: "data_destroyed", files, ...(contents.length > 0 && { contents }), reden },
      { sign: signer.sign },
    )) as DataDestroyed;
  } catch (error) {
    await restoreStaged(staging);
    throw error;
  }
  await finishStaged(staging);
  return record;
}

/** How the log's runs read data files: each file's hash, the table in it and the columns shown. */
async function fileReads(logFile: string): Promise<FileRead[]> {
  const reads: FileRead[] = [];
  for (const record of await readLogRecords(logFile)) {
    if (!isRun(record)) continue;
    for (const d of record.data ?? []) {
      if (d.made || d.frame || !d.file) continue;
      reads.push({ sha256: d.file.sha256, name: d.name, columns: d.columns });
    }
  }
  return reads;
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
  const signer = await governanceSigner(workspace);
  return (await appendRecord(
    runLogPath(opened.dir),
    {
      ...governanceEventBase(signer, opened),
      type: "correction",
      refers_to: { seq: target.seq, id: target.id, type: target.type, hash: target.hash },
      correctie: requireText(correction.correctie, "correctie"),
    },
    { sign: signer.sign },
  )) as Correction;
}

/**
 * Accepts, by name, every unsigned governance record of the log that is not yet accepted (as
 * logs from before signing have): one signed record that lists their places. They still never
 * count; `log verify` then no longer fails on them, because someone known vouches for having
 * seen them. Refused on a log that is otherwise not intact, or has nothing to accept.
 * @example await acceptUnsigned(lab, om, { toelichting: "Besluiten van vóór het ondertekenen (2025)." });
 */
export async function acceptUnsigned(
  workspace: Workspace,
  opened: OpenedExperiment,
  acceptance: { toelichting: string },
): Promise<UnsignedAccepted> {
  const toelichting = requireText(acceptance.toelichting, "toelichting");
  const file = runLogPath(opened.dir);
  const people = await loadPeople(workspace.root);
  const signer = await requireSigner(people, workspace.root);
  const verified = await verifyRunLog(file, { people });
  const chainBroken = verified.finding && !["unsigned", "signature_invalid"].includes(verified.finding.kind);
  if (chainBroken) {
    throw new LivingLabError({
      code: "accept_log_broken",
      message: `Er wordt niets aanvaard: het logboek is aangetast (${verified.finding?.message})`,
      hint: "Zoek eerst uit wat er met het logboek is gebeurd ('livinglab log verify').",
      file,
    });
  }
  const unsigned = verified.unproven.filter((u) => u.state === "unsigned");
  if (unsigned.length === 0) {
    throw new LivingLabError({
      code: "nothing_to_accept",
      message: "Dit logboek heeft geen niet-ondertekende records die nog niet zijn aanvaard.",
      hint: "'livinglab log verify' laat zien welke records niet ondertekend zijn.",
      file,
    });
  }
  return (await appendRecord(
    file,
    {
      ...governanceEventBase(signer, opened),
      type: "unsigned_accepted",
      records: unsigned.map((u) => u.seq),
      toelichting,
    },
    { sign: signer.sign },
  )) as UnsignedAccepted;
}

/** The role someone says they act in, which the people file must give them. */
function requireRole(signer: Signer, role: string, acting: string): string {
  const cleaned = requireText(role, "rol");
  const now = new Date().toISOString();
  if (holdsRoleAt(signer.person, cleaned, now)) return cleaned;
  const held = rolesAt(signer.person, now);
  throw new LivingLabError({
    code: "role_not_held",
    message: `U ${acting} als '${cleaned}', maar die rol heeft u vandaag niet volgens het personenbestand (uw rollen: ${held.length > 0 ? held.join(", ") : "geen"}).`,
    hint: "Kies een rol die u heeft, of laat de rol weg; rollen staan in people.yaml van het lab.",
  });
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
