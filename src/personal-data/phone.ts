import type { PersonalDataDetector } from "./detector.js";

/**
 * How Dutch numbers are grouped: ten digits from the 0 (`06 1234 5678`, `020-123 4567`,
 * `0299 12 34 56`), and nine after +31 or 0031 (`+31 6 12345678`). Only these groupings, so
 * that the digits of an IBAN in groups of four (`0417 1643 00`) are not a phone number.
 */
const nationalGroups = [
  [10],
  [2, 8],
  [2, 4, 4],
  [2, 2, 2, 2, 2],
  [3, 7],
  [3, 3, 4],
  [3, 2, 2, 3],
  [4, 6],
  [4, 2, 2, 2],
];
const internationalGroups = [[9], [1, 8], [1, 4, 4], [1, 2, 2, 2, 2], [2, 7], [2, 3, 4], [3, 6], [3, 2, 2, 2]];

/** Digits in these groups, with one space, dot or hyphen between groups; the first group starts with `first`. */
function grouped(first: { pattern: string; digits: number }, groups: readonly number[]): string {
  return groups.map((size, i) => (i === 0 ? first.pattern + digits(size - first.digits) : digits(size))).join("[ .-]");
}

function digits(count: number): string {
  return count === 0 ? "" : count === 1 ? "[0-9]" : `[0-9]{${count}}`;
}

const national = nationalGroups.map((g) => grouped({ pattern: "0[1-9]", digits: 2 }, g));
/** +31 or 0031, then the number without its 0, which some write as (0): `+31 (0)6 12345678`. */
const international = `(?:\\+|00)31[ .-]?(?:\\(0\\)[ .-]?)?(?:${internationalGroups.map((g) => grouped({ pattern: "[1-9]", digits: 1 }, g)).join("|")})`;
/** An area code in brackets, two to four digits with its 0, then the rest of the ten, grouped as one likes: `(020) 123 4567`. */
const bracketed = [2, 3, 4].map(
  (area) => `\\(0[1-9]${digits(area - 2)}\\)[ .-]?[0-9](?:[ .-]?[0-9]){${10 - area - 1}}`,
);

/**
 * A Dutch phone number, mobile or landline, in the ways people write them; not right after a
 * letter, so the digits of an IBAN (`ABNA0417164300`) are not a phone number.
 */
export const phone: PersonalDataDetector = {
  label: "telefoonnummer",
  pattern: [international, ...bracketed, ...national].join("|"),
  notAfter: "A-Za-z0-9",
  // Nor glued to letters after it: digits in a token of letters and digits (a run id) are no phone number.
  notBefore: "A-Za-z0-9",
};
