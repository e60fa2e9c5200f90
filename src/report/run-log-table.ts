import { type LogOverviewRow, outcomeWords, readLogOverview, shorten } from "../runlog/log-overview.js";
import { runLogPath } from "../runlog/run-log.js";
import { escapeHtml } from "./html.js";

/**
 * The log as an HTML table (when, who, what, outcome, justification shortened), for notebooks and pages.
 * @example tslab.display.html(renderRunLogTable(logOverview(await readLogRecords(runLogPath(om.dir)))));
 */
export function renderRunLogTable(rows: readonly LogOverviewRow[], options: { maxText?: number } = {}): string {
  const body = rows
    .map(
      (r) =>
        `<tr class="outcome-${escapeHtml(r.outcome)}"><td>${r.seq}</td><td>${escapeHtml(formatWhen(r.at))}</td><td>${escapeHtml(r.who)}</td><td>${escapeHtml(r.what)}</td><td>${escapeHtml(outcomeWords[r.outcome] ?? r.outcome)}</td><td title="${escapeHtml(r.text)}">${escapeHtml(shorten(r.text, options.maxText ?? 80))}${r.corrections > 0 ? ` <em>(${r.corrections} correctie${r.corrections === 1 ? "" : "s"})</em>` : ""}</td><td><code>${escapeHtml(r.id.slice(0, 8))}</code></td></tr>`,
    )
    .join("\n");
  return `<table class="runlog">
<thead><tr><th>nr</th><th>wanneer</th><th>wie</th><th>wat</th><th>uitkomst</th><th>verantwoording of toelichting</th><th>id</th></tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}

/**
 * An experiment's log as an HTML table, read from its folder: for a notebook in one line.
 * @example tslab.display.html(await renderRunLog(om.dir));
 */
export async function renderRunLog(experimentDir: string): Promise<string> {
  return renderRunLogTable((await readLogOverview(runLogPath(experimentDir))).rows);
}

/** One formatter for every moment: making one per call costs more than the formatting itself. */
const WHEN = new Intl.DateTimeFormat("nl-NL", {
  timeZone: "Europe/Amsterdam",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** A moment as Dutch readers write it, in the Amsterdam time zone: 25-11-2026 14:03. */
export function formatWhen(iso: string): string {
  return WHEN.format(new Date(iso));
}
