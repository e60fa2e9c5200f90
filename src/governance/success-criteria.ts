import type { RunRecord } from "../runlog/run-record-schema.js";
import { checksAgainstMargins, type Margin } from "./margins.js";

/** The measures a success criterion can name; the tool measures each itself. */
export const criterionMeasures = ["controles_binnen_marge", "examen_recall", "examen_precisie"] as const;
export type CriterionMeasure = (typeof criterionMeasures)[number];

/** A success criterion stated in advance (`evaluatie.succesmaten`), compared with what the tool measured. */
export interface CriterionResult {
  measure: string;
  /** The least acceptable value, as a percentage. */
  atLeast: number;
  /** What was measured, as a percentage; null when not yet measured. */
  measured: number | null;
  met: boolean | null;
  /** The run measured, when there is one. */
  run?: string;
}

const measureWords: Record<CriterionMeasure, string> = {
  controles_binnen_marge: "controles binnen hun foutmarge",
  examen_recall: "gevonden fouten bij het examen (laagste recall)",
  examen_precisie: "terechte meldingen bij het examen (laagste precisie)",
};

/** A measure in words, for pages and the command line. */
export function criterionText(measure: string): string {
  return measureWords[measure as CriterionMeasure] ?? measure;
}

/**
 * The experiment's measurable success criteria against the latest runs: the share of checks
 * within their margin (latest run of its suite) and the exam's lowest recall and precision
 * (latest `evaluate` of its suite).
 */
export function compareCriteria(
  evaluatie: Record<string, unknown>,
  latest: Latest,
  margins: readonly Margin[],
): CriterionResult[] {
  const rows = evaluatie.succesmaten;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row: unknown) => {
    if (row === null || typeof row !== "object") return [];
    const { maat, minimaal } = row as Record<string, unknown>;
    if (typeof maat !== "string" || typeof minimaal !== "number") return [];
    const { value, run } = measured(maat, latest, margins);
    return [
      {
        measure: maat,
        atLeast: minimaal,
        measured: value,
        met: value === null ? null : value >= minimaal,
        ...(run && { run }),
      },
    ];
  });
}

type Latest = { check?: RunRecord; exam?: RunRecord };
type Measurement = { value: number | null; run?: string };

/** How the tool measures each criterion; exhaustive, so a new measure needs a way to measure it. */
const measurers: Record<CriterionMeasure, (latest: Latest, margins: readonly Margin[]) => Measurement> = {
  controles_binnen_marge: (latest, margins) => {
    const checks = latest.check?.checks;
    if (!latest.check || !checks) return { value: null };
    const judged = checksAgainstMargins(checks, margins).filter((c) => c.within !== null);
    if (judged.length === 0) return { value: null, run: latest.check.id };
    return { value: (100 * judged.filter((c) => c.within).length) / judged.length, run: latest.check.id };
  },
  examen_recall: (latest) => lowestExamScore(latest.exam, ".recall"),
  examen_precisie: (latest) => lowestExamScore(latest.exam, ".precision"),
};

function measured(measure: string, latest: Latest, margins: readonly Margin[]): Measurement {
  const measurer = measurers[measure as CriterionMeasure];
  return measurer ? measurer(latest, margins) : { value: null };
}

/** The exam's lowest score of one kind over all defect kinds, as a percentage. */
function lowestExamScore(exam: RunRecord | undefined, suffix: string): Measurement {
  if (!exam) return { value: null };
  const values = Object.entries(exam.metrics)
    .filter(([name, v]) => name.endsWith(suffix) && v !== null)
    .map(([, v]) => v as number);
  return { value: values.length === 0 ? null : 100 * Math.min(...values), run: exam.id };
}
