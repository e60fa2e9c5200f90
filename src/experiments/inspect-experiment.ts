import { basename, dirname } from "node:path";
import { isLivingLabError, type Problem } from "../errors/problem.js";
import { loadPrinciples } from "../templates/load-principles.js";
import { loadTemplate } from "../templates/load-template.js";
import type { PrinciplesFile } from "../templates/principle-schema.js";
import { parseTemplateRef } from "../templates/template-catalog.js";
import type { Template } from "../templates/template-schema.js";
import type { Workspace } from "../workspace.js";
import { problemsFromZod } from "../yaml/problems-from-zod.js";
import { readYamlSource, type YamlSource } from "../yaml/yaml-source.js";
import { conditionProblems } from "./answer-conditions.js";
import { type Experiment, experimentHeaderSchema, experimentSchemaFor } from "./experiment-schema.js";
import { locationAnswerProblems } from "./location-answers.js";
import { nameMissingAnswers } from "./name-missing-answers.js";

/** What validating an experiment file found: every problem, and as much as could be read. */
export interface ExperimentInspection {
  file: string;
  source?: YamlSource;
  /** The answers as written, with empty (null) answers left out. */
  answers: Record<string, unknown>;
  template?: Template;
  principles?: PrinciplesFile;
  /** Set only when there are no problems. */
  experiment?: Experiment;
  problems: Problem[];
}

/** Reads an experiment file and checks it against its pinned template, collecting every problem. */
export async function inspectExperimentFile(workspace: Workspace, file: string): Promise<ExperimentInspection> {
  let source: YamlSource;
  try {
    source = await readYamlSource(file);
  } catch (error) {
    if (isLivingLabError(error)) return { file, answers: {}, problems: [...error.problems] };
    throw error;
  }
  const answers = asRecord(withoutNulls(source.value));
  const header = experimentHeaderSchema.safeParse(answers);
  const headerProblems = header.success ? [] : problemsFromZod(header.error, source, experimentHeaderSchema);
  const templateField = typeof answers.template === "string" ? parseTemplateRef(answers.template) : undefined;
  if (!templateField) return { file, source, answers, problems: headerProblems };

  let template: Template;
  let principles: PrinciplesFile;
  try {
    template = await loadTemplate(workspace.templatesDir, templateField);
    principles = await loadPrinciples(workspace.templatesDir, template.principles.checklist);
  } catch (error) {
    if (!isLivingLabError(error)) throw error;
    // A missing template or version is a mistake in the experiment file: point at its line.
    const here = { path: ["template"], ...source.locate(["template"]) };
    const moved = error.problems.map((p) =>
      p.file
        ? {
            ...p,
            code: "template_invalid",
            message: `Het sjabloon ${answers.template} is niet geldig: ${p.message}`,
            ...here,
          }
        : { ...p, ...here },
    );
    return { file, source, answers, problems: [...headerProblems, ...moved] };
  }
  const schema = experimentSchemaFor(template, principles);
  const parsed = schema.safeParse(answers);
  const problems = [
    ...(parsed.success ? [] : nameMissingAnswers(problemsFromZod(parsed.error, source, schema), template, principles)),
    ...conditionProblems(template, answers, source),
    ...locationAnswerProblems(workspace.root, answers, source),
  ];
  if (typeof answers.id === "string" && answers.id !== basename(dirname(file))) {
    problems.push({
      code: "experiment_id_mismatch",
      message: `Het id '${answers.id}' past niet bij de map ${basename(dirname(file))}/.`,
      hint: "Het id van een experiment is de naam van zijn map onder experiments/.",
      path: ["id"],
      ...source.locate(["id"]),
    });
  }
  const base = { file, source, answers, template, principles, problems: sortByPlace(problems) };
  return problems.length === 0 && parsed.success ? { ...base, experiment: parsed.data as Experiment } : base;
}

/** Empty answers (`key:` with nothing after it) count as not answered. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function sortByPlace(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
