const MS_PER_DAY = 86_400_000;

/** Relative volume of new cases per month (January first): fewer in summer and around Christmas. */
const MONTH_WEIGHTS = [1.0, 0.97, 1.06, 1.0, 1.04, 0.96, 0.84, 0.8, 1.02, 1.06, 1.05, 0.86];
/** Relative volume of registrations per weekday (Sunday first): the OM registers on working days. */
const WEEKDAY_WEIGHTS = [0.08, 1.0, 1.0, 1.0, 1.0, 0.92, 0.12];

/** Day numbers (days since 1970-01-01, UTC) around a reference date, with fast lookups. */
export class Calendar {
  /** The reference date (`--as-of`) as a day number. */
  readonly asOf: number;
  readonly asOfYear: number;

  constructor(asOf: string) {
    this.asOf = dayFromIso(asOf);
    this.asOfYear = yearOfDay(this.asOf);
  }

  /** The year of a day number. */
  yearOf(day: number): number {
    return yearOfDay(day);
  }

  /** How likely a case is registered on this day, relative to the busiest day (0..1]. */
  registrationWeight(day: number): number {
    const date = new Date(day * MS_PER_DAY);
    return ((MONTH_WEIGHTS[date.getUTCMonth()] ?? 1) * (WEEKDAY_WEIGHTS[date.getUTCDay()] ?? 1)) / 1.06;
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
