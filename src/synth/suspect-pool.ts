import { DefectDraw } from "./defect-draw.js";
import type { DefectRates } from "./defect-rates.js";
import { nearMissCode } from "./defect-values.js";
import {
  type Arrondissement,
  arrondissementen,
  geslachtWeights,
  retiredGemeenten,
  retiredGeslachten,
} from "./om-code-lists.js";
import type { OmSink, VerdachteRow } from "./om-rows.js";
import { SeededRandom, WeightedChoice } from "./random.js";

export interface Suspect {
  id: string;
  geboortejaar: number;
  home: Arrondissement;
}

/** Share of cases whose suspect is new; the others go to a suspect seen before. */
const NEW_SUSPECT = 0.62;
/** Ids from here on are made for one case with an implausible age, or do not exist at all. */
const SPECIAL_BASE = 800_000_000;
const ORPHAN_BASE = 900_000_000;
/** The youngest suspect at the reference date is 19, so every offence in the 7-year window is at 12 or older. */
const MIN_AGE_AT_AS_OF = 19;
const MAX_AGE_AT_AS_OF = 92;

const byInwoners = new WeightedChoice(arrondissementen.map((a) => [a, a.inwoners] as const));
const bySex = new WeightedChoice(geslachtWeights);

/**
 * The suspects, made when a case first needs them. A suspect's attributes follow from the
 * seed and its number alone, so a later case can meet an earlier suspect without any memory.
 */
export class SuspectPool {
  private created = 0;
  private specials = 0;
  private orphans = 0;
  private readonly defects: DefectDraw<"missing_value" | "invalid_code" | "duplicate_key">;

  constructor(
    private readonly seed: number,
    private readonly asOfYear: number,
    private readonly random: SeededRandom,
    rates: DefectRates,
    private readonly sink: OmSink,
  ) {
    this.defects = new DefectDraw("verdachten", rates);
  }

  /** A suspect for a clean case: a new one, or one of the earlier ones. */
  pick(): Suspect {
    if (this.created === 0 || this.random.chance(NEW_SUSPECT)) {
      this.created++;
      const suspect = this.describe(this.created);
      this.emit(suspect);
      return suspect;
    }
    return this.describe(1 + Math.floor(this.random.next() * this.created));
  }

  /** A suspect for exactly one case, born in the given year. */
  special(geboortejaar: number, home: Arrondissement): string {
    this.specials++;
    const id = verdachteId(SPECIAL_BASE + this.specials);
    const item = SeededRandom.forItem(this.seed, 2, this.specials);
    this.sink.verdachte({
      verdachte_id: id,
      geboortejaar,
      geslacht: bySex.draw(item),
      woongemeente: item.pick(home.gemeenten),
    });
    return id;
  }

  /** An id that no suspect has. */
  orphanId(): string {
    this.orphans++;
    return verdachteId(ORPHAN_BASE + this.orphans);
  }

  private describe(index: number): Suspect & { row: VerdachteRow } {
    const item = SeededRandom.forItem(this.seed, 1, index);
    const home = byInwoners.draw(item);
    const age = Math.min(MAX_AGE_AT_AS_OF, MIN_AGE_AT_AS_OF + item.lognormalDays(14, 0.75));
    const id = verdachteId(index);
    const geboortejaar = this.asOfYear - age;
    const row = { verdachte_id: id, geboortejaar, geslacht: bySex.draw(item), woongemeente: item.pick(home.gemeenten) };
    return { id, geboortejaar, home, row };
  }

  private emit(suspect: Suspect & { row: VerdachteRow }): void {
    const row: VerdachteRow = { ...suspect.row };
    const kind = this.defects.draw(this.random);
    if (kind === "missing_value") {
      const column = this.random.pick(["geboortejaar", "geslacht", "woongemeente"] as const);
      row[column] = null;
    } else if (kind === "invalid_code") {
      if (this.random.chance(0.5)) row.geslacht = nearMissCode(this.random, row.geslacht ?? "M", retiredGeslachten);
      else row.woongemeente = nearMissCode(this.random, row.woongemeente ?? "GM0363", retiredGemeenten);
    }
    this.sink.verdachte(row);
    if (kind === "duplicate_key") this.sink.verdachte(row);
    if (kind === null) return;
    const copies = kind === "duplicate_key" ? 2 : 1;
    for (let i = 0; i < copies; i++) this.sink.truth({ kind, table_name: "verdachten", row_key: suspect.id });
  }
}

function verdachteId(n: number): string {
  return `V${String(n).padStart(9, "0")}`;
}
