import { z } from "zod";
import { and, bin, call, caseWhen, col, definitely, type Expr, isNotNull, lit, local, or } from "../sql/expr.js";
import { amongRows, defineCheck } from "./check-definition.js";

const digit = (text: Expr, position: number) => call("to_integer", call("substr", text, lit(position), lit(1)));

/** A BSN: nine digits that pass the 11-check (weights 9 to 2, and -1 for the last digit). */
const bsnCandidate = (text: Expr) => call("regex_extract", text, lit("(?:^|[^0-9])([0-9]{9})(?:[^0-9]|$)"));

function bsn(candidate: Expr): Expr {
  let sum = bin("*", lit(-1), digit(candidate, 9));
  for (let i = 1; i <= 8; i++) sum = bin("+", sum, bin("*", lit(10 - i), digit(candidate, i)));
  // The arithmetic runs only where a candidate was found: most remarks hold none.
  return caseWhen(
    and(isNotNull(candidate), bin("<>", candidate, lit("000000000"))),
    bin("=", bin("%", sum, lit(11)), lit(0)),
    lit(false),
  );
}

/** A Dutch mobile number: 06, +31 6 or 0031 6 and eight digits, with a space or hyphen allowed between groups. */
const phone = (text: Expr) =>
  call("regex_contains", text, lit("(^|[^0-9])(\\+31[ -]?|0031[ -]?|0)6[ -]?[0-9]{4}[ -]?[0-9]{4}([^0-9]|$)"));

const email = (text: Expr) =>
  call("regex_contains", text, lit("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"));

const ibanCandidate = (text: Expr) =>
  call("regex_extract", call("upper", call("replace", text, lit(" "), lit(""))), lit("(NL[0-9]{2}[A-Z]{4}[0-9]{10})"));

/** A Dutch IBAN whose check digits are right: the rearranged number modulo 97 is 1. */
function iban(candidate: Expr): Expr {
  // Letters become two digits (A = 10 ... Z = 35); NL is 2321.
  const letter = (position: number) =>
    call("to_text", bin("-", call("ascii", call("substr", candidate, lit(position), lit(1))), lit(55)));
  const digits = call(
    "concat_ws",
    lit(""),
    letter(5),
    letter(6),
    letter(7),
    letter(8),
    call("substr", candidate, lit(9), lit(10)),
    lit("2321"),
    call("substr", candidate, lit(3), lit(2)),
  );
  // 24 digits do not fit a BIGINT, so modulo 97 goes in two steps of 12 digits.
  const head = bin("%", call("to_bigint", call("substr", digits, lit(1), lit(12))), lit(97));
  const rest = call("to_bigint", call("substr", digits, lit(13), lit(12)));
  const mod97 = bin("%", bin("+", bin("*", head, lit(1_000_000_000_000)), rest), lit(97));
  return caseWhen(isNotNull(candidate), bin("=", mod97, lit(1)), lit(false));
}

/**
 * Every detector by name; the scan runs the ones a suite asks for. A detector that reads an
 * extracted candidate several times gets it as a local value, extracted once per row.
 */
const detectors = {
  bsn: { extract: bsnCandidate, test: bsn },
  telefoon: { test: phone },
  email: { test: email },
  iban: { extract: ibanCandidate, test: iban },
} satisfies Record<string, { extract?: (text: Expr) => Expr; test: (value: Expr) => Expr }>;
type Detector = keyof typeof detectors;
const detectorNames = Object.keys(detectors) as [Detector, ...Detector[]];

export const piiScan = defineCheck({
  dimension: "validiteit",
  params: {
    /** A free-text column that should hold no personal data. */
    column: z.string().min(1),
    detect: z.array(z.enum(detectorNames)).min(1).default(detectorNames),
  },
  columns: ({ column }) => [{ column }],
  // Text is read as it is; another type is cast once per row.
  measure: ({ column, detect }, { typeOf }) => {
    const text = typeOf(column) === "text" ? col(column) : call("to_text", col(column));
    const locals: Record<string, Expr> = {};
    const tests = detect.map((name) => {
      const detector: { extract?: (text: Expr) => Expr; test: (value: Expr) => Expr } = detectors[name];
      if (!detector.extract) return definitely(detector.test(text));
      locals[name] = detector.extract(text);
      return definitely(detector.test(local(name)));
    });
    return { type: "rows", unit: "share", failing: and(isNotNull(col(column)), or(...tests)), locals };
  },
  describe: ({ column, detect }) => `Het vrije tekstveld ${column} bevat geen persoonsgegevens (${detect.join(", ")}).`,
  finding: ({ column }, found) => `${amongRows(found)} staan persoonsgegevens in ${column}`,
});
