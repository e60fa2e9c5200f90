import { z } from "zod";
import { LivingLabError } from "../errors/problem.js";
import { readYamlWithSchema } from "../yaml/parse-with-schema.js";
import { type DefectKind, defectKinds, defectKindsOf, defectRegistry, omTables } from "./defect-kinds.js";

/** The share of rows that carry each defect kind. */
export type DefectRates = Record<DefectKind, number>;

/** What a user asks for: no defects, every kind at its default rate, or chosen rates. */
export type DefectSpec = "none" | "all" | Partial<DefectRates>;

export const DEFECTS_FORMAT = "livinglab-defects/1";

const rateSchema = z
  .number()
  .min(0, "Een kans kan niet negatief zijn; geef een getal van 0 tot en met 1, zoals 0.01 (1% van de rijen).")
  .max(1, "Een kans is hoogstens 1 (elke rij); geef een getal van 0 tot en met 1, zoals 0.01 (1% van de rijen).");

const ratesSchema = z
  .strictObject(Object.fromEntries(defectKinds.map((kind) => [kind, rateSchema.optional()])))
  .superRefine((rates, ctx) => {
    for (const table of omTables) {
      const total = defectKindsOf(table)
        .filter((kind) => kind !== "group_completeness_gap")
        .map((kind) => rates[kind] ?? 0)
        .filter((rate) => rate >= 0 && rate <= 1)
        .reduce((sum, rate) => sum + rate, 0);
      if (total > 0.5) {
        ctx.addIssue({
          code: "custom",
          message: `Samen raken de defecten ${Math.round(total * 100)}% van de rijen van '${table}'; dat kan hoogstens 50% zijn.`,
          params: { code: "rates_too_high", hint: "Verlaag de kansen: elke rij draagt hoogstens één defect." },
        });
      }
    }
  });

/**
 * A defects file, in YAML or JSON: a rate between 0 and 1 per kind; kinds left out get 0.
 * @example format: livinglab-defects/1
 * rates: { missing_value: 0.01, pii_in_remark: 0.002 }
 */
export const defectsFileSchema = z.strictObject({
  format: z.literal(DEFECTS_FORMAT),
  rates: ratesSchema,
});

/** Turns a defect spec into a rate for every kind; chosen rates are checked as a file would be. */
export function resolveDefectRates(spec: DefectSpec): DefectRates {
  const rates = Object.fromEntries(defectKinds.map((kind) => [kind, 0])) as DefectRates;
  if (spec === "none") return rates;
  if (spec === "all") {
    for (const kind of defectKinds) rates[kind] = defectRegistry[kind].defaultRate;
    return rates;
  }
  const checked = ratesSchema.safeParse(spec);
  if (!checked.success) {
    throw new LivingLabError(
      checked.error.issues.map((issue) => ({
        code: "invalid_defect_rates",
        message: `Ongeldige defectkansen bij '${issue.path.join(".") || "rates"}': ${issue.message}`,
        hint: `Geef per soort een kans tussen 0 en 1; soorten: ${defectKinds.join(", ")}.`,
      })),
    );
  }
  for (const kind of defectKinds) rates[kind] = checked.data[kind] ?? 0;
  return rates;
}

/** Reads a defects file (YAML or JSON); mistakes come back as Dutch problems with line and column. */
export async function readDefectsFile(file: string): Promise<DefectRates> {
  const { value } = await readYamlWithSchema(file, defectsFileSchema);
  return resolveDefectRates(value.rates as Partial<DefectRates>);
}
