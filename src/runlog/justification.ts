import { LivingLabError } from "../errors/problem.js";
import type { LogRecord } from "./log-record-schema.js";

const MIN_LENGTH = 30;
const MIN_WORDS = 5;
const PLACEHOLDERS =
  /^(test(je)?|todo|tbd|n\.?v\.?t\.?|n\/a|nvt|x+|\.+|-+|\?+|geen|onbekend|asdf|placeholder|lorem ipsum.*|zie boven|zie hierboven|idem|wip|fix|run|dit is een test|test run|testrun)$/i;
const GOOD = "Een goede verantwoording zegt waarom u deze run doet, op deze data, en waarom nu";
const EXAMPLE =
  'bijvoorbeeld --justification "Controle van de nieuwe levering zaken van oktober, omdat de opdrachtgever de cijfers volgende week gebruikt."';

const NOTEBOOK_EXAMPLE =
  'bijvoorbeeld justification: "Controle van de nieuwe levering zaken van oktober, omdat de opdrachtgever de cijfers volgende week gebruikt."';

/**
 * The first gate: every run needs a justification in words (why this run, on this data,
 * now). Returns the cleaned text or throws a user error saying what a good one contains.
 * @example const text = requireJustification("Controle van de levering van oktober, voor het kwartaalrapport.");
 */
export function requireJustification(text: string | undefined): string {
  const cleaned = (text ?? "").replace(/\s+/g, " ").trim();
  const words = cleaned.split(" ").filter((w) => /\p{L}{2,}/u.test(w));
  const distinct = new Set(words.map((w) => w.toLowerCase())).size;
  const why =
    cleaned === ""
      ? "Er is geen verantwoording opgegeven."
      : PLACEHOLDERS.test(cleaned) || /lorem ipsum/i.test(cleaned)
        ? `'${cleaned}' is een opvultekst, geen verantwoording.`
        : cleaned.length < MIN_LENGTH || words.length < MIN_WORDS
          ? `De verantwoording is te kort (${cleaned.length} tekens, ${words.length} woorden).`
          : distinct < MIN_WORDS - 1
            ? "De verantwoording herhaalt steeds dezelfde woorden."
            : undefined;
  if (why) {
    throw new LivingLabError({
      code: "justification_refused",
      message: `${why} Elke run heeft een verantwoording in woorden nodig.`,
      hint: `${GOOD} (minstens ${MIN_WORDS} woorden en ${MIN_LENGTH} tekens), ${EXAMPLE}. Of hergebruik die van een eerdere run met --reuse-justification <run-id>.`,
      notebookHint: `${GOOD} (minstens ${MIN_WORDS} woorden en ${MIN_LENGTH} tekens), ${NOTEBOOK_EXAMPLE}. Of hergebruik die van een eerdere run met reuseJustification: "<run-id>".`,
    });
  }
  return cleaned;
}

export interface JustificationChoice {
  /** The justification in words. */
  justification?: string;
  /** Or: the id (or a unique start of at least 8 characters) of an earlier run whose justification applies. */
  reuseJustification?: string;
}

/** The justification of a run: given in words, or reused from an earlier run of the same log. */
export function resolveJustification(
  choice: JustificationChoice,
  records: readonly LogRecord[],
): { justification: string; reusedFrom?: string } {
  const { justification, reuseJustification: reuse } = choice;
  if (reuse === undefined) return { justification: requireJustification(justification) };
  if (justification !== undefined && justification.trim() !== "") {
    throw new LivingLabError({
      code: "usage",
      message: "Geef een nieuwe verantwoording óf hergebruik er een, niet allebei.",
      hint: 'Gebruik --justification "..." of --reuse-justification <run-id>.',
      notebookHint: 'Geef justification: "..." of reuseJustification: "<run-id>", niet allebei.',
    });
  }
  const runs = records.filter((r) => r.type === "run" || r.type === "run_started");
  const matches = new Set(
    runs.filter((r) => r.id === reuse || (reuse.length >= 8 && r.id.startsWith(reuse))).map((r) => r.id),
  );
  const [id] = matches;
  const earlier = runs.find((r) => r.id === id);
  if (matches.size !== 1 || !earlier || !("justification" in earlier)) {
    throw new LivingLabError({
      code: "justification_reuse_unknown",
      message:
        matches.size > 1
          ? `'${reuse}' past bij ${matches.size} runs; de run is niet eenduidig.`
          : `Er is geen run '${reuse}' in het logboek van dit experiment.`,
      hint: "Zoek het id op met 'livinglab log <experiment>' en geef het hele id, of ten minste de eerste 8 tekens.",
      notebookHint: "Zoek het id op met renderRunLog(om.dir) en geef het hele id, of ten minste de eerste 8 tekens.",
    });
  }
  return { justification: requireJustification(earlier.justification), reusedFrom: earlier.id };
}
