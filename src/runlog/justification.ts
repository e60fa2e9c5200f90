import { LivingLabError } from "../errors/problem.js";

const MIN_LENGTH = 30;
const MIN_WORDS = 5;
const PLACEHOLDERS =
  /^(test|todo|tbd|n\.?v\.?t\.?|nvt|x+|\.+|-+|geen|onbekend|asdf|placeholder|lorem ipsum.*|zie boven)$/i;

/**
 * The first gate: every run needs a justification in words (why this run, on this data,
 * now). Returns the cleaned text or throws a user error saying what a good one contains.
 */
export function requireJustification(text: string | undefined): string {
  const cleaned = (text ?? "").replace(/\s+/g, " ").trim();
  const words = cleaned.split(" ").filter((w) => /\p{L}{2,}/u.test(w));
  const why =
    cleaned === ""
      ? "Er is geen verantwoording opgegeven."
      : PLACEHOLDERS.test(cleaned)
        ? `'${cleaned}' is een opvultekst, geen verantwoording.`
        : cleaned.length < MIN_LENGTH || words.length < MIN_WORDS
          ? `De verantwoording is te kort (${cleaned.length} tekens, ${words.length} woorden).`
          : undefined;
  if (why) {
    throw new LivingLabError({
      code: "justification_refused",
      message: `${why} Elke run heeft een verantwoording in woorden nodig.`,
      hint: `Schrijf waarom u deze run nu doet, op deze data (minstens ${MIN_WORDS} woorden en ${MIN_LENGTH} tekens), met --justification "...".`,
    });
  }
  return cleaned;
}
