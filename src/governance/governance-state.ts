import { declaredDatasets } from "../experiments/declared-data.js";
import type { PlannedReads } from "../gates/planned-reads.js";
import type { DataDestroyed, PrincipleDecided, ReviewGiven, SummaryPublished } from "../runlog/governance-schema.js";
import type { LogRecord } from "../runlog/log-record-schema.js";
import { samePerson } from "../runlog/reviews.js";
import type { RunRecord, RunStartedRecord, StatedInAdvance } from "../runlog/run-record-schema.js";
import type { Principle, PrincipleStatus, PrinciplesFile } from "../templates/principle-schema.js";
import type { SectionId, Template } from "../templates/template-schema.js";
import { trustOf } from "./event-trust.js";
import { dateText, type Evidence, type EvidenceContext, evidenceOf } from "./evidence/evidence.js";
import { evidenceRegistry } from "./evidence/evidence-registry.js";
import { type Margin, statedMargins } from "./margins.js";
import { statedInAdvance } from "./stated-in-advance.js";
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
}

/** A review and whether it counts, and if not, why. */
export interface ReviewStanding {
  id: string;
  seq: number;
  at: string;
  reviewer: string;
  role?: string;
  verdict: ReviewGiven["verdict"];
  note: string;
  /** The run it judged; undefined for a review of the plan. */
  run?: string;
  experimentSha256: string;
  inForce: boolean;
  /** Why it does not count, in Dutch; set when it is not in force. */
  void?: string;
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
   * The run a summary shows: the latest finished run with check results (a suite run), not
   * withdrawn. Its approval is what makes the summary final; `publish` and `review` default to it.
   */
  summarized?: string;
  destructions: Array<{ seq: number; at: string; who: string; reason: string; files: DataDestroyed["files"] }>;
  /** SHA-256 of every file logged as destroyed, and the content fingerprints runs recorded for them. */
  destroyedFiles: ReadonlySet<string>;
  destroyedContents: ReadonlySet<string>;
  publications: Array<{ seq: number; at: string; who: string; to: string; file: string; run?: string }>;
  /** The margins stated in advance, and the success criteria against the latest runs. */
  margins: Margin[];
  criteria: CriterionResult[];
  stated?: StatedInAdvance;
  today: string;
}

/**
 * Where an experiment's governance stands, from its log (decisions, reviews, publications,
 * destructions, corrections, runs) and the experiment file (the author's proposal). The gates,
 * `status` and the site all read this one state.
 * @example const state = governanceState(facts, await readLogRecords(runLogPath(om.dir)));
 */
export function governanceState(facts: GovernanceFacts, records: readonly LogRecord[]): GovernanceState {
  const withdrawn = withdrawnRecords(records);
  const counts = (r: LogRecord) => !withdrawn.has(r.id) && trustOf(r).trusted;
  const finished = records.filter((r): r is RunRecord => r.type === "run");
  const runs = finished.filter((r) => !withdrawn.has(r.id));
  const reviews = reviewStandings(facts, records, withdrawn);
  const latestApproval = (run?: string) =>
    reviews.filter((r) => r.inForce && r.verdict === "goedgekeurd" && (run === undefined || r.run === run)).at(-1);
  const destroyed = records.filter((r): r is DataDestroyed => r.type === "data_destroyed");
  const destroyedFiles = new Set(destroyed.flatMap((d) => d.files.map((f) => f.sha256)));
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
    principles: facts.principles.principles.map((p) => principleGovernance(p, facts, records, counts, context)),
    reviews,
    ...withDefined("approval", latestApproval()),
    ...withDefined("summarized", summarizedRun(records)?.id),
    runs: finished.map((record) => ({
      record,
      ...withDefined("withdrawnBy", withdrawn.get(record.id)?.seq),
      ...withDefined("approval", latestApproval(record.id)),
    })),
    destructions: destroyed.map((d) => ({ seq: d.seq, at: d.at, who: d.who.name, reason: d.reden, files: d.files })),
    destroyedFiles,
    destroyedContents: new Set(
      finished
        .flatMap((r) => (r.data ?? []).filter((d) => d.file && destroyedFiles.has(d.file.sha256)))
        .map((d) => d.content_sha256),
    ),
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
  };
}

/** The latest finished run with check results that no correction withdrew: the run a summary shows. */
export function summarizedRun(records: readonly LogRecord[]): RunRecord | undefined {
  const withdrawn = withdrawnRecords(records);
  return records
    .filter((r): r is RunRecord => r.type === "run" && r.checks !== undefined && !withdrawn.has(r.id))
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
  counts: (r: LogRecord) => boolean,
  context: EvidenceContext,
): PrincipleGovernance {
  const proposal = proposalOf(facts.experiment.principes?.[principle.id]);
  const decided = records
    .filter((r): r is PrincipleDecided => r.type === "principle_decided" && r.principle === principle.id && counts(r))
    .at(-1);
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
  };
}

function reviewStandings(
  facts: GovernanceFacts,
  records: readonly LogRecord[],
  withdrawn: ReturnType<typeof withdrawnRecords>,
): ReviewStanding[] {
  const given = records.filter((r): r is ReviewGiven => r.type === "review_given");
  const runs = new Map(records.flatMap((r) => (r.type === "run" ? [[r.id, r] as const] : [])));
  return given.map((review) => {
    const why = voidReason(review, { facts, given, runs, withdrawn });
    return {
      id: review.id,
      seq: review.seq,
      at: review.at,
      reviewer: review.who.name,
      ...withDefined("role", review.role),
      verdict: review.verdict,
      note: review.toelichting,
      ...(review.run !== null && { run: review.run }),
      experimentSha256: review.experiment.file_sha256,
      inForce: why === undefined,
      ...withDefined("void", why),
    };
  });
}

interface ReviewContext {
  facts: GovernanceFacts;
  given: readonly ReviewGiven[];
  runs: ReadonlyMap<string, RunRecord>;
  withdrawn: ReturnType<typeof withdrawnRecords>;
}

/** Why a review does not count, or undefined when it does. A rejection only stops counting when withdrawn. */
function voidReason(review: ReviewGiven, { facts, given, runs, withdrawn }: ReviewContext): string | undefined {
  const trust = trustOf(review);
  if (!trust.trusted) return trust.why ?? "De herkomst van deze review is niet vast te stellen.";
  const correction = withdrawn.get(review.id);
  if (correction) return `Ingetrokken met een correctie (record ${correction.seq}).`;
  if (review.verdict !== "goedgekeurd") return undefined;
  const rejection = given.find(
    (r) => r.seq > review.seq && r.verdict === "afgekeurd" && !withdrawn.has(r.id) && trustOf(r).trusted,
  );
  if (rejection) {
    return `Herroepen door de afkeuring van ${rejection.who.name.replace(/\s*<[^>]*>/, "")} op ${dateText(rejection.at)} (record ${rejection.seq}).`;
  }
  if (review.run !== null) {
    const run = runs.get(review.run);
    const runCorrection = withdrawn.get(review.run);
    if (runCorrection) return `De beoordeelde run is gecorrigeerd (record ${runCorrection.seq}).`;
    if (run && review.run_hash !== undefined && review.run_hash !== run.hash)
      return "De beoordeelde run is niet meer dezelfde.";
  }
  const makers = [facts.author, review.author].filter((name): name is string => typeof name === "string");
  if (makers.some((name) => samePerson(review.who.name, name))) return "Door de auteur of de maker zelf.";
  if (review.experiment.file_sha256 !== facts.sha256) return "Gold een eerdere versie van het experiment.";
  return undefined;
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

/** `{ key: value }` when the value is defined, else nothing: for optional fields under exactOptionalPropertyTypes. */
function withDefined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
