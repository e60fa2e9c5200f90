import { declaredDatasets } from "../experiments/declared-data.js";
import { contentShape } from "../fingerprint/content-fingerprint.js";
import type { PlannedReads } from "../gates/planned-reads.js";
import { holdsRoleAt, type People, roleOutsideDates } from "../people/load-people.js";
import type { SignatureState } from "../people/record-signature.js";
import type { DataDestroyed, PrincipleDecided, SummaryPublished } from "../runlog/governance-schema.js";
import type { LogRecord } from "../runlog/log-record-schema.js";
import type { RunRecord, RunStartedRecord, StatedInAdvance } from "../runlog/run-record-schema.js";
import type { Principle, PrincipleStatus, PrinciplesFile } from "../templates/principle-schema.js";
import type { SectionId, Template } from "../templates/template-schema.js";
import { withDefined } from "./defined.js";
import { type TrustOf, trustIn } from "./event-trust.js";
import { type Evidence, type EvidenceContext, evidenceOf } from "./evidence/evidence.js";
import { evidenceRegistry } from "./evidence/evidence-registry.js";
import { type Margin, statedMargins } from "./margins.js";
import {
  type ParticipationSource,
  participation,
  participationSource,
  type RoleParticipation,
} from "./participation.js";
import { type ReviewStanding, reviewStandings } from "./review-standing.js";
import { statedInAdvance } from "./stated-in-advance.js";

export type { ReviewStanding } from "./review-standing.js";

import { type CriterionResult, compareCriteria } from "./success-criteria.js";
import { withdrawnRecords } from "./withdrawn.js";

/** What governance is computed from, besides the log: the experiment as it is now. */
export interface GovernanceFacts {
  id: string;
  /** The experiment's `auteur`: never the one whose review counts. */
  author: string;
  /** The experiment file's hash now: decisions and reviews saw a version. */
  sha256: string;
  principles: PrinciplesFile;
  /** The experiment's answers per section (loose while the file is not valid). */
  experiment: Partial<Record<SectionId, Record<string, unknown>>>;
  /** Its template, for the answers stated before the first run. */
  template?: Template;
  /** The experiment's own suite: its name in the log and what it reads. */
  ownSuite?: { logName: string; reads: PlannedReads };
  /** Today as JJJJ-MM-DD, for retention dates. */
  today: string;
  /** The lab's people file: only events signed by its people count, in the roles it gives them. */
  people: People;
}

/** The author's proposal for a principle, as the experiment file states it. */
export interface Proposal {
  status: PrincipleStatus;
  toelichting?: string;
  score?: number;
  besloten_door?: string;
  datum?: string;
}

/** A decision in the log that is in force: the latest for its principle, not withdrawn. */
export interface DecisionStanding {
  id: string;
  seq: number;
  at: string;
  who: string;
  /** The role that decided, as recorded (`besloten_door`). */
  role?: string;
  status: PrincipleStatus;
  toelichting: string;
  score?: number;
  /** Whether it was taken on the experiment as it is now. */
  onCurrentVersion: boolean;
}

/** A decision in the log that does not count, and why: unsigned, badly signed, or by someone without the owning role. */
export interface IgnoredDecision {
  seq: number;
  at: string;
  who: string;
  status: PrincipleStatus;
  signature: SignatureState;
  why: string;
}

/** One principle: the author's proposal, the decision in the log, and the tool's evidence. */
export interface PrincipleGovernance {
  principle: Principle;
  proposal?: Proposal;
  decision?: DecisionStanding;
  /** The decided status; `open` while nobody decided in the log, whatever the file proposes. */
  status: PrincipleStatus;
  evidence: Evidence;
  /** Marked `voldaan` (by the decision, else the proposal) while the tool's evidence contradicts it. */
  contradicted: boolean;
  /** The proposal in the experiment file and the decision in the log say different things. */
  differs: boolean;
  /** Decisions in the log that do not count (unsigned, badly signed, wrong role), oldest first. */
  ignored: IgnoredDecision[];
}

/** A finished run and where it stands: withdrawn by a correction, approved by a review. */
export interface RunStanding {
  record: RunRecord;
  /** The correction that withdrew it. */
  withdrawnBy?: number;
  /** The approving review in force of exactly this run: what makes its summary final. */
  approval?: ReviewStanding;
}

/** The one governance state, computed from the log and the experiment file, read by status, the gates and the site. */
export interface GovernanceState {
  experiment: { id: string; sha256: string; author: string };
  principles: PrincipleGovernance[];
  reviews: ReviewStanding[];
  /** The latest approval in force of this version, by someone other than the author: opens the run gate on real personal data. */
  approval?: ReviewStanding;
  runs: RunStanding[];
  /**
   * The run a summary shows: the latest finished run with check results of the experiment's own
   * suite, not withdrawn (a profile or a run of another suite is not the experiment's result). Its approval is what makes the summary final; `publish` and `review` default to it.
   */
  summarized?: string;
  destructions: Array<{
    seq: number;
    at: string;
    who: string;
    reason: string;
    files: DataDestroyed["files"];
    signature: SignatureState;
  }>;
  /**
   * SHA-256 of every file logged as destroyed, and the content fingerprints of what they held:
   * those the destruction computed, and those runs recorded for the same files.
   */
  destroyedFiles: ReadonlySet<string>;
  destroyedContents: ReadonlySet<string>;
  /** The shape (`contentShape`: rows and columns) of each destroyed content: equal content has an equal shape. */
  destroyedShapes: ReadonlySet<string>;
  publications: Array<{ seq: number; at: string; who: string; to: string; file: string; run?: string }>;
  /** The margins stated in advance, and the success criteria against the latest runs. */
  margins: Margin[];
  criteria: CriterionResult[];
  stated?: StatedInAdvance;
  today: string;
  /** Per role that takes part in the weighing (the template's, else the principles' owners and the reviewer): who has spoken. */
  participation: RoleParticipation[];
  /** Whether those roles are the template's or derived. */
  participationFrom: ParticipationSource;
  /** Whether each record's maker is proven by a signature, by record id: for `log`, the site and notebooks. */
  signatures: ReadonlyMap<string, { state: SignatureState; signer?: string; why?: string }>;
}

/**
 * Where an experiment's governance stands, from its log (decisions, reviews, publications,
 * destructions, corrections, runs) and the experiment file (the author's proposal). The gates,
 * `status` and the site all read this one state.
 * @example const state = governanceState(facts, await readLogRecords(runLogPath(om.dir)));
 */
export function governanceState(facts: GovernanceFacts, records: readonly LogRecord[]): GovernanceState {
  const trust = trustIn(facts.people);
  const withdrawn = withdrawnRecords(records, (c) => trust(c).trusted);
  const counts = (r: LogRecord) => !withdrawn.has(r.id) && trust(r).trusted;
  const finished = records.filter((r): r is RunRecord => r.type === "run");
  const runs = finished.filter((r) => !withdrawn.has(r.id));
  const reviews = reviewStandings(
    { author: facts.author, sha256: facts.sha256, people: facts.people, trust },
    records,
    withdrawn,
  );
  const latestApproval = (run?: string) =>
    reviews.filter((r) => r.inForce && r.verdict === "goedgekeurd" && (run === undefined || r.run === run)).at(-1);
  const destroyed = records.filter((r): r is DataDestroyed => r.type === "data_destroyed");
  const destroyedFiles = new Set(destroyed.flatMap((d) => d.files.map((f) => f.sha256)));
  const destroyedContents = [
    ...destroyed.flatMap((d) => (d.contents ?? []).map((c) => ({ ...c, sha256: c.content_sha256 }))),
    ...finished.flatMap((r) =>
      (r.data ?? []).flatMap((d) =>
        d.file && destroyedFiles.has(d.file.sha256) && d.content_sha256 !== undefined
          ? [{ rows: d.rows, columns: d.columns, sha256: d.content_sha256 }]
          : [],
      ),
    ),
  ];
  const publications = records.filter((r): r is SummaryPublished => r.type === "summary_published" && counts(r));
  const ofOwnSuite = (analysis: string) =>
    runs
      .filter(
        (r) =>
          r.analysis.name === analysis &&
          facts.ownSuite !== undefined &&
          r.analysis.params.suite === facts.ownSuite.logName &&
          r.outcome !== "error" &&
          r.outcome !== "refused",
      )
      .at(-1);
  const evaluatie = facts.experiment.evaluatie ?? {};
  const margins = statedMargins(evaluatie);
  const stated = facts.template ? statedInAdvance(facts.template, facts.experiment) : undefined;
  const context: EvidenceContext = {
    declared: declaredDatasets({ data: facts.experiment.data ?? {} }),
    sha256: facts.sha256,
    runs,
    starts: records.filter((r): r is RunStartedRecord => r.type === "run_started"),
    ...(facts.ownSuite && { ownSuite: facts.ownSuite }),
    ...withDefined("latestCheck", ofOwnSuite("check")),
    margins,
    ...(stated && { stated }),
    reviews,
    publications: publications.map((p) => ({ to: p.aan, at: p.at })),
    destructions: destroyed.map((d) => ({ seq: d.seq, at: d.at, files: d.files.length })),
    today: facts.today,
  };
  return {
    experiment: { id: facts.id, sha256: facts.sha256, author: facts.author },
    principles: facts.principles.principles.map((p) =>
      principleGovernance(p, facts, records, { withdrawn, trust }, context),
    ),
    reviews,
    ...withDefined("approval", latestApproval()),
    ...withDefined("summarized", summarizedRun(records, withdrawn, facts.ownSuite?.logName)?.id),
    runs: finished.map((record) => ({
      record,
      ...withDefined("withdrawnBy", withdrawn.get(record.id)?.seq),
      ...withDefined("approval", latestApproval(record.id)),
    })),
    destructions: destroyed.map((d) => ({
      seq: d.seq,
      at: d.at,
      who: d.who.name,
      reason: d.reden,
      files: d.files,
      signature: trust(d).signature.state,
    })),
    destroyedFiles,
    destroyedContents: new Set(destroyedContents.map((c) => c.sha256)),
    destroyedShapes: new Set(destroyedContents.map((c) => contentShape(c.rows, c.columns))),
    publications: publications.map((p) => ({
      seq: p.seq,
      at: p.at,
      who: p.who.name,
      to: p.aan,
      file: p.file.path,
      ...(p.run !== null && { run: p.run }),
    })),
    margins,
    criteria: compareCriteria(
      evaluatie,
      { ...withDefined("check", context.latestCheck), ...withDefined("exam", ofOwnSuite("evaluate")) },
      margins,
    ),
    ...(stated && { stated }),
    today: facts.today,
    participation: participation(
      { ...withDefined("template", facts.template), principles: facts.principles },
      records,
      counts,
      { trust, people: facts.people, today: facts.today },
    ),
    participationFrom: participationSource(facts.template),
    // A run's start is signed like its end; the end stands for the run.
    signatures: new Map(
      records
        .filter((r) => r.type !== "run_started")
        .map((r) => {
          const t = trust(r);
          return [
            r.id,
            {
              state: t.signature.state,
              ...withDefined("signer", t.person && `${t.person.naam} <${t.person.email}>`),
              ...withDefined("why", t.why),
            },
          ];
        }),
    ),
  };
}

/**
 * The latest finished run with check results that no correction withdrew, of the experiment's
 * own suite when it has one (its name in the log): the run a summary shows.
 */
export function summarizedRun(
  records: readonly LogRecord[],
  withdrawn: ReadonlyMap<string, unknown> = withdrawnRecords(records),
  ownSuite?: string,
): RunRecord | undefined {
  return records
    .filter(
      (r): r is RunRecord =>
        r.type === "run" &&
        r.checks !== undefined &&
        !withdrawn.has(r.id) &&
        (ownSuite === undefined || r.analysis.params.suite === ownSuite),
    )
    .at(-1);
}

/** The approving review in force of exactly this run, if any: what makes its summary final. */
export function runApproval(state: GovernanceState, runId: string): ReviewStanding | undefined {
  return state.runs.find((r) => r.record.id === runId)?.approval;
}

function principleGovernance(
  principle: Principle,
  facts: GovernanceFacts,
  records: readonly LogRecord[],
  { withdrawn, trust }: { withdrawn: ReadonlyMap<string, unknown>; trust: TrustOf },
  context: EvidenceContext,
): PrincipleGovernance {
  const proposal = proposalOf(facts.experiment.principes?.[principle.id]);
  const made = records.filter(
    (r): r is PrincipleDecided =>
      r.type === "principle_decided" && r.principle === principle.id && !withdrawn.has(r.id),
  );
  // A principle is decided by the people who own it: a signed decision by someone holding the owning role.
  const whyNot = (r: PrincipleDecided): string | undefined => {
    const t = trust(r);
    if (!t.trusted) return t.why;
    // The roles on the decision's own date: a role given later never decided earlier.
    if (!t.person || !holdsRoleAt(t.person, principle.owner, r.at))
      return (
        (t.person && roleOutsideDates(t.person, principle.owner, r.at)) ??
        `${t.person?.naam} heeft niet de rol ${principle.owner}, die over dit uitgangspunt besluit.`
      );
    return undefined;
  };
  const decided = made.filter((r) => whyNot(r) === undefined).at(-1);
  const ignored: IgnoredDecision[] = made.flatMap((r) => {
    const why = whyNot(r);
    return why === undefined
      ? []
      : [{ seq: r.seq, at: r.at, who: r.who.name, status: r.status, signature: trust(r).signature.state, why }];
  });
  const decision: DecisionStanding | undefined = decided && {
    id: decided.id,
    seq: decided.seq,
    at: decided.at,
    who: decided.who.name,
    ...withDefined("role", decided.besloten_door),
    status: decided.status,
    toelichting: decided.toelichting,
    ...withDefined("score", decided.score),
    onCurrentVersion: decided.experiment.file_sha256 === facts.sha256,
  };
  const evidence = evidenceOf(principle.evidence.from_tool.flatMap((kind) => evidenceRegistry[kind](context)));
  const marked = decision?.status ?? proposal?.status;
  return {
    principle,
    ...withDefined("proposal", proposal),
    ...withDefined("decision", decision),
    status: decision?.status ?? "open",
    evidence,
    contradicted: marked === "voldaan" && evidence.verdict === "contradicts",
    differs: decision !== undefined && (proposal?.status ?? "open") !== decision.status,
    ignored,
  };
}

function proposalOf(value: unknown): Proposal | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const answer = value as Record<string, unknown>;
  if (typeof answer.status !== "string") return undefined;
  return {
    status: answer.status as PrincipleStatus,
    ...withDefined("toelichting", typeof answer.toelichting === "string" ? answer.toelichting : undefined),
    ...withDefined("score", typeof answer.score === "number" ? answer.score : undefined),
    ...withDefined("besloten_door", typeof answer.besloten_door === "string" ? answer.besloten_door : undefined),
    ...withDefined("datum", typeof answer.datum === "string" ? answer.datum : undefined),
  };
}
