import { createHash } from "node:crypto";
import { join } from "node:path";
import { LivingLabError, type Problem } from "../errors/problem.js";
import { openExperiment, validateExperiment } from "../experiments/open-experiment.js";
import { finalSummaryGateProblems } from "../gates/final-summary-gate.js";
import { type GateInput, gateInputFor, localDate } from "../gates/gate-input.js";
import { runGateProblems } from "../gates/run-gate.js";
import type { Evidence } from "../governance/evidence/evidence.js";
import type { IgnoredDecision } from "../governance/governance-state.js";
import {
  type DecisionStanding,
  governanceState,
  type PrincipleGovernance,
  type Proposal,
  type ReviewStanding,
} from "../governance/governance-state.js";
import type { ParticipationSource, RoleParticipation } from "../governance/participation.js";
import { type PrincipleStanding, principleStanding } from "../governance/principle-standing.js";
import type { CriterionResult } from "../governance/success-criteria.js";
import { loadPeople } from "../people/load-people.js";
import { RUN_LOG_FILE, readLogRecords } from "../runlog/run-log.js";
import { conditionHolds } from "../templates/condition.js";
import { type PrincipleStatus, type Weighing, weighings } from "../templates/principle-schema.js";
import { isRequired, type Question, type SectionId, sectionIds, type Template } from "../templates/template-schema.js";
import type { Workspace } from "../workspace.js";

export interface SectionState {
  id: SectionId;
  title: string;
  complete: boolean;
  /** Labels of required questions not (well) answered. */
  missing: string[];
  /** Labels of recommended questions not answered. */
  recommended: string[];
}

export interface PrincipleState {
  id: string;
  title: string;
  weighing: Weighing;
  owner: string;
  /** The status decided in the log; `open` while nobody decided, whatever the file proposes. */
  status: PrincipleStatus;
  /** How it stands in words: decided, proposed, contradicted by the tool, or open. */
  standing: PrincipleStanding;
  proposal?: Proposal;
  decision?: DecisionStanding;
  evidence: Evidence;
  score?: number;
  decidedBy?: string;
  date?: string;
  /** Decisions in the log that do not count: unsigned, badly signed, or by someone without the owning role. */
  ignored: IgnoredDecision[];
}

export type GateState = "open" | "dicht" | "bij_elke_run";

export interface GateLine {
  title: string;
  state: GateState;
  reasons: string[];
}

/** Where an experiment stands: sections, principles by weighing, open items, gates, reviews and criteria. */
export interface ExperimentStatus {
  id: string;
  titel: string;
  template: string;
  auteur: string;
  problems: Problem[];
  sections: SectionState[];
  principles: Record<Weighing, PrincipleState[]>;
  gates: GateLine[];
  /** Every review in the log, with whether it counts and why not. */
  reviews: ReviewStanding[];
  /** Success criteria stated in advance, against what the tool measured. */
  criteria: CriterionResult[];
  /** Per role that takes part in the weighing: who has spoken in a signed decision or review. */
  participation: RoleParticipation[];
  /** Whether those roles are the ones the template names, or derived for an older template version. */
  participationFrom: ParticipationSource;
}

/**
 * The status of an experiment, also while it is incomplete: sections from the file, principles
 * and gates from the one governance state (the log decides, the tool supplies evidence).
 * @example const status = await experimentStatus(openWorkspace(".."), "om-datakwaliteit");
 */
export async function experimentStatus(
  workspace: Workspace,
  idOrPath: string,
  options: { today?: string } = {},
): Promise<ExperimentStatus> {
  const today = options.today ?? localDate();
  const inspection = await validateExperiment(workspace, idOrPath);
  const { template, principles, answers, source } = inspection;
  if (!template || !principles || !source) throw new LivingLabError(inspection.problems);
  const text = (key: string) => (typeof answers[key] === "string" ? String(answers[key]) : "");
  const valid = inspection.problems.length === 0;
  const input = valid ? await gateInputFor(await openExperiment(workspace, idOrPath), { today }) : undefined;
  const governance =
    input?.governance ??
    governanceState(
      {
        id: text("id"),
        author: text("auteur"),
        sha256: createHash("sha256").update(source.text).digest("hex"),
        principles,
        template,
        experiment: Object.fromEntries(sectionIds.map((id) => [id, asRecord(answers[id])])),
        today,
        people: await loadPeople(workspace.root),
      },
      await readLogRecords(join(inspection.file, "..", RUN_LOG_FILE)),
    );
  const principleStates = governance.principles.map(principleState);
  return {
    id: text("id"),
    titel: text("titel"),
    template: text("template"),
    auteur: text("auteur"),
    problems: inspection.problems,
    sections: sectionIds.map((id) => {
      const state = sectionState(template, id, answers, inspection.problems);
      if (id !== "principes") return state;
      // An undecided principle is an open item of its section, not a mistake in the file.
      const open = principleStates
        .filter((p) => p.status === "open" || p.standing.code === "tegengesproken")
        .map((p) => `${p.title}: ${p.standing.label} (${p.weighing})`);
      return { ...state, missing: [...state.missing, ...open], complete: state.complete && open.length === 0 };
    }),
    principles: Object.fromEntries(
      weighings.map((w) => [w, principleStates.filter((p) => p.weighing === w)]),
    ) as Record<Weighing, PrincipleState[]>,
    gates: input ? gateLines(input) : invalidGateLines(inspection.problems.length),
    reviews: governance.reviews,
    criteria: governance.criteria,
    participation: governance.participation,
    participationFrom: governance.participationFrom,
  };
}

function principleState(p: PrincipleGovernance): PrincipleState {
  const score = p.decision?.score ?? p.proposal?.score;
  const decidedBy = p.decision ? (p.decision.role ?? p.decision.who) : undefined;
  return {
    id: p.principle.id,
    title: p.principle.title,
    weighing: p.principle.weighing,
    owner: p.principle.owner,
    status: p.status,
    standing: principleStanding(p),
    ...(p.proposal && { proposal: p.proposal }),
    ...(p.decision && { decision: p.decision }),
    evidence: p.evidence,
    ...(score !== undefined && { score }),
    ...(decidedBy && { decidedBy }),
    ...(p.decision && { date: p.decision.at.slice(0, 10) }),
    ignored: p.ignored,
  };
}

function gateLines(input: GateInput): GateLine[] {
  const { governance } = input;
  const real = input.declared.some((d) => d.real);
  const latest = governance.runs.find((r) => r.record.id === governance.summarized);
  const lines: GateLine[] = [
    {
      title: "Verantwoording bij elke run",
      state: "bij_elke_run",
      reasons: ["Elke run vraagt een verantwoording in woorden: waarom deze run, op deze data, nu."],
    },
    gateLine(
      "Run op de data van dit experiment",
      runGateProblems(input),
      real
        ? "Alle Mag-uitgangspunten zijn besloten en voldaan, iemand anders dan de auteur heeft deze versie goedgekeurd, en de suite leest alleen gedeclareerde kolommen."
        : "Het experiment declareert geen echte persoonsgegevens; runs op synthetische data mogen, ook nu er nog uitgangspunten open staan.",
    ),
    latest
      ? gateLine(
          `Samenvatting van de laatste run met uitkomsten (${latest.record.id.slice(0, 8)}) definitief maken`,
          finalSummaryGateProblems({ governance, run: latest.record.id }),
          `${latest.approval?.reviewer.replace(/\s*<[^>]*>/, "") ?? "Iemand anders dan de auteur"} heeft deze run goedgekeurd.`,
        )
      : {
          title: "Samenvatting definitief maken",
          state: "dicht",
          reasons: ["Er is nog geen run met uitkomsten om samen te vatten."],
        },
  ];
  if (governance.destructions.length > 0) {
    lines.push({
      title: "Vernietigde data",
      state: "bij_elke_run",
      reasons: governance.destructions.map(
        (d) =>
          `${d.files.length === 1 ? "1 bestand" : `${d.files.length} bestanden`} vernietigd op ${d.at.slice(0, 10)} (record ${d.seq}): een run op dezelfde data wordt geweigerd.`,
      ),
    });
  }
  return lines;
}

function invalidGateLines(count: number): GateLine[] {
  const why = `Het experiment is niet geldig (${count} ${count === 1 ? "probleem" : "problemen"}, zie onderaan): geen run tot dat is hersteld.`;
  return [
    {
      title: "Verantwoording bij elke run",
      state: "bij_elke_run",
      reasons: ["Elke run vraagt een verantwoording in woorden: waarom deze run, op deze data, nu."],
    },
    { title: "Run op de data van dit experiment", state: "dicht", reasons: [why] },
    { title: "Samenvatting definitief maken", state: "dicht", reasons: [why] },
  ];
}

function gateLine(title: string, problems: readonly Problem[], whyOpen: string): GateLine {
  if (problems.length === 0) return { title, state: "open", reasons: [whyOpen] };
  return { title, state: "dicht", reasons: problems.map((p) => p.message) };
}

function sectionState(
  template: Template,
  id: SectionId,
  root: Record<string, unknown>,
  problems: readonly Problem[],
): SectionState {
  const section = template.sections[id];
  const answers = asRecord(root[id]);
  const missing: string[] = [];
  const recommended: string[] = [];
  const visit = (question: Question, siblings: Record<string, unknown>, prefix: string) => {
    if (question.when && !conditionHolds(question.when, siblings, root)) return;
    const value = siblings[question.id];
    if (value === undefined && !question.optional)
      (isRequired(question) ? missing : recommended).push(`${prefix}${question.label}`);
    if (question.type === "table" && Array.isArray(value)) {
      value.forEach((row, i) => {
        for (const column of question.columns ?? []) visit(column, asRecord(row), `${question.label} rij ${i + 1}: `);
      });
    }
  };
  for (const question of section.questions) visit(question, answers, "");
  const sectionProblems = problems.filter(
    (p) =>
      p.path?.[0] === id && !["answer_missing", "conditional_answer_missing", "principle_missing"].includes(p.code),
  );
  for (const problem of sectionProblems) missing.push(problem.message);
  return { id, title: section.title, complete: missing.length === 0, missing, recommended };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
