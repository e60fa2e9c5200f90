import { LivingLabError, type Problem } from "../errors/problem.js";
import { answersForInstrument } from "../experiments/instrument-answers.js";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import {
  type AlgoritmeregisterField,
  type AlgoritmeregisterRecord,
  algoritmeregisterFields,
  algoritmeregisterRecordSchema,
  algoritmeregisterStatuses,
  fieldName,
  publicationCategories,
} from "./algoritmeregister-schema.js";

/** Fields whose value is one of the standard's own words: a template's option maps onto it. */
const choiceFields: Partial<Record<AlgoritmeregisterField, readonly string[]>> = {
  status: algoritmeregisterStatuses,
  publication_category: publicationCategories,
};

const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/[-_\s]+/g, " ")
    .trim();

/**
 * The experiment's answers as one record of the Algoritmeregister publication standard: every
 * field the standard names (null where nothing is answered), checked against the standard's
 * schema. A required field left empty, a text too long or an address that is not one is a
 * problem naming the field and the question to answer; nothing is cut short or made up.
 * @example const record = algoritmeregisterRecord(await openExperiment(lab, "om-termijnrisico"));
 */
export function algoritmeregisterRecord(opened: OpenedExperiment): AlgoritmeregisterRecord {
  const draft: Record<string, unknown> = Object.fromEntries(algoritmeregisterFields.map((f) => [f, null]));
  draft.lang = "nld";
  draft.standard_version = "1.0.0";
  const questionOf = new Map<string, string>();
  for (const answer of answersForInstrument(opened, "algoritmeregister")) {
    const field = answer.reference as AlgoritmeregisterField;
    questionOf.set(field, answer.question);
    const value = valueFor(field, answer.answer);
    if (value === undefined) continue;
    const earlier = draft[field];
    // Two questions may feed one text field: both answers count, one paragraph each.
    draft[field] = typeof earlier === "string" && typeof value === "string" ? `${earlier}\n\n${value}` : value;
  }
  const parsed = algoritmeregisterRecordSchema.safeParse(draft);
  if (parsed.success) return parsed.data;
  const problems: Problem[] = parsed.error.issues.map((issue) => {
    const field = String(issue.path[0]) as AlgoritmeregisterField;
    const question = questionOf.get(field);
    const empty = draft[field] === null || draft[field] === undefined;
    return {
      code: empty ? "algoritmeregister_field_missing" : "algoritmeregister_field_invalid",
      message: empty
        ? `Het Algoritmeregister vraagt het veld '${fieldName(field)}', en dat is niet ingevuld.`
        : `Het veld '${fieldName(field)}' voldoet niet aan de publicatiestandaard: ${dutchIssue(issue)}.`,
      hint: question
        ? `Beantwoord de vraag ${question} in ${opened.file}.`
        : `Geen vraag van sjabloon ${opened.experiment.template} vult dit veld; zet het experiment met 'livinglab upgrade' op een nieuwere versie van het sjabloon.`,
      file: opened.file,
      ...(question && { path: question.split(".") }),
    };
  });
  throw new LivingLabError(problems);
}

function valueFor(field: AlgoritmeregisterField, answer: unknown): unknown {
  const words = choiceFields[field];
  if (words) return words.find((w) => normal(w) === normal(String(answer))) ?? String(answer);
  if (field === "category") return (Array.isArray(answer) ? answer : [answer]).map(String);
  if (Array.isArray(answer)) return answer.map(String).join("; ");
  if (typeof answer === "boolean") return answer ? "Ja" : "Nee";
  return answer === null ? undefined : String(answer);
}

function dutchIssue(issue: { code: string; maximum?: unknown; message: string }): string {
  if (issue.code === "too_big") return `hoogstens ${Number(issue.maximum)} tekens`;
  if (issue.code === "invalid_value") return "kies een van de waarden die de standaard noemt";
  if (issue.code === "invalid_union") return "een geldig e-mailadres of een URL die begint met https://";
  return issue.message;
}
