import { join } from "node:path";
import { LivingLabError, type Problem } from "../errors/problem.js";
import type { Experiment } from "../experiments/experiment-schema.js";
import { validateExperiment } from "../experiments/open-experiment.js";
import { finalSummaryGateProblems } from "../gates/final-summary-gate.js";
import { realPersonalDatasets } from "../gates/personal-data.js";
import { readReviews } from "../gates/read-reviews.js";
import type { Review } from "../gates/review.js";
import { runGateProblems } from "../gates/run-gate.js";
import { RUN_LOG_FILE } from "../runlog/run-log.js";
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
  status: PrincipleStatus;
  score?: number;
  decidedBy?: string;
  date?: string;
}

export type GateState = "open" | "dicht" | "bij_elke_run";

export interface GateLine {
  title: string;
  state: GateState;
  reasons: string[];
}

/** Where an experiment stands: sections, principles by weighing, open items and gates. */
export interface ExperimentStatus {
  id: string;
  titel: string;
  template: string;
  auteur: string;
  problems: Problem[];
  sections: SectionState[];
  principles: Record<Weighing, PrincipleState[]>;
  gates: GateLine[];
}

/**
 * The status of an experiment, also while it is incomplete. Reviews default to those in its run log.
 * @example const status = await experimentStatus(openWorkspace(".."), "om-datakwaliteit");
 */
export async function experimentStatus(
  workspace: Workspace,
  idOrPath: string,
  options: { reviews?: readonly Review[] } = {},
): Promise<ExperimentStatus> {
  const inspection = await validateExperiment(workspace, idOrPath);
  const { template, principles, answers, source } = inspection;
  if (!template || !principles || !source) throw new LivingLabError(inspection.problems);
  const text = (key: string) => (typeof answers[key] === "string" ? String(answers[key]) : "");
  const reviews = options.reviews ?? (await readReviews(join(inspection.file, "..", RUN_LOG_FILE)));
  const given = asRecord(answers.principes);
  const principleStates = principles.principles.map((p): PrincipleState => {
    const answer = asRecord(given[p.id]);
    const status = (typeof answer.status === "string" ? answer.status : "open") as PrincipleStatus;
    return {
      id: p.id,
      title: p.title,
      weighing: p.weighing,
      owner: p.owner,
      status,
      ...(typeof answer.score === "number" ? { score: answer.score } : {}),
      ...(typeof answer.besloten_door === "string" ? { decidedBy: answer.besloten_door } : {}),
      ...(typeof answer.datum === "string" ? { date: answer.datum } : {}),
    };
  });
  const loose = answers as unknown as Pick<Experiment, "data" | "principes">;
  const gateInput = {
    experiment: { data: asRecord(loose.data), principes: asRecord(loose.principes) } as Pick<
      Experiment,
      "data" | "principes"
    >,
    principles,
    author: text("auteur"),
    reviews,
  };
  return {
    id: text("id"),
    titel: text("titel"),
    template: text("template"),
    auteur: text("auteur"),
    problems: inspection.problems,
    sections: sectionIds.map((id) => {
      const state = sectionState(template, id, answers, inspection.problems);
      if (id !== "principes") return state;
      // An open principle is an open item of its section, not a mistake in the file.
      const open = principleStates
        .filter((p) => p.status === "open")
        .map((p) => `${p.title}: nog open (${p.weighing})`);
      return { ...state, missing: [...state.missing, ...open], complete: state.complete && open.length === 0 };
    }),
    principles: Object.fromEntries(
      weighings.map((w) => [w, principleStates.filter((p) => p.weighing === w)]),
    ) as Record<Weighing, PrincipleState[]>,
    gates: [
      {
        title: "Verantwoording bij elke run",
        state: "bij_elke_run",
        reasons: ["Elke run vraagt een verantwoording in woorden: waarom deze run, op deze data, nu."],
      },
      gateLine(
        "Run op echte persoonsgegevens",
        runGateProblems(gateInput),
        realPersonalDatasets(gateInput.experiment).length === 0
          ? "Het experiment declareert geen echte persoonsgegevens; runs op synthetische data mogen."
          : "Alle Mag-uitgangspunten zijn besloten en iemand anders dan de auteur heeft gereviewd.",
      ),
      gateLine(
        "Samenvatting definitief maken",
        finalSummaryGateProblems(gateInput),
        "Iemand anders dan de auteur heeft het experiment gereviewd.",
      ),
    ],
  };
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
    if (value === undefined) (isRequired(question) ? missing : recommended).push(`${prefix}${question.label}`);
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
