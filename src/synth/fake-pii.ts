import type { SeededRandom } from "./random.js";

/**
 * Made-up personal data for `pii_in_remark` defects. Each value has the right form, so a
 * detector must find it, and is fake on sight: BSNs from the 9999 test range, mobile
 * numbers 06-1234xxxx, e-mail addresses under the reserved `.example` domain and IBANs of
 * the non-existent bank TEST.
 */

/** A nine-digit BSN from the test range (9999…) that passes the eleven test. */
export function fakeBsn(random: SeededRandom): string {
  for (;;) {
    const digits = [9, 9, 9, 9, random.int(0, 9), random.int(0, 9), random.int(0, 9), random.int(0, 9)];
    const sum = digits.reduce((total, digit, i) => total + digit * (9 - i), 0);
    const last = sum % 11;
    if (last <= 9) return [...digits, last].join("");
  }
}

/** A Dutch IBAN with valid check digits at the bank TEST. */
export function fakeIban(random: SeededRandom): string {
  let account = "";
  for (let i = 0; i < 10; i++) account += String(random.int(0, 9));
  const bban = `TEST${account}`;
  const check = 98 - mod97(`${bban}NL00`);
  return `NL${String(check).padStart(2, "0")}${bban}`;
}

/** True when an IBAN's check digits are right (ISO 13616). */
export function isValidIban(iban: string): boolean {
  return mod97(iban.slice(4) + iban.slice(0, 4)) === 1;
}

export function fakeMobile(random: SeededRandom): string {
  const tail = String(random.int(0, 9999)).padStart(4, "0");
  return random.pick([`06-1234${tail}`, `06 1234 ${tail}`, `+31 6 1234${tail}`]);
}

export function fakeEmail(random: SeededRandom): string {
  const name = random.pick(["j.jansen", "m.devries", "a.bakker", "s.visser", "r.smit", "l.meijer"]);
  return `${name}${random.int(1, 99)}@voorbeeld.example`;
}

/** A remark that leaks one piece of personal data. */
export function remarkWithPii(random: SeededRandom): string {
  switch (random.int(0, 3)) {
    case 0:
      return `BSN verdachte ${fakeBsn(random)} nagevraagd.`;
    case 1:
      return `Verdachte is bereikbaar op ${fakeMobile(random)}.`;
    case 2:
      return `Contact met aangever via ${fakeEmail(random)}.`;
    default:
      return `Schadevergoeding overmaken naar ${fakeIban(random)}.`;
  }
}

function mod97(text: string): number {
  let rest = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : char;
    for (const digit of value) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest;
}
