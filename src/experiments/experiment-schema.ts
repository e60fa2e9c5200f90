import { z } from "zod";
import { type Principle, type PrinciplesFile, principleStatuses } from "../templates/principle-schema.js";
import type { Template } from "../templates/template-schema.js";
import { isoDateSchema } from "../yaml/iso-date.js";
import { sectionAnswerSchema } from "./answer-schema.js";

/**
 * The top of every experiment file, read before its template is known. `auteur` is the
 * person who made the experiment and answers for it; the gates need a review by someone else.
 */
export const experimentHeaderSchema = z.object({
  template: z
    .string({ error: "Het veld 'template' ontbreekt." })
    .regex(/^[a-z][a-z0-9-]*@\d+\.\d+\.\d+$/, "Schrijf het sjabloon als naam@versie, zoals datakwaliteit@1.1.0."),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "Een experiment-id bestaat uit kleine letters, cijfers en -."),
  auteur: z.string().trim().min(1, "Vul de naam van de auteur in."),
});

const decidedStatuses = new Set(["voldaan", "niet_voldaan", "niet_van_toepassing"]);

/** The answer to one principle; `needsScore` when the template asks a 0-5 score for it. */
export function principleAnswerSchema(principle: Pick<Principle, "id" | "title">, needsScore = false) {
  return z
    .strictObject({
      status: z.enum(principleStatuses),
      toelichting: z.string().trim().min(1).optional(),
      score: z.number().int().min(0).max(5).optional(),
      bewijs: z.array(z.string().trim().min(1)).optional(),
      besloten_door: z.string().trim().min(1).optional(),
      datum: isoDateSchema.optional(),
    })
    .superRefine((answer, ctx) => {
      if (!decidedStatuses.has(answer.status)) return;
      const need = (field: string, code: string, message: string, hint: string) =>
        ctx.addIssue({ code: "custom", path: [field], message, params: { code, hint } });
      const status = `'${answer.status}'`;
      if (!answer.toelichting) {
        need(
          "toelichting",
          "rationale_missing",
          `'${principle.title}' heeft status ${status} maar geen toelichting.`,
          "Schrijf in een paar zinnen waarom u tot dit oordeel komt.",
        );
      }
      if (!answer.besloten_door) {
        need(
          "besloten_door",
          "decider_missing",
          `Bij '${principle.title}' staat niet wie besloot.`,
          "Noem de rol (en naam) van wie dit besloot, zoals 'jurist (J. de Vries)'.",
        );
      }
      if (!answer.datum) {
        need(
          "datum",
          "decision_date_missing",
          `Bij '${principle.title}' staat niet wanneer is besloten.`,
          "Zet de datum van het besluit als JJJJ-MM-DD.",
        );
      }
      if (needsScore && answer.status !== "niet_van_toepassing" && answer.score === undefined) {
        need(
          "score",
          "score_missing",
          `Dit sjabloon vraagt een score 0-5 voor '${principle.title}'.`,
          "Geef een heel getal van 0 (slecht) tot 5 (volledig).",
        );
      }
    });
}
export type PrincipleAnswer = z.infer<ReturnType<typeof principleAnswerSchema>>;

/** Builds the schema an experiment must satisfy under its pinned template. */
export function experimentSchemaFor(template: Template, principles: PrinciplesFile) {
  const section = (id: keyof Template["sections"]) => sectionAnswerSchema(template.sections[id].questions).prefault({});
  const answers = principles.principles.map((p) => [
    p.id,
    principleAnswerSchema(p, template.principles.scores.includes(p.id)),
  ]);
  return experimentHeaderSchema
    .extend({
      titel: z.string().trim().min(1, "Geef het experiment een titel."),
      userstory: section("userstory"),
      doel: section("doel"),
      data: section("data"),
      principes: z.strictObject(Object.fromEntries(answers)).prefault({}),
      evaluatie: section("evaluatie"),
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
