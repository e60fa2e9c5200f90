import { type DefectKind, defectKindsOf, type OmTable } from "./defect-kinds.js";
import type { DefectRates } from "./defect-rates.js";
import type { SeededRandom } from "./random.js";

/** Chooses at most one defect kind for a row of one table, with the chosen rates. */
export class DefectDraw<K extends DefectKind = DefectKind> {
  private readonly kinds: K[] = [];
  private readonly cumulative: number[] = [];

  constructor(table: OmTable, rates: DefectRates, exclude: readonly DefectKind[] = []) {
    let total = 0;
    for (const kind of defectKindsOf(table)) {
      if (exclude.includes(kind) || rates[kind] <= 0) continue;
      total += rates[kind];
      this.kinds.push(kind as K);
      this.cumulative.push(total);
    }
  }

  /** The row's defect kind, or null for a clean row. Always draws exactly one number. */
  draw(random: SeededRandom): K | null {
    const u = random.next();
    for (let i = 0; i < this.kinds.length; i++) {
      if (u < (this.cumulative[i] ?? 0)) return this.kinds[i] ?? null;
    }
    return null;
  }
}
