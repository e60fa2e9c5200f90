import { type DuckDBType, DuckDBTypeId } from "@duckdb/node-api";
import type { DataFrame, Series } from "danfojs-node";
import { LivingLabError } from "../errors/problem.js";
import { CODE_LIST_LIMIT } from "../profile/profile-dataset.js";
import { escapeHtml, formatCount, formatFailingShare, isSuppressed, MIN_CELL_SIZE, userText } from "../report/html.js";
import { columnArraysOf, columnNamesOf } from "./column-names.js";
import { isMissing } from "./column-type-of-values.js";
import { sortOf } from "./column-types.js";
import { type FrameRoles, frameInfo, type PublishedColumn, unknownColumns } from "./frame-info.js";

export interface RenderFrameOptions extends FrameRoles {
  /** How many rows to show (default 10); the rest is counted below the table. */
  rows?: number;
  /** Counts below this are shown as "< 5" (default 5). */
  minCellSize?: number;
}

/** How one column is shown. */
type Display = "key" | "published" | "count" | "revealing" | "text" | "value";

const MS_PER_DAY = 86_400_000;
const numberFormat = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 6, useGrouping: false });

/**
 * A DataFrame (or Series) as an HTML table that may be saved and shown to others: at most `rows`
 * rows, keys as they are, counts below 5 as "< 5" and what gives them away (a share, sample keys)
 * hidden, personal data in text masked, and free text (not a key, not a code list, not in `show`) left out.
 * @example tslab.display.html(renderFrame(zaken, { rows: 5 }));
 */
export function renderFrame(frame: DataFrame | Series, options: RenderFrameOptions = {}): string {
  const names = frame.ndim === 1 ? (frame.columns as string[]) : columnNamesOf(frame as DataFrame);
  const problems = unknownColumns(names, options);
  if (problems.length > 0) throw new LivingLabError(problems);
  const info = frameInfo(frame as DataFrame);
  const roles = mergeRoles(info, options);
  const arrays = frame.ndim === 1 ? [frame.values as unknown[]] : columnArraysOf(frame as DataFrame);
  const columns: ShownColumn[] = names.map((name, i) => {
    const values = arrays[i] ?? [];
    return { name, values, type: info?.types[name], display: displayOf(name, values, roles) };
  });
  const visible = columns.filter((c) => c.display !== null);
  const total = frame.shape[0] as number;
  const index = (frame.index as unknown[]).slice(0, Math.max(0, Math.min(options.rows ?? 10, total)));
  const context = { columns, roles, minCellSize: options.minCellSize ?? MIN_CELL_SIZE };
  const head = visible.map(
    (c) => `<th scope="col"${c.type ? ` title="${escapeHtml(c.type.toString())}"` : ""}>${escapeHtml(c.name)}</th>`,
  );
  const body = index.map(
    (label, row) =>
      `<tr><th scope="row">${userText(String(label))}</th>${visible.map((c) => cellOf(c, row, context)).join("")}</tr>`,
  );
  const hidden = columns.filter((c) => c.display === null).map((c) => c.name);
  return `<div class="livinglab-frame">
<table>
<thead><tr><th></th>${head.join("")}</tr></thead>
<tbody>
${body.join("\n")}
</tbody>
</table>
<p>${escapeHtml(noteOf(index.length, total, names.length, hidden))}</p>
</div>`;
}

interface ShownColumn {
  name: string;
  values: readonly unknown[];
  type: DuckDBType | undefined;
  display: Display | null;
}

/** One cell by the output rules: small counts suppressed, what reveals them hidden, text masked and escaped. */
function cellOf(
  column: ShownColumn,
  row: number,
  context: { columns: readonly ShownColumn[]; roles: Roles; minCellSize: number },
): string {
  const value = column.values[row];
  if (isMissing(value)) return `<td class="leeg"><em>leeg</em></td>`;
  const published = context.roles.published[column.name];
  if (published) {
    const fields = Object.fromEntries(published.from.map((name) => [name, valueAt(context.columns, name, row)]));
    return `<td>${userText(published.text(fields))}</td>`;
  }
  if (column.display === "count")
    return `<td class="getal">${escapeHtml(formatCount(Number(value), context.minCellSize))}</td>`;
  if (column.display === "revealing") {
    const count = valueAt(context.columns, context.roles.revealsCount[column.name] ?? "", row);
    if (isSuppressed(Number(count), context.minCellSize))
      return typeof value === "number"
        ? `<td class="getal">${escapeHtml(formatFailingShare(Number(count), Number(value), context.minCellSize))}</td>`
        : `<td class="leeg">niet getoond: minder dan ${context.minCellSize} rijen</td>`;
  }
  return `<td${typeof value === "number" ? ' class="getal"' : ""}>${userText(formatValue(value, column.type))}</td>`;
}

type Roles = ReturnType<typeof mergeRoles>;

function valueAt(columns: readonly ShownColumn[], name: string, row: number): unknown {
  return columns.find((c) => c.name === name)?.values[row];
}

function mergeRoles(info: FrameRoles | undefined, options: FrameRoles) {
  return {
    key: new Set([...(info?.key ?? []), ...(options.key ?? [])]),
    counts: new Set([...(info?.counts ?? []), ...(options.counts ?? [])]),
    revealsCount: { ...info?.revealsCount, ...options.revealsCount } as Record<string, string>,
    show: new Set([...(info?.show ?? []), ...(options.show ?? [])]),
    published: { ...info?.published, ...options.published } as Record<string, PublishedColumn>,
  };
}

/** How a column is shown, or null when it is free text that stays out of the table. */
function displayOf(name: string, values: readonly unknown[], roles: Roles): Display | null {
  if (roles.key.has(name)) return "key";
  if (name in roles.published) return "published";
  if (roles.counts.has(name)) return "count";
  if (name in roles.revealsCount) return "revealing";
  if (!values.some((v) => sortOf(v) === "text")) return "value";
  return roles.show.has(name) || isCodeList(values) ? "text" : null;
}

/**
 * A code list: few distinct values (as in a profile), each used at least twice on average.
 * Free text has many distinct values, and in a small frame a text seldom repeats.
 */
function isCodeList(values: readonly unknown[]): boolean {
  const seen = new Set<unknown>();
  let present = 0;
  for (const value of values) {
    if (isMissing(value)) continue;
    present++;
    seen.add(value);
    if (seen.size > CODE_LIST_LIMIT) return false;
  }
  return seen.size * 2 <= present;
}

/** A value as readers of a Dutch table expect it: decimal comma, ISO dates, ja/nee. */
function formatValue(value: unknown, type: DuckDBType | undefined): string {
  if (typeof value === "number") return numberFormat.format(value);
  if (typeof value === "boolean") return value ? "ja" : "nee";
  if (value instanceof Date) return formatDate(value, type);
  return String(value);
}

function formatDate(value: Date, type: DuckDBType | undefined): string {
  const iso = value.toISOString();
  const dateOnly = type ? type.typeId === DuckDBTypeId.DATE : value.getTime() % MS_PER_DAY === 0;
  if (dateOnly) return iso.slice(0, 10);
  if (type?.typeId === DuckDBTypeId.TIMESTAMP_TZ)
    return value.toLocaleString("nl-NL", { timeZone: "Europe/Amsterdam", dateStyle: "short", timeStyle: "medium" });
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

function noteOf(shown: number, total: number, columns: number, hidden: readonly string[]): string {
  const rows = `${shown.toLocaleString("nl-NL")} van ${total.toLocaleString("nl-NL")} rijen getoond, ${columns} kolommen.`;
  if (hidden.length === 0) return rows;
  return `${rows} Niet getoond, want vrije tekst: ${hidden.join(", ")}. Noem een kolom bij 'show' om hem toch te tonen (persoonsgegevens blijven verborgen).`;
}
