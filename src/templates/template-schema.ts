import { z } from "zod";
import { type LabRole, labRoleSchema } from "../people/lab-roles.js";
import { conditionSchema } from "./condition.js";
import { instrumentsSchema } from "./instrument-registry.js";

/** The format version of a template file; bump it only when old files can no longer be read. */
export const TEMPLATE_SCHEMA_VERSION = 1 as const;

export const questionTypes = [
  "text",
  "long_text",
  "choice",
  "multiple_choice",
  "date",
  "yes_no",
  "list",
  "table",
  "number",
] as const;
export type QuestionType = (typeof questionTypes)[number];

export const sectionIds = ["userstory", "doel", "data", "principes", "evaluatie"] as const;
export type SectionId = (typeof sectionIds)[number];

export const semverSchema = z.string().regex(/^\d+\.\d+\.\d+$/, "Gebruik een semantische versie, zoals 1.0.0.");
export const templateRefSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*@\d+\.\d+\.\d+$/, "Schrijf een sjabloon als naam@versie, zoals basis@1.0.0.");

const questionFields = {
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, "Een vraag-id bestaat uit kleine letters, cijfers en _."),
  type: z.enum(questionTypes),
  label: z.string().min(1),
  help: z.string().min(1),
  label_en: z.string().min(1).optional(),
  help_en: z.string().min(1).optional(),
  /** Required answers block validation; the rest are recommended and show as open items. */
  required: z.boolean().optional(),
  /** Neither required nor recommended: answered only where it applies, so never an open item. */
  optional: z.literal(true).optional(),
  options: z.array(z.string().min(1)).min(1).optional(),
  when: conditionSchema.optional(),
  instruments: instrumentsSchema.optional(),
  /** For a number: the smallest and largest answer allowed. */
  min: z.number().optional(),
  max: z.number().optional(),
  /**
   * The answer is stated before the first run (an error margin, a success criterion): the
   * tool records it with every run and shows a change after the first run as such.
   */
  stated_before_first_run: z.boolean().optional(),
};

/** A column of a table question: a question of its own, answered once per row. */
export const columnSchema = z.strictObject(questionFields);

export const questionSchema = z.strictObject({ ...questionFields, columns: z.array(columnSchema).min(1).optional() });
export type Question = z.infer<typeof questionSchema>;

const sectionFileSchema = z.strictObject({
  title: z.string().min(1).optional(),
  questions: z.array(questionSchema).default([]),
});

const principesSectionFileSchema = sectionFileSchema.extend({
  /** The version of the principles checklist (templates/principes/<version>.yaml) answered here. */
  checklist: semverSchema.optional(),
  /** Principle ids whose answer needs a score 0-5. */
  scores: z.array(z.string().min(1)).optional(),
  /**
   * Who must take part in weighing the principles (seed 002, appendix B): the roles whose signed
   * decision or review `status` waits for. A template that extends another adds to its roles.
   */
  weging: z
    .strictObject({
      rollen: z.array(labRoleSchema).min(1, "Noem minstens één rol die meeweegt."),
    })
    .optional(),
});

/** A template file as written. With `extends`, every section is optional and adds or tightens. */
export const templateFileSchema = z.strictObject({
  schema: z.literal(TEMPLATE_SCHEMA_VERSION, { error: `Zet 'schema: ${TEMPLATE_SCHEMA_VERSION}' bovenaan.` }),
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, "Een sjabloon-id bestaat uit kleine letters, cijfers en -."),
  version: semverSchema,
  title: z.string().min(1),
  purpose: z.string().min(1),
  extends: templateRefSchema.optional(),
  sections: z.strictObject({
    userstory: sectionFileSchema.optional(),
    doel: sectionFileSchema.optional(),
    data: sectionFileSchema.optional(),
    principes: principesSectionFileSchema.optional(),
    evaluatie: sectionFileSchema.optional(),
  }),
});
export type TemplateFile = z.infer<typeof templateFileSchema>;

export interface ResolvedSection {
  title: string;
  questions: Question[];
}

/** A template with its `extends` chain applied: what an experiment answers. */
export interface Template {
  id: string;
  version: string;
  title: string;
  purpose: string;
  extends?: string;
  /** `name@version` of this template and every ancestor, nearest first. */
  lineage: string[];
  sections: Record<SectionId, ResolvedSection>;
  principles: {
    checklist: string;
    scores: string[];
    /** The roles that must take part in the weighing; absent when no version in the lineage names them. */
    weighingRoles?: LabRole[];
  };
}

/** Whether a question must be answered (when its condition holds). */
export function isRequired(question: Pick<Question, "required">): boolean {
  return question.required === true;
}
