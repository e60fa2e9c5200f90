import { Calendar } from "./calendar.js";
import { DefectDraw } from "./defect-draw.js";
import type { DefectRates } from "./defect-rates.js";
import { FeitMaker } from "./feit-maker.js";
import {
  type Afdoening,
  afdoeningWeights,
  arrondissementen,
  bronWeights,
  feiten,
  opmerkingen,
  type Zaaktype,
} from "./om-code-lists.js";
import type { OmSink, ZaakRow } from "./om-rows.js";
import { SeededRandom, WeightedChoice } from "./random.js";
import { SuspectPool } from "./suspect-pool.js";
import { type DefectContext, workingSecond, type ZaakDefectKind, type ZaakDraft, zaakDefects } from "./zaak-defects.js";

export interface OmGeneratorOptions {
  zaken: number;
  seed: number;
  /** Reference date, YYYY-MM-DD: no clean date lies after it. */
  asOf: string;
  rates: DefectRates;
}

const SECONDS_PER_DAY = 86_400;
/** Cases come in during the five years before the reference date. */
const WINDOW_DAYS = 5 * 365;
/** An open case changed less than this many days ago is not stale (stale means more than a year). */
const RECENT_DAYS = 300;
const STALE_DAYS = 400;
/** The share of clean cases without the optional pleegdatum, the same in every arrondissement. */
const BASE_MISSING_PLEEGDATUM = 0.02;
const REMARK_SHARE = 0.08;
const ZAAK_IN_HOME_ARRONDISSEMENT = 0.8;
/** Median days from registration to decision, per decision: a dagvaarding takes longest. */
const LEAD_MEDIAN: Record<Afdoening, number> = {
  dagvaarding: 150,
  "OM-strafbeschikking": 45,
  transactie: 60,
  voorwaardelijk_sepot: 70,
  beleidssepot: 50,
  technisch_sepot: 35,
  voeging_ad_informandum: 110,
};

const byInwoners = new WeightedChoice(arrondissementen.map((a) => [a, a.inwoners] as const));
const anyFeit = new WeightedChoice(feiten.map((f) => [f, f.gewicht] as const));
const afdoeningOfType: Record<Zaaktype, WeightedChoice<Afdoening>> = {
  misdrijf: new WeightedChoice(afdoeningWeights.misdrijf),
  overtreding: new WeightedChoice(afdoeningWeights.overtreding),
};
const byBron = new WeightedChoice(bronWeights);

/**
 * Makes the OM-style tables row by row, in a fixed order, into a sink. Memory stays the same
 * whatever the number of cases: nothing is kept per case or per suspect.
 */
export class OmGenerator {
  private readonly random: SeededRandom;
  private readonly calendar: Calendar;
  private readonly suspects: SuspectPool;
  private readonly zaakDraw: DefectDraw<ZaakDefectKind>;
  private readonly offences: FeitMaker;
  private readonly context: DefectContext;
  private readonly gap: { naam: string; rate: number } | undefined;
  private readonly sequences = new Map<string, number>();
  private count = 0;
  private gapRows = 0;

  constructor(
    private readonly options: OmGeneratorOptions,
    private readonly sink: OmSink,
  ) {
    this.random = new SeededRandom(options.seed);
    this.calendar = new Calendar(options.asOf);
    this.suspects = new SuspectPool(options.seed, this.calendar.asOfYear, this.random, options.rates, sink);
    this.zaakDraw = new DefectDraw("zaken", options.rates, ["group_completeness_gap"]);
    this.offences = new FeitMaker(this.random, this.calendar.asOf, options.rates, sink);
    this.context = {
      random: this.random,
      asOf: this.calendar.asOf,
      lastDay: this.calendar.lastDay,
      yearOf: (day) => this.calendar.yearOf(day),
      suspects: this.suspects,
    };
    const gapRate = options.rates.group_completeness_gap;
    const chosen = SeededRandom.forItem(options.seed, 3, 0).pick(arrondissementen);
    this.gap = gapRate > 0 ? { naam: chosen.naam, rate: gapRate } : undefined;
  }

  /** True when every case is made. */
  get done(): boolean {
    return this.count >= this.options.zaken;
  }

  /** How many cases are made so far. */
  get made(): number {
    return this.count;
  }

  /** Makes up to `count` more cases with their suspects and offences; at the end, the group gap's truth. */
  next(count: number): void {
    const until = Math.min(this.options.zaken, this.count + count);
    while (this.count < until) this.zaak(++this.count);
    if (this.done && this.gap && this.gapRows > 0) {
      this.sink.truth({ kind: "group_completeness_gap", table_name: "zaken", row_key: this.gap.naam });
      this.gapRows = 0;
    }
  }

  private zaak(n: number): void {
    const random = this.random;
    const kind = this.zaakDraw.draw(random);
    const suspect = kind === "orphan_reference" || kind === "implausible_age" ? undefined : this.suspects.pick();
    const arrondissement =
      suspect && random.chance(ZAAK_IN_HOME_ARRONDISSEMENT) ? suspect.home : byInwoners.draw(random);
    const first = anyFeit.draw(random);
    const zaaktype = first.zaaktype;
    const afdoening = afdoeningOfType[zaaktype].draw(random);
    const lastDay = this.calendar.lastDay;

    const instroom =
      kind === "stale_open_case" ? lastDay - random.int(STALE_DAYS, WINDOW_DAYS) : this.registrationDay();
    const pleeg = instroom - random.lognormalDays(12, 1.4, 700);
    const lead = random.lognormalDays(LEAD_MEDIAN[afdoening], 1.0, 1800);
    const forced = kind === "decision_before_registration" || kind === "status_without_decision";
    const afgedaan = kind !== "stale_open_case" && (forced || instroom + lead <= lastDay);
    const afdoeningsdatum = afgedaan ? Math.min(instroom + lead, lastDay) : null;
    const year = this.calendar.yearOf(instroom);
    const sequence = this.nextSequence(arrondissement.parketcode, year);
    const row: ZaakRow = {
      zaak_id: zaakId(n),
      parketnummer: `${arrondissement.parketcode}/${sequence}-${String(year % 100).padStart(2, "0")}`,
      arrondissement: arrondissement.naam,
      parketcode: arrondissement.parketcode,
      verdachte_id: suspect?.id ?? "",
      pleegdatum: pleeg,
      instroomdatum: instroom,
      afdoeningsdatum,
      zaaktype,
      status: afgedaan ? "afgedaan" : this.openStatus(instroom),
      afdoening: afgedaan ? afdoening : null,
      bron: byBron.draw(random),
      laatst_gewijzigd: this.lastChanged(instroom, afdoeningsdatum, kind === "stale_open_case"),
      opmerking: random.chance(REMARK_SHARE) ? random.pick(opmerkingen) : null,
    };
    const draft: ZaakDraft = { row, arrondissement, sequence, year };
    if (kind === null) this.dropPleegdatum(row);
    else zaakDefects[kind](draft, this.context);

    this.sink.zaak(row);
    if (kind === "duplicate_key") this.sink.zaak(row);
    if (kind !== null) {
      for (let i = kind === "duplicate_key" ? 2 : 1; i > 0; i--) {
        this.sink.truth({ kind, table_name: "zaken", row_key: row.zaak_id });
      }
    }
    this.offences.make(row.zaak_id, first, pleeg, instroom);
  }

  /** A registration day in the window, with fewer cases in summer and at weekends. */
  private registrationDay(): number {
    for (;;) {
      const day = this.calendar.lastDay - this.random.int(0, WINDOW_DAYS);
      if (this.random.next() < this.calendar.registrationWeight(day)) return day;
    }
  }

  private openStatus(instroom: number): string {
    return this.calendar.lastDay - instroom < 45 && this.random.chance(0.7) ? "ingeschreven" : "in_behandeling";
  }

  /** Seconds since 1970: soon after the decision, or for an open case within the last months (stale: long ago). */
  private lastChanged(instroom: number, afdoeningsdatum: number | null, stale: boolean): number {
    const lastDay = this.calendar.lastDay;
    const random = this.random;
    let day: number;
    if (stale) day = random.int(instroom, lastDay - STALE_DAYS);
    else if (afdoeningsdatum !== null) day = Math.min(afdoeningsdatum + random.int(0, 2), lastDay);
    else day = random.int(Math.max(instroom, lastDay - RECENT_DAYS), lastDay);
    return day * SECONDS_PER_DAY + workingSecond(random);
  }

  /** The optional pleegdatum is missing now and then everywhere, and far more often in the gap's arrondissement. */
  private dropPleegdatum(row: ZaakRow): void {
    if (this.gap && row.arrondissement === this.gap.naam && this.random.chance(this.gap.rate)) {
      row.pleegdatum = null;
      this.gapRows++;
    } else if (this.random.chance(BASE_MISSING_PLEEGDATUM)) {
      row.pleegdatum = null;
    }
  }

  /** The next six-digit sequence number of a parket in a year (it wraps after 999999). */
  private nextSequence(parketcode: string, year: number): string {
    const key = `${parketcode}-${year}`;
    const next = ((this.sequences.get(key) ?? 0) % 999_999) + 1;
    this.sequences.set(key, next);
    return String(next).padStart(6, "0");
  }
}

function zaakId(n: number): string {
  return `Z${String(n).padStart(9, "0")}`;
}
