import { z } from "zod";
import { isRequired, type Question, type QuestionType } from "../templates/template-schema.js";
import { isoDateSchema } from "../yaml/iso-date.js";

const text = () => z.string().trim().min(1, "Vul hier tekst in.");

/** The answer shape per question type: one entry per type, checked exhaustively. */
const answerSchemaByType = {
  text,
  long_text: text,
  choice: (q) => z.enum(optionsOf(q)),
  multiple_choice: (q) => z.array(z.enum(optionsOf(q))).min(1),
  date: () => isoDateSchema,
  yes_no: () => z.boolean(),
  list: () => z.array(text()).min(1),
  table: (q) => z.array(z.strictObject(shapeOf(q.columns ?? []))).min(1),
  number: (q) => {
    const number = z.number({ error: "Vul hier een getal in." });
    const low = q.min === undefined ? number : number.min(q.min, `Het getal is kleiner dan ${q.min}.`);
    return q.max === undefined ? low : low.max(q.max, `Het getal is groter dan ${q.max}.`);
  },
} satisfies Record<QuestionType, (question: Question) => z.ZodType>;

/**
 * The zod schema for the answer to one question. Required unless the question is
 * recommended or has a condition; conditions are checked after the shape (see answer-conditions).
 */
export function answerSchema(question: Question): z.ZodType {
  const schema = answerSchemaByType[question.type](question);
  return isRequired(question) && !question.when ? schema : schema.optional();
}

/** An object schema with one answer per question, rejecting unknown keys. */
export function sectionAnswerSchema(questions: readonly Question[]) {
  return z.strictObject(shapeOf(questions));
}

function shapeOf(questions: readonly Question[]): Record<string, z.ZodType> {
  return Object.fromEntries(questions.map((q) => [q.id, answerSchema(q)]));
}

function optionsOf(question: Question): [string, ...string[]] {
  const [first, ...rest] = question.options ?? [];
  // A template without options for a choice question does not pass validateTemplateFile.
  if (first === undefined) throw new Error(`Question ${question.id} of type ${question.type} has no options`);
  return [first, ...rest];
}
