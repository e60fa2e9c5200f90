import type { Problem, SourceLocation } from "../errors/problem.js";
import { closestWord } from "../yaml/closest-word.js";
import { type Question, type QuestionType, sectionIds, type Template, type TemplateFile } from "./template-schema.js";

type Path = Array<string | number>;
type Locate = (path: Path) => SourceLocation;

/** Which question types carry options or columns: one entry per type, checked exhaustively. */
const shapeByType = {
  text: { options: false, columns: false },
  long_text: { options: false, columns: false },
  choice: { options: true, columns: false },
  multiple_choice: { options: true, columns: false },
  date: { options: false, columns: false },
  yes_no: { options: false, columns: false },
  list: { options: false, columns: false },
  table: { options: false, columns: true },
  number: { options: false, columns: false },
} satisfies Record<QuestionType, { options: boolean; columns: boolean }>;

/**
 * The checks zod cannot do alone: options and columns fit the type, ids are unique,
 * and every condition names a question that exists. Only the file's own questions are
 * checked; inherited ones were checked in their own file.
 */
export function checkTemplate(file: TemplateFile, resolved: Template, locate: Locate): Problem[] {
  const problems: Problem[] = [];
  const report = (path: Path, code: string, message: string, hint: string) =>
    problems.push({ code, message, hint, path, ...locate(path) });
  for (const sectionId of sectionIds) {
    const own = file.sections[sectionId]?.questions ?? [];
    const scope = resolved.sections[sectionId].questions;
    checkQuestions(own, scope, ["sections", sectionId, "questions"], resolved, report);
  }
  return problems;
}

type Report = (path: Path, code: string, message: string, hint: string) => void;

function checkQuestions(
  own: readonly Question[],
  scope: readonly Question[],
  path: Path,
  template: Template,
  report: Report,
) {
  const seen = new Set<string>();
  own.forEach((question, index) => {
    const here = [...path, index];
    if (seen.has(question.id)) {
      report(
        [...here, "id"],
        "duplicate_question",
        `Het vraag-id '${question.id}' komt twee keer voor.`,
        "Geef elke vraag in een sectie een eigen id.",
      );
    }
    seen.add(question.id);
    const resolved = scope.find((q) => q.id === question.id) ?? question;
    checkShape(resolved, here, report);
    if (question.when) checkConditionTarget(question, scope, here, template, report);
    const columns = question.columns ?? [];
    if (columns.length > 0)
      checkQuestions(columns, resolved.columns ?? columns, [...here, "columns"], template, report);
  });
}

function checkShape(question: Question, path: Path, report: Report) {
  const shape = shapeByType[question.type];
  if (shape.options && !question.options) {
    report(
      [...path, "options"],
      "options_missing",
      `De vraag '${question.id}' van type '${question.type}' heeft geen keuzes.`,
      "Zet de keuzes onder 'options', bijvoorbeeld options: [ja, nee].",
    );
  }
  if (!shape.options && question.options) {
    report(
      [...path, "options"],
      "options_unexpected",
      `Een vraag van type '${question.type}' heeft geen keuzes.`,
      "Gebruik type 'choice' of 'multiple_choice', of haal 'options' weg.",
    );
  }
  if (shape.columns && !question.columns) {
    report(
      [...path, "columns"],
      "columns_missing",
      `De tabel '${question.id}' heeft geen kolommen.`,
      "Zet de kolommen onder 'columns', elk als een vraag met id, type, label en help.",
    );
  }
  if (question.type !== "number" && (question.min !== undefined || question.max !== undefined)) {
    report(
      [...path, question.min !== undefined ? "min" : "max"],
      "bounds_unexpected",
      `Alleen een vraag van type 'number' heeft een kleinste en grootste waarde; '${question.id}' is van type '${question.type}'.`,
      "Gebruik type 'number', of haal 'min' en 'max' weg.",
    );
  }
  if (!shape.columns && question.columns) {
    report(
      [...path, "columns"],
      "columns_unexpected",
      `Een vraag van type '${question.type}' heeft geen kolommen.`,
      "Gebruik type 'table', of haal 'columns' weg.",
    );
  }
}

function checkConditionTarget(
  question: Question,
  scope: readonly Question[],
  path: Path,
  template: Template,
  report: Report,
) {
  const target = question.when?.question ?? "";
  const [sectionId, id] = target.includes(".") ? target.split(".") : [undefined, target];
  const candidates =
    sectionId === undefined
      ? scope.filter((q) => q.id !== question.id).map((q) => q.id)
      : (template.sections[sectionId as keyof Template["sections"]]?.questions ?? []).map(
          (q) => `${sectionId}.${q.id}`,
        );
  if (id === question.id && sectionId === undefined) {
    report(
      [...path, "when", "question"],
      "condition_self",
      `De vraag '${question.id}' hangt van zichzelf af.`,
      "Laat de voorwaarde naar een andere vraag verwijzen.",
    );
    return;
  }
  if (!candidates.includes(target)) {
    const suggestion = closestWord(target, candidates);
    report(
      [...path, "when", "question"],
      "condition_unknown_question",
      `De voorwaarde verwijst naar de onbekende vraag '${target}'.`,
      suggestion ? `Bedoelt u '${suggestion}'?` : `Vragen die hier kunnen: ${candidates.join(", ") || "geen"}.`,
    );
  }
}
