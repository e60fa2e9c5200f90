import { z } from "zod";
import type { Question, QuestionType } from "../templates/template-schema.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Schrijf een datum als JJJJ-MM-DD.");

/** The answer shape per question type: one entry per type, checked exhaustively. */
const answerSchemaByType = {
  text: () => z.string().trim().min(1, "Vul hier tekst in."),
  long_text: () => z.string().trim().min(1, "Vul hier tekst in."),
  choice: (q) => z.enum(optionsOf(q)),
  multiple_choice: (q) => z.array(z.enum(optionsOf(q))).min(1),
  date: () => isoDate,
  yes_no: () => z.boolean(),
  list: () => z.array(z.string().trim().min(1)).min(1),
  table: (q) => z.array(z.strictObject(shapeOf(q.columns ?? []))).min(1),
} satisfies Record<QuestionType, (question: Question) => z.ZodType>;

/** The zod schema for the answer to one question, optional unless the question is required. */
export function answerSchema(question: Question): z.ZodType {
  const schema = answerSchemaByType[question.type](question);
  return question.required ? schema : schema.optional();
}

/** An object schema with one answer per question, rejecting unknown keys. */
export function sectionAnswerSchema(questions: readonly Question[]): z.ZodType {
  return z.strictObject(shapeOf(questions));
}

function shapeOf(questions: readonly Question[]): Record<string, z.ZodType> {
  return Object.fromEntries(questions.map((q) => [q.id, answerSchema(q)]));
}

function optionsOf(question: Question): [string, ...string[]] {
  const [first, ...rest] = question.options ?? [];
  if (first === undefined) throw new Error(`Question ${question.id} of type ${question.type} has no options`);
  return [first, ...rest];
}
