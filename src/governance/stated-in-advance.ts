import { createHash } from "node:crypto";
import { canonicalJson } from "../runlog/record-hash.js";
import type { StatedInAdvance } from "../runlog/run-record-schema.js";
import { type Question, sectionIds, type Template } from "../templates/template-schema.js";

/**
 * The answers the template asks to state before the first run (questions or table columns
 * marked `stated_before_first_run`), keyed `<section>.<question>`; undefined when none is answered.
 * Every run records this, so a later change is seen against the first run.
 * @example statedInAdvance(om.template, om.experiment)?.answers["evaluatie.marges"]
 */
export function statedInAdvance(
  template: Template,
  experiment: Partial<Record<(typeof sectionIds)[number], Record<string, unknown>>>,
): StatedInAdvance | undefined {
  const answers: Record<string, unknown> = {};
  for (const section of sectionIds) {
    for (const question of template.sections[section].questions) {
      const value = stated(question, experiment[section]?.[question.id]);
      if (value !== undefined) answers[`${section}.${question.id}`] = value;
    }
  }
  if (Object.keys(answers).length === 0) return undefined;
  return { sha256: createHash("sha256").update(canonicalJson(answers)).digest("hex"), answers };
}

/** The part of an answer stated in advance: all of it, or for a table only its marked columns. */
function stated(question: Question, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (question.stated_before_first_run) return value;
  const columns = (question.columns ?? []).filter((c) => c.stated_before_first_run).map((c) => c.id);
  if (columns.length === 0 || !Array.isArray(value)) return undefined;
  return value.map((row: unknown) =>
    Object.fromEntries(
      columns.flatMap((id) => {
        const cell = row !== null && typeof row === "object" ? (row as Record<string, unknown>)[id] : undefined;
        return cell === undefined ? [] : [[id, cell]];
      }),
    ),
  );
}
