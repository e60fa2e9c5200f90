import { DefectDraw } from "./defect-draw.js";
import type { DefectRates } from "./defect-rates.js";
import { nearMissCode } from "./defect-values.js";
import { type Feit, feiten, retiredFeitcodes, type Zaaktype } from "./om-code-lists.js";
import type { FeitRow, OmSink } from "./om-rows.js";
import { type SeededRandom, WeightedChoice } from "./random.js";

const feitOfType: Record<Zaaktype, WeightedChoice<Feit>> = {
  misdrijf: new WeightedChoice(feiten.filter((f) => f.zaaktype === "misdrijf").map((f) => [f, f.gewicht] as const)),
  overtreding: new WeightedChoice(
    feiten.filter((f) => f.zaaktype === "overtreding").map((f) => [f, f.gewicht] as const),
  ),
};
/** Offences per case: most have one, a few many. */
const feitCount = new WeightedChoice([
  [1, 58],
  [2, 22],
  [3, 10],
  [4, 5],
  [5, 3],
  [6, 1],
  [8, 1],
] as const);
/** Offences of cases that do not exist point at zaak ids from here on. */
const ORPHAN_ZAAK_BASE = 900_000_000;

type FeitDefectKind = "missing_value" | "invalid_code" | "duplicate_key" | "future_date" | "orphan_reference";

/** Makes the offences of each case, with their own defects, and offences of cases that do not exist. */
export class FeitMaker {
  private readonly defects: DefectDraw<FeitDefectKind>;
  private feitNumber = 0;
  private orphanZaken = 0;

  constructor(
    private readonly random: SeededRandom,
    private readonly asOf: number,
    rates: DefectRates,
    private readonly sink: OmSink,
  ) {
    this.defects = new DefectDraw("feiten", rates);
  }

  /** The offences of one case: the first decides the case type, the others are of the same type. */
  make(zaakId: string, first: Feit, pleeg: number, instroom: number): void {
    const random = this.random;
    const count = feitCount.draw(random);
    for (let j = 0; j < count; j++) {
      const feit = j === 0 ? first : feitOfType[first.zaaktype].draw(random);
      const row: FeitRow = {
        feit_id: this.nextFeitId(),
        zaak_id: zaakId,
        feitcode: feit.feitcode,
        wetsartikel: feit.wetsartikel,
        categorie: feit.categorie,
        pleegdatum: j === 0 ? pleeg : pleeg + random.int(0, Math.min(30, instroom - pleeg)),
      };
      this.emit(row, feit);
    }
  }

  private emit(row: FeitRow, feit: Feit): void {
    const random = this.random;
    const kind = this.defects.draw(random);
    if (kind === "missing_value") {
      row[random.pick(["feitcode", "wetsartikel", "categorie", "pleegdatum"] as const)] = null;
    } else if (kind === "invalid_code") {
      if (random.chance(0.6)) row.feitcode = nearMissCode(random, feit.feitcode, retiredFeitcodes);
      else row.categorie = nearMissCode(random, feit.categorie, []);
    } else if (kind === "future_date") {
      row.pleegdatum = this.asOf + random.int(1, 365);
    }
    this.sink.feit(row);
    if (kind === "duplicate_key") this.sink.feit(row);
    if (kind === "orphan_reference") {
      // The orphan is an extra offence beside the clean one, so no case loses its offences.
      const zaakId = `Z${String(ORPHAN_ZAAK_BASE + ++this.orphanZaken).padStart(9, "0")}`;
      const orphan = { ...row, feit_id: this.nextFeitId(), zaak_id: zaakId };
      this.sink.feit(orphan);
      this.sink.truth({ kind, table_name: "feiten", row_key: orphan.feit_id });
      return;
    }
    if (kind === null) return;
    for (let i = kind === "duplicate_key" ? 2 : 1; i > 0; i--) {
      this.sink.truth({ kind, table_name: "feiten", row_key: row.feit_id });
    }
  }

  private nextFeitId(): string {
    return `F${String(++this.feitNumber).padStart(10, "0")}`;
  }
}
