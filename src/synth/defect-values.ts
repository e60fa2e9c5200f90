import type { SeededRandom } from "./random.js";

/**
 * Wrong values for injected defects. Each is built to break exactly one rule: a near-miss
 * code is outside its list and nothing else, a malformed parketnummer keeps its parket code.
 */

/** A code outside its list: different case, stray spaces, or a retired code. */
export function nearMissCode(random: SeededRandom, code: string, retired: readonly string[]): string {
  const choice = random.int(0, retired.length > 0 ? 2 : 1);
  if (choice === 0) {
    const first = code.charAt(0);
    return first === first.toLowerCase() ? first.toUpperCase() + code.slice(1) : code.toLowerCase();
  }
  if (choice === 1) return random.chance(0.5) ? `${code} ` : ` ${code}`;
  return random.pick(retired);
}

/** A parketnummer that does not follow PP/NNNNNN-JJ but still starts with its parket code. */
export function malformedParketnummer(random: SeededRandom, code: string, sequence: string, year: number): string {
  const yy = String(year % 100).padStart(2, "0");
  switch (random.int(0, 5)) {
    case 0:
      return `${code}-${sequence}-${yy}`;
    case 1:
      return `${code}/${sequence.slice(1)}-${yy}`;
    case 2:
      return `${code}/${sequence}-${year}`;
    case 3:
      return `${code}/${sequence}/${yy}`;
    case 4:
      return `${code}${sequence}${yy}`;
    default:
      return `${code}/${sequence.slice(0, 2)}O${sequence.slice(3)}-${yy}`;
  }
}
