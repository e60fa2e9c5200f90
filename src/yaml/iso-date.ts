import { z } from "zod";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for `YYYY-MM-DD` text naming a day that exists: not 2026-13-45, not 2026-02-30. */
export function isCalendarDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

/** An ISO date (JJJJ-MM-DD) that exists in the calendar, wherever a user writes one. */
export const isoDateSchema = z
  .string()
  .regex(ISO_DATE, "Schrijf een datum als JJJJ-MM-DD.")
  // The format has its own message above; this one is for a well-formed day that does not exist.
  .refine((text) => !ISO_DATE.test(text) || isCalendarDate(text), {
    message: "Deze datum bestaat niet.",
    params: { code: "invalid_date", hint: "Controleer dag en maand (JJJJ-MM-DD)." },
  });
