import { maskPersonalData } from "../personal-data/mask-personal-data.js";
import type { LogRecordType, NewLogRecord } from "./log-record-schema.js";

/**
 * Per kind of record, the fields a person writes in words (and the analysis parameters, which
 * a notebook may fill with anything): masked before a record is sealed, because the log is
 * append-only and a value that enters it can never be taken out.
 */
const freeTextFields = {
  run_started: ["justification", "analysis", "stated_in_advance"],
  run: ["justification", "analysis", "stated_in_advance"],
  principle_decided: ["toelichting", "besloten_door"],
  review_given: ["toelichting"],
  summary_published: ["aan"],
  data_destroyed: ["reden"],
  correction: ["correctie"],
  unsigned_accepted: ["toelichting"],
} as const satisfies Record<LogRecordType, readonly string[]>;

/**
 * The record with personal data masked in every free-text field, by the shared detectors.
 * @example maskFreeText({ type: "correction", correctie: "Bel 06-12345678", ... }).correctie // "Bel [telefoonnummer verborgen]"
 */
export function maskFreeText<R extends NewLogRecord>(record: R): R {
  const masked: Record<string, unknown> = { ...record };
  for (const field of freeTextFields[record.type]) {
    if (!(field in masked)) continue;
    const value = masked[field];
    // The answers stated in advance keep the hash of what the experiment said, unmasked: it is
    // compared with the experiment as it is now, never recomputed from the log.
    masked[field] =
      field === "stated_in_advance" && value !== null && typeof value === "object" && "answers" in value
        ? { ...value, answers: maskStrings(value.answers) }
        : maskStrings(value);
  }
  return masked as R;
}

/**
 * Every string inside a value masked; objects and lists keep their shape.
 * @example maskStrings({ akkoord: ["jan@voorbeeld.nl"] }) // { akkoord: ["[e-mailadres verborgen]"] }
 */
export function maskStrings(value: unknown): unknown {
  if (typeof value === "string") return maskPersonalData(value);
  if (Array.isArray(value)) return value.map(maskStrings);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskStrings(inner)]));
  }
  return value;
}
