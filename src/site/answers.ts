import type { Experiment } from "../experiments/experiment-schema.js";
import { escapeHtml, userText } from "../report/html.js";
import type { Question } from "../templates/template-schema.js";

/** The opdrachtgever as the experiment names them, or a plain "niet ingevuld". */
export function opdrachtgeverOf(experiment: Experiment): string {
  const value = experiment.userstory.opdrachtgever;
  return typeof value === "string" ? value : "niet ingevuld";
}

/** A list answer (such as success criteria) as strings; other shapes give an empty list. */
export function listAnswer(section: Record<string, unknown>, id: string): string[] {
  const value = section[id];
  return Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
}

export interface AnswerOptions {
  /** For a table answer: a link (already relative and escaped) for a row, such as a dataset's datasheet. */
  rowLink?: (row: Record<string, unknown>) => { href: string; label: string } | undefined;
}

/** One answer as HTML, whatever its question type; every piece of user text escaped and masked. */
export function renderAnswer(question: Question, value: unknown, options: AnswerOptions = {}): string {
  if (value === undefined || value === null) return `<span class="lab-muted">Niet ingevuld</span>`;
  if (typeof value === "boolean") return value ? "Ja" : "Nee";
  if (Array.isArray(value) && question.type === "table") return renderTableAnswer(question, value, options);
  if (Array.isArray(value))
    return `<ul class="lab-list">${value.map((v) => `<li>${choiceText(question, v)}</li>`).join("")}</ul>`;
  return choiceText(question, value);
}

function choiceText(question: Question, value: unknown): string {
  const text = String(value);
  const isOption = question.options?.includes(text) ?? false;
  return userText(isOption ? text.replaceAll("_", " ") : text);
}

/**
 * A table answer as one small card per row: label and value one under the other, so that no
 * column is squeezed to a letter per line on a phone or on A4, whatever the number of columns.
 */
function renderTableAnswer(question: Question, rows: readonly unknown[], options: AnswerOptions): string {
  const columns = question.columns ?? [];
  const cards = rows.map((row) => {
    const record = row !== null && typeof row === "object" ? (row as Record<string, unknown>) : {};
    const items = columns
      .filter((c) => record[c.id] !== undefined)
      .map((c) => `<dt>${escapeHtml(c.label)}</dt><dd>${renderAnswer(c, record[c.id])}</dd>`);
    const link = options.rowLink?.(record);
    const linked = link ? `<a href="${link.href}">${escapeHtml(link.label)}</a>` : "";
    return `<li class="lab-record"><dl class="lab-record__facts">${items.join("")}</dl>${linked}</li>`;
  });
  return `<ul class="lab-records">${cards.join("\n")}</ul>`;
}
