import type { InstrumentId } from "../templates/instrument-registry.js";
import { type Question, sectionIds } from "../templates/template-schema.js";
import type { OpenedExperiment } from "./open-experiment.js";

/** One answer as an instrument asks for it: the reference in that instrument, the question and the answer. */
export interface InstrumentAnswer {
  reference: string;
  /** Path of the question, such as `evaluatie.menselijke_tussenkomst` or `data.datasets[].grondslag`. */
  question: string;
  label: string;
  answer: unknown;
}

/**
 * Every answer of an experiment that serves an instrument, in template order: the start of an
 * export to the Algoritmeregister, an IAMA, a DPIA or the Algoritmekader.
 * @example answersForInstrument(await openExperiment(lab, "om-termijnrisico"), "algoritmeregister");
 */
export function answersForInstrument(opened: OpenedExperiment, instrument: InstrumentId): InstrumentAnswer[] {
  const found: InstrumentAnswer[] = [];
  const add = (question: Question, path: string, answer: unknown) => {
    const reference = question.instruments?.[instrument];
    if (reference !== undefined && answer !== undefined)
      found.push({ reference, question: path, label: question.label, answer });
  };
  for (const sectionId of sectionIds) {
    const answers = opened.experiment[sectionId] as Record<string, unknown>;
    for (const question of opened.template.sections[sectionId].questions) {
      const answer = answers[question.id];
      add(question, `${sectionId}.${question.id}`, answer);
      if (question.type !== "table" || !Array.isArray(answer)) continue;
      for (const column of question.columns ?? []) {
        const cells = answer.map((row: Record<string, unknown>) => row[column.id]).filter((v) => v !== undefined);
        add(column, `${sectionId}.${question.id}[].${column.id}`, cells.length > 0 ? cells : undefined);
      }
    }
  }
  return found;
}
