import { z } from "zod";
import { type PrinciplesFile, principleStatuses } from "../templates/principle-schema.js";
import type { Template } from "../templates/template-schema.js";
import { sectionAnswerSchema } from "./answer-schema.js";

/** The top of every experiment file, read before its template is known. */
export const experimentHeaderSchema = z.object({
  template: z
    .string({ error: "Het veld 'template' ontbreekt." })
    .regex(/^[a-z][a-z0-9-]*@\d+\.\d+\.\d+$/, "Schrijf het sjabloon als naam@versie, zoals datakwaliteit@1.0.0."),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "Een experiment-id bestaat uit kleine letters, cijfers en -."),
});

export const principleAnswerSchema = z
  .strictObject({
    status: z.enum(principleStatuses),
    toelichting: z.string().trim().min(1).optional(),
    score: z.number().int().min(0).max(5).optional(),
    bewijs: z.array(z.string().min(1)).optional(),
    besloten_door: z.string().min(1).optional(),
    datum: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  .superRefine((answer, ctx) => {
    if (answer.status !== "open" && !answer.toelichting) {
      ctx.addIssue({
        code: "custom",
        path: ["toelichting"],
        message: `Een uitgangspunt met status '${answer.status}' heeft een toelichting nodig.`,
        params: { code: "rationale_missing", hint: "Schrijf in een paar zinnen waarom u tot dit oordeel komt." },
      });
    }
  });
export type PrincipleAnswer = z.infer<typeof principleAnswerSchema>;

/** Builds the schema an experiment must satisfy under its pinned template. */
export function experimentSchemaFor(template: Template, principles: PrinciplesFile) {
  const sections = template.sections;
  return experimentHeaderSchema
    .extend({
      titel: z.string().trim().min(1),
      userstory: sectionAnswerSchema(sections.userstory.questions),
      doel: sectionAnswerSchema(sections.doel.questions),
      data: sectionAnswerSchema(sections.data.questions),
      principes: z.strictObject(Object.fromEntries(principles.principles.map((p) => [p.id, principleAnswerSchema]))),
      evaluatie: sectionAnswerSchema(sections.evaluatie.questions),
    })
    .strict();
}

export type Experiment = z.infer<typeof experimentHeaderSchema> & {
  titel: string;
  userstory: Record<string, unknown>;
  doel: Record<string, unknown>;
  data: Record<string, unknown>;
  principes: Record<string, PrincipleAnswer>;
  evaluatie: Record<string, unknown>;
};
