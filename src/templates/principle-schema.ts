import { z } from "zod";
import { semverSchema } from "./template-schema.js";

/** The format version of a principles file. */
export const PRINCIPLES_SCHEMA_VERSION = 1 as const;

export const weighings = ["Mag", "Kan", "Wenselijk"] as const;
export type Weighing = (typeof weighings)[number];

/** Evidence the tool itself can supply for a principle, as later records in the run log. */
export const toolEvidenceKinds = [
  "antwoorden",
  "bewaartermijn",
  "datakwaliteitsrun",
  "foutmarges",
  "groepsvergelijking",
  "kolomgebruik",
  "review",
  "samenvatting",
] as const;
export type ToolEvidenceKind = (typeof toolEvidenceKinds)[number];

export const seedSourceSchema = z.strictObject({
  seed: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/, "Noem een bronbestand uit seeds/, zoals 001_d791b8e08bbf1621.txt."),
  lines: z.string().regex(/^\d+(-\d+)?$/, "Schrijf regels als 412 of 412-420."),
  about: z.string().min(1),
});

export const principleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string().min(1),
  question: z.string().min(1),
  weighing: z.enum(weighings),
  owner: z.string().min(1),
  evidence: z.strictObject({
    description: z.string().min(1),
    from_tool: z.array(z.enum(toolEvidenceKinds)).default([]),
  }),
  sources: z.array(seedSourceSchema).min(1),
});
export type Principle = z.infer<typeof principleSchema>;

export const principlesFileSchema = z.strictObject({
  schema: z.literal(PRINCIPLES_SCHEMA_VERSION, { error: `Zet 'schema: ${PRINCIPLES_SCHEMA_VERSION}' bovenaan.` }),
  version: semverSchema,
  principles: z.array(principleSchema).min(1),
});
export type PrinciplesFile = z.infer<typeof principlesFileSchema>;

export const principleStatuses = ["voldaan", "niet_voldaan", "niet_van_toepassing", "open"] as const;
export type PrincipleStatus = (typeof principleStatuses)[number];
