import type { Experiment } from "../experiments/experiment-schema.js";
import { escapeHtml, userText } from "../report/html.js";
import type { Question } from "../templates/template-schema.js";

/** The user story as one sentence: "Als ... wil ik ... zodat ...". */
export function userStorySentence(experiment: Experiment): string {
  const { als, wil_ik, zodat } = experiment.userstory;
  return [als, wil_ik, zodat]
    .filter((part): part is string => typeof part === "string")
    .map((part) => part.trim().replace(/[.,;]+$/, ""))
    .join(", ")
    .concat(".");
}

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

/** One answer as HTML, whatever its question type; every piece of user text escaped and masked. */
export function renderAnswer(question: Question, value: unknown): string {
  if (value === undefined || value === null) return `<span class="lab-muted">Niet ingevuld</span>`;
  if (typeof value === "boolean") return value ? "Ja" : "Nee";
  if (Array.isArray(value) && question.type === "table") return renderTableAnswer(question, value);
  if (Array.isArray(value))
    return `<ul class="lab-list">${value.map((v) => `<li>${choiceText(question, v)}</li>`).join("")}</ul>`;
  return choiceText(question, value);
}

function choiceText(question: Question, value: unknown): string {
  const text = String(value);
  const isOption = question.options?.includes(text) ?? false;
  return userText(isOption ? text.replaceAll("_", " ") : text);
}

function renderTableAnswer(question: Question, rows: readonly unknown[]): string {
  const columns = question.columns ?? [];
  const body = rows.map((row) => {
    const record = row !== null && typeof row === "object" ? (row as Record<string, unknown>) : {};
    return `<tr>${columns.map((c) => `<td>${renderAnswer(c, record[c.id])}</td>`).join("")}</tr>`;
  });
  return `<div class="lab-table-wrap"><table class="utrecht-table utrecht-table--html-table lab-table">
<thead class="utrecht-table__header"><tr>${columns.map((c) => `<th scope="col" class="utrecht-table__header-cell">${escapeHtml(c.label)}</th>`).join("")}</tr></thead>
<tbody>${body.join("\n")}</tbody></table></div>`;
}
