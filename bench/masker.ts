/**
 * The personal-data masker on texts made to make its patterns backtrack: each text at 10,000 and
 * at 100,000 characters, best of seven rounds, and the ratio large/small beside the same ratio for
 * a plain linear pass over the same texts (a lower-casing), measured in the same run. Linear
 * growth gives about 10 for both; quadratic growth about 100 for the masker.
 *   npm run bench:masker
 */
import { maskPersonalData } from "../src/index.js";

const nastyTexts: Record<string, (n: number) => string> = {
  "a…": (n) => "a".repeat(n),
  "a.…": (n) => "a.".repeat(n / 2),
  "a@…": (n) => "a@".repeat(n / 2),
  "jan(at…": (n) => "jan(at".repeat(n / 6),
  "1…": (n) => "1".repeat(n),
  "1 …": (n) => "1 ".repeat(n / 2),
  "NL91 …": (n) => "NL91 ".repeat(n / 5),
  "x@a.…": (n) => "x@a.".repeat(n / 4),
};

/** Best of seven rounds; each round's text differs in its first character, so the masker's memory of recent texts never answers. */
function bestOf(text: string, work: (text: string) => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 7; round++) {
    const fresh = `${round}${text}`;
    const start = process.hrtime.bigint();
    work(fresh);
    best = Math.min(best, Number(process.hrtime.bigint() - start));
  }
  return best;
}

console.log("tekst        masker 10k   masker 100k  groei   lineair groei");
let worst = 0;
for (const [name, make] of Object.entries(nastyTexts)) {
  const small = make(10_000);
  const large = make(100_000);
  const maskSmall = bestOf(small, maskPersonalData);
  const maskLarge = bestOf(large, maskPersonalData);
  const lower = (text: string) => text.toLowerCase();
  const plain = bestOf(large, lower) / Math.max(bestOf(small, lower), 1);
  const growth = maskLarge / Math.max(maskSmall, 1);
  worst = Math.max(worst, growth);
  console.log(
    `${name.padEnd(12)} ${(maskSmall / 1e6).toFixed(2).padStart(8)} ms ${(maskLarge / 1e6).toFixed(2).padStart(10)} ms ${growth.toFixed(1).padStart(6)}x ${plain.toFixed(1).padStart(8)}x`,
  );
}
console.log(
  `grootste groei bij 10 keer zo veel tekst: ${worst.toFixed(1)}x (lineair is ongeveer 10x, kwadratisch ongeveer 100x)`,
);
