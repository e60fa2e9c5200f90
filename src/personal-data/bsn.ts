import { and, bin, call, type Expr, lit } from "../sql/expr.js";
import type { PersonalDataDetector } from "./detector.js";

/** Nine digits, together or as 3-3-3 or 4-2-3 with a space, dot or hyphen: `111 222 333`, `1112.22.333`. */
const pattern = ["[0-9]{9}", "[0-9]{3}[ .-][0-9]{3}[ .-][0-9]{3}", "[0-9]{4}[ .-][0-9]{2}[ .-][0-9]{3}"].join("|");

/**
 * The citizen service number: nine digits that pass the 11-check, also right after letters
 * (`BSN111222333`), but not glued to the letters a to f: digits between those belong to a
 * hexadecimal identifier such as a run id or a hash (`...-ace7-08b336684290`), where nine digits
 * that pass the check turn up in about one of a hundred.
 */
export const bsn: PersonalDataDetector = {
  label: "BSN",
  pattern,
  notAfter: "0-9A-Fa-f",
  notBefore: "0-9A-Fa-f",
  check: {
    js: (candidate) => passesElevenCheck(candidate.replace(/[^0-9]/g, "")),
    sql: elevenCheckSql,
  },
};

/** The BSN 11-check: weights 9..2 and -1 for the last digit, sum divisible by 11. */
export function passesElevenCheck(digits: string): boolean {
  if (!/^[0-9]{9}$/.test(digits) || digits === "000000000") return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (i === 8 ? -1 : 9 - i);
  return sum % 11 === 0;
}

/** The same 11-check in SQL, on a candidate that already matched the pattern (so nine digits). */
function elevenCheckSql(candidate: Expr): Expr {
  const digits = call("regex_replace_all", candidate, lit("[^0-9]"), lit(""));
  const digit = (position: number) => call("to_integer", call("substr", digits, lit(position), lit(1)));
  let sum = bin("*", lit(-1), digit(9));
  for (let i = 1; i <= 8; i++) sum = bin("+", sum, bin("*", lit(10 - i), digit(i)));
  return and(bin("<>", digits, lit("000000000")), bin("=", bin("%", sum, lit(11)), lit(0)));
}
