import { parsePortableRegex } from "../sql/portable-regex.js";

/** A pattern the lab knows by name, with words for it and a made-up value that fits it. */
export interface KnownPattern {
  /** The pattern in the portable subset. */
  pattern: string;
  /** What the value looks like, read after "de vorm van": "een parketnummer". */
  name: string;
  /** The pattern in one Dutch phrase. */
  explanation: string;
  /** A synthetic value that fits, never a real one. */
  example: string;
}

/** Patterns a suite may write without words of its own: the registry supplies them. */
export const knownPatterns: readonly KnownPattern[] = [
  {
    pattern: "[0-9]{2}/[0-9]{6}-[0-9]{2}",
    name: "een parketnummer",
    explanation: "twee cijfers, een schuine streep, zes cijfers, een streepje en twee cijfers",
    example: "12/345678-90",
  },
  {
    pattern: "[1-9][0-9]{3} ?[A-Z]{2}",
    name: "een postcode",
    explanation: "vier cijfers (niet beginnend met 0), eventueel een spatie, en twee hoofdletters",
    example: "1234 AB",
  },
  {
    pattern: "[0-9]{4}-[0-9]{2}-[0-9]{2}",
    name: "een datum als tekst",
    explanation: "jaar, maand en dag in cijfers, met streepjes ertussen (JJJJ-MM-DD)",
    example: "2026-01-31",
  },
];

const canonical = (pattern: string) => {
  const parsed = parsePortableRegex(pattern);
  return parsed.ok ? parsed.canonical : pattern;
};
const byCanonical = new Map(knownPatterns.map((known) => [canonical(known.pattern), known]));

/** The known pattern a suite's pattern is, written in any spelling the subset allows (`\d` for `[0-9]`). */
export function knownPatternOf(pattern: string): KnownPattern | undefined {
  return byCanonical.get(canonical(pattern));
}
