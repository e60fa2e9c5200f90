import { bin, bind, call, caseWhen, type Expr, lit } from "../sql/expr.js";
import type { PersonalDataDetector } from "./detector.js";

/** The length of an IBAN per country, after the SWIFT IBAN registry. */
export const ibanLengths: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HN: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

/**
 * Per country its exact length, written together or in groups of four with single spaces:
 * `NL91ABNA0417164300`, `BE68 5390 0754 7034`. Knowing the length, a candidate never runs on
 * into the next word or the next IBAN.
 */
const pattern = Object.entries(ibanLengths)
  .map(([country, length]) => {
    const rest = length - 4;
    const tail = rest % 4 === 0 ? "" : `(?: ?[A-Z0-9]{${rest % 4}})`;
    return `${country}[0-9]{2}(?: ?[A-Z0-9]{4}){${Math.floor(rest / 4)}}${tail}`;
  })
  .join("|");

/** An IBAN of any country in the registry whose check digits are right (modulo 97 is 1). */
export const iban: PersonalDataDetector = {
  label: "IBAN",
  pattern,
  notAfter: "A-Za-z0-9",
  notBefore: "A-Za-z0-9",
  caseInsensitive: true,
  check: { js: passesMod97, sql: mod97Sql },
};

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
/** The longest IBAN in the registry; shorter ones get leading zeros, which leave the remainder alone. */
const LONGEST = 34;
/** Nine digits after a remainder below 97 stay far below 2^63. */
const CHUNK = 9;
/** The digits of the longest IBAN with every character a letter (two digits each), in whole chunks: 72. */
const DIGITS = Math.ceil((2 * LONGEST) / CHUNK) * CHUNK;

/** ISO 7064 MOD 97-10: the first four characters moved to the end, letters as 10 to 35, modulo 97 is 1. */
export function passesMod97(candidate: string): boolean {
  const compact = candidate.replaceAll(" ", "").toUpperCase();
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) return false;
    remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
  }
  return remainder === 1;
}

/**
 * The same in SQL. The rearranged IBAN becomes digits (each letter its two-digit number), padded
 * with leading zeros to 72 (twice the longest IBAN, which leaves the remainder alone), and is
 * reduced nine digits at a time, so that no engine needs numbers longer than 64 bits. The digits
 * are computed once (`bind`); a candidate holding anything but letters and digits is no IBAN.
 */
function mod97Sql(candidate: Expr): Expr {
  const compact = call("upper", call("replace", candidate, lit(" "), lit("")));
  let digits = call("concat", call("substr", compact, lit(5)), call("substr", compact, lit(1), lit(4)));
  for (const [i, letter] of [...ALPHABET.slice(10)].entries())
    digits = call("replace", digits, lit(letter), lit(`${10 + i}`));
  const padded = call("lpad", digits, lit(DIGITS), lit("0"));
  return bind("livinglab_iban_digits", padded, (all) => {
    let remainder: Expr = call("to_bigint", lit(0));
    for (let from = 1; from <= DIGITS; from += CHUNK) {
      const chunk = call("to_bigint", call("substr", all, lit(from), lit(CHUNK)));
      remainder = bin("%", bin("+", bin("*", remainder, lit(10 ** CHUNK)), chunk), lit(97));
    }
    return caseWhen(call("regex_contains", all, lit(`^[0-9]{${DIGITS}}$`)), bin("=", remainder, lit(1)), lit(false));
  });
}
