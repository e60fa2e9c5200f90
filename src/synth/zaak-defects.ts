import type { DefectKind } from "./defect-kinds.js";
import { malformedParketnummer, nearMissCode } from "./defect-values.js";
import { remarkWithPii } from "./fake-pii.js";
import { type Arrondissement, arrondissementen, retiredAfdoeningen, retiredBronnen } from "./om-code-lists.js";
import type { ZaakRow } from "./om-rows.js";
import type { SeededRandom } from "./random.js";
import type { SuspectPool } from "./suspect-pool.js";

/** The kinds a single case row can carry (the group gap is a property of many rows). */
export type ZaakDefectKind = Exclude<DefectKind, "group_completeness_gap">;

/** A case being made, with what a defect needs to know about it. */
export interface ZaakDraft {
  row: ZaakRow;
  arrondissement: Arrondissement;
  /** The parketnummer's parts, for defects that rewrite it. */
  sequence: string;
  year: number;
}

export interface DefectContext {
  random: SeededRandom;
  /** The reference date as a day number; injected future dates lie after it. */
  asOf: number;
  /** The last day of clean data (the day before the reference date). */
  lastDay: number;
  yearOf(day: number): number;
  suspects: SuspectPool;
}

const SECONDS_PER_DAY = 86_400;

/**
 * How each kind changes a clean case. The draft is already shaped for the kind (afgedaan,
 * open, old enough), so each change breaks exactly its own rule and no other.
 */
export const zaakDefects = {
  missing_value(draft, { random }) {
    const column = random.pick(["parketnummer", "instroomdatum", "zaaktype", "bron"] as const);
    draft.row[column] = null;
  },
  malformed_parketnummer(draft, { random }) {
    draft.row.parketnummer = malformedParketnummer(random, draft.row.parketcode, draft.sequence, draft.year);
  },
  invalid_code(draft, { random }) {
    const row = draft.row;
    const column = random.pick(
      row.afdoening === null ? (["zaaktype", "bron"] as const) : (["zaaktype", "bron", "afdoening"] as const),
    );
    if (column === "zaaktype") row.zaaktype = nearMissCode(random, row.zaaktype ?? "misdrijf", []);
    else if (column === "bron") row.bron = nearMissCode(random, row.bron ?? "politie", retiredBronnen);
    else row.afdoening = nearMissCode(random, row.afdoening ?? "dagvaarding", retiredAfdoeningen);
  },
  duplicate_key() {},
  decision_before_registration(draft, { random, lastDay }) {
    const instroom = draft.row.instroomdatum ?? lastDay;
    draft.row.afdoeningsdatum = instroom - random.int(1, 60);
    draft.row.laatst_gewijzigd =
      Math.min(instroom + random.int(0, 5), lastDay) * SECONDS_PER_DAY + workingSecond(random);
  },
  future_date(draft, { random, asOf }) {
    const row = draft.row;
    const choice = random.int(0, 2);
    if (choice === 0 && row.pleegdatum !== null) row.pleegdatum = asOf + random.int(1, 365);
    else if (choice === 1 && row.afdoeningsdatum !== null) row.afdoeningsdatum = asOf + random.int(1, 365);
    else if (choice === 1 && row.status !== "afgedaan") row.instroomdatum = asOf + random.int(1, 60);
    else row.laatst_gewijzigd = (asOf + random.int(1, 30)) * SECONDS_PER_DAY + workingSecond(random);
  },
  status_without_decision(draft, { random }) {
    const choice = random.int(0, 2);
    if (choice !== 1) draft.row.afdoening = null;
    if (choice !== 0) draft.row.afdoeningsdatum = null;
  },
  orphan_reference(draft, { suspects }) {
    draft.row.verdachte_id = suspects.orphanId();
  },
  implausible_age(draft, { random, suspects, yearOf }) {
    const pleeg = draft.row.pleegdatum ?? draft.row.instroomdatum ?? 0;
    const age = random.chance(0.5) ? random.int(2, 11) : random.int(101, 112);
    draft.row.verdachte_id = suspects.special(yearOf(pleeg) - age, draft.arrondissement);
  },
  stale_open_case() {},
  parket_mismatch(draft, { random }) {
    const others = arrondissementen.filter((a) => a.parketcode !== draft.row.parketcode);
    const wrong = random.pick(others).parketcode;
    draft.row.parketnummer = `${wrong}/${draft.sequence}-${String(draft.year % 100).padStart(2, "0")}`;
  },
  pii_in_remark(draft, { random }) {
    draft.row.opmerking = remarkWithPii(random);
  },
} satisfies Record<ZaakDefectKind, (draft: ZaakDraft, context: DefectContext) => void>;

/** A moment during office hours (08:00 to 18:00), in seconds after midnight. */
export function workingSecond(random: SeededRandom): number {
  return random.int(8 * 3600, 18 * 3600 - 1);
}
