import { z } from "zod";

export const questionTypes = [
  "text",
  "long_text",
  "choice",
  "multiple_choice",
  "date",
  "yes_no",
  "list",
  "table",
] as const;
export type QuestionType = (typeof questionTypes)[number];

export const sectionIds = ["userstory", "doel", "data", "principes", "evaluatie"] as const;
export type SectionId = (typeof sectionIds)[number];

const baseQuestionSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, "Een vraag-id bestaat uit kleine letters, cijfers en _."),
  type: z.enum(questionTypes),
  label: z.string().min(1),
  help: z.string().min(1),
  required: z.boolean().default(false),
  options: z.array(z.string().min(1)).optional(),
});

export const questionSchema = baseQuestionSchema.extend({
  columns: z.array(baseQuestionSchema).optional(),
});
export type Question = z.infer<typeof questionSchema>;

export const sectionSchema = z.strictObject({
  title: z.string().min(1),
  questions: z.array(questionSchema),
});

export const templateSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "Gebruik een semantische versie, zoals 1.0.0."),
  title: z.string().min(1),
  purpose: z.string().min(1),
  sections: z.strictObject({
    userstory: sectionSchema,
    doel: sectionSchema,
    data: sectionSchema,
    principes: sectionSchema.extend({ questions: z.array(questionSchema).default([]) }),
    evaluatie: sectionSchema,
  }),
});
export type Template = z.infer<typeof templateSchema>;
