const MS_PER_DAY = 86_400_000;

/** Relative volume of new cases per month (January first): fewer in summer and around Christmas. */
const MONTH_WEIGHTS = [1.0, 0.97, 1.06, 1.0, 1.04, 0.96, 0.84, 0.8, 1.02, 1.06, 1.05, 0.86];
/** Relative volume of registrations per weekday (Sunday first): the OM registers on working days. */
const WEEKDAY_WEIGHTS = [0.08, 1.0, 1.0, 1.0, 1.0, 0.92, 0.12];

/** Days before and after the reference date for which lookups are precomputed. */
const BEFORE = 10 * 366;
const AFTER = 2 * 366;

/** Day numbers (days since 1970-01-01, UTC) around a reference date, with fast lookups. */
export class Calendar {
  /** The reference date (`--as-of`) as a day number. */
  readonly asOf: number;
  readonly asOfYear: number;
  /**
   * The last day of clean data: the day before the reference date, as if the extract were
   * made at its first moment. No clean date or timestamp is on or after the reference date,
   * so a check that compares timestamps with it, or uses >=, finds nothing in clean data.
   */
  readonly lastDay: number;
  private readonly years = new Int16Array(BEFORE + AFTER + 1);
  private readonly weights = new Float64Array(BEFORE + AFTER + 1);

  constructor(asOf: string) {
    this.asOf = dayFromIso(asOf);
    this.asOfYear = yearOfDay(this.asOf);
    this.lastDay = this.asOf - 1;
    for (let i = 0; i < this.years.length; i++) {
      const date = new Date((this.asOf - BEFORE + i) * MS_PER_DAY);
      this.years[i] = date.getUTCFullYear();
      this.weights[i] = ((MONTH_WEIGHTS[date.getUTCMonth()] ?? 1) * (WEEKDAY_WEIGHTS[date.getUTCDay()] ?? 1)) / 1.06;
    }
  }

  /** The year of a day number. */
  yearOf(day: number): number {
    const i = day - this.asOf + BEFORE;
    return i >= 0 && i < this.years.length ? (this.years[i] ?? 0) : yearOfDay(day);
  }

  /** How likely a case is registered on this day, relative to the busiest day (0..1]. */
  registrationWeight(day: number): number {
    const i = day - this.asOf + BEFORE;
    return i >= 0 && i < this.weights.length ? (this.weights[i] ?? 0) : 0;
  }
}

/** `2026-06-30` as a day number. */
export function dayFromIso(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

/** A day number as `2026-06-30`. */
export function isoFromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}
