import { z } from "zod";

/**
 * The Algoritmeregister publication standard (Algoritmeregister Publicatiestandaard), version
 * 1.0.10 of 29 November 2024 (MinBZK/Algoritmeregister-Publicatiestandaard, ch02.md
 * "Informatievelden", commit d20a0fe), whose records say `standard_version` "1.0.0". Every
 * field it names, in its order; "Verplicht" fields are required, "Tekst (<N tekens)" is read
 * as fewer than N characters, "Geldige URL" as an https address, "yyyy-mm" as a year and month.
 * The keys are the names the register's own records use; each field's Dutch name is beside it.
 */
export const ALGORITMEREGISTER_STANDARD = "1.0.10";

const text = (fewerThan: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(fewerThan - 1);
const url = z.string().regex(/^https:\/\/\S+$/, "een geldige URL die begint met https://");
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "jaar en maand, zoals 2026-01");
const optional = <T extends z.ZodType>(schema: T) => schema.nullable();

export const algoritmeregisterStatuses = ["In ontwikkeling", "In gebruik", "Buiten gebruik"] as const;
export const publicationCategories = [
  "Hoog-risico AI-systemen",
  "Impactvolle algoritmes",
  "Overige algoritmes",
] as const;

/** The fields of the standard with their Dutch names, each with the schema the standard sets. */
export const algoritmeregisterFieldsShape = {
  // Algemene informatie
  name: text(100).describe("Naam"),
  description_short: text(350).describe("Korte omschrijving"),
  organization: text(100).describe("Organisatie"),
  category: optional(z.array(z.string().min(1))).describe("Thema"),
  status: z.enum(algoritmeregisterStatuses).describe("Status"),
  begin_date: optional(month).describe("Begindatum"),
  end_date: optional(month).describe("Einddatum"),
  contact_email: z.union([z.email(), url]).describe("Contactgegevens"),
  website: optional(url).describe("Link naar publiekspagina"),
  publication_category: z.enum(publicationCategories).describe("Publicatiecategorie"),
  url: optional(url).describe("Link naar bronregistratie"),
  // Verantwoord gebruik
  goal_and_impact: optional(text(2500)).describe("Doel en impact"),
  considerations: optional(text(2500)).describe("Afwegingen"),
  human_intervention: optional(text(2500)).describe("Menselijke tussenkomst"),
  risk_management: optional(text(2500)).describe("Risicobeheer"),
  legal_basis: optional(text(2500)).describe("Wettelijke basis"),
  legal_basis_link: optional(url).describe("Link naar wettelijke basis"),
  legal_basis_title: optional(text(100)).describe("Titel van wettelijke basis"),
  processing_register_link: optional(url).describe("Verwerkingsregister"),
  impacttoetsen: optional(z.string().trim().min(1)).describe("Impacttoets(en)"),
  impacttoetsen_link: optional(url).describe("Link naar impacttoets"),
  impacttoetsen_explanation: optional(text(2500)).describe("Toelichting op impacttoetsen"),
  // Werking
  source_data: optional(text(2500)).describe("Gegevens"),
  source_data_link: optional(url).describe("Link naar gegevensbron"),
  source_data_title: optional(text(500)).describe("Titel van gegevensbron"),
  methods_and_models: optional(text(5000)).describe("Technische werking"),
  provider: optional(text(200)).describe("Leverancier"),
  source_code_link: optional(url).describe("Link naar broncode"),
  // Metadata
  lang: z.literal("nld").describe("Taal"),
  standard_version: z.enum(["0.3.0", "0.3.1", "0.4.0", "1.0.0"]).describe("Schema"),
  source_id: optional(text(100)).describe("Bron-ID"),
  tags: optional(text(2500)).describe("Zoektermen"),
};

/** One record of the Algoritmeregister, as the publication standard sets it. */
export const algoritmeregisterRecordSchema = z.strictObject(algoritmeregisterFieldsShape);
export type AlgoritmeregisterRecord = z.infer<typeof algoritmeregisterRecordSchema>;
export type AlgoritmeregisterField = keyof typeof algoritmeregisterFieldsShape;

/** Every field the standard names, in its order: what a question's `instruments.algoritmeregister` may name. */
export const algoritmeregisterFields = Object.keys(algoritmeregisterFieldsShape) as [
  AlgoritmeregisterField,
  ...AlgoritmeregisterField[],
];

/** The fields the tool fills itself: they are no question's answer. */
export const toolFilledFields = ["lang", "standard_version"] as const satisfies readonly AlgoritmeregisterField[];

/** The Dutch name of a field, as the standard writes it. */
export function fieldName(field: AlgoritmeregisterField): string {
  return algoritmeregisterFieldsShape[field].description ?? field;
}
