import type { LogRecord } from "./log-record-schema.js";
import { logRecordLabels } from "./log-record-schema.js";

/** One row of a log as people read it: a run (its start and end together) or a governance event. */
export interface LogOverviewRow {
  seq: number;
  id: string;
  type: LogRecord["type"];
  /** When it started (a run) or happened (an event). */
  at: string;
  who: string;
  /** The analysis of a run, or the kind of event in Dutch. */
  what: string;
  /** The outcome code of a run (`unfinished` when it has no end record), or the event's verdict. */
  outcome: string;
  /** The justification of a run, or the text of an event. */
  text: string;
  /** How many later corrections refer to it. */
  corrections: number;
}

/**
 * Turns a log's records into rows: a run's start and end become one row, a start without an
 * end shows as `unfinished`; governance events get a row each.
 * @example const rows = logOverview(await readLogRecords(runLogPath(om.dir)));
 */
export function logOverview(records: readonly LogRecord[]): LogOverviewRow[] {
  const ended = new Map(records.flatMap((r) => (r.type === "run" ? [[r.id, r] as const] : [])));
  const started = new Set(records.filter((r) => r.type === "run_started").map((r) => r.id));
  const corrections = new Map<string, number>();
  for (const r of records) {
    if (r.type === "correction") corrections.set(r.refers_to.id, (corrections.get(r.refers_to.id) ?? 0) + 1);
  }
  const rows: LogOverviewRow[] = [];
  for (const r of records) {
    // A finished run is shown at its start; a schema 1 run (no start record) at its end.
    if (r.type === "run" && started.has(r.id)) continue;
    const base = {
      seq: r.seq,
      id: r.id,
      type: r.type,
      at: r.at,
      // The e-mail address stays in the record; a table needs only the name.
      who: r.who.name.replace(/\s*<[^>]*>/, ""),
      corrections: corrections.get(r.id) ?? 0,
    };
    rows.push({ ...base, ...describe(r, ended.get(r.id)?.outcome) });
  }
  return rows;
}

function describe(r: LogRecord, endOutcome: string | undefined): { what: string; outcome: string; text: string } {
  switch (r.type) {
    case "run_started":
      return { what: r.analysis.name, outcome: endOutcome ?? "unfinished", text: justificationText(r) };
    case "run":
      return { what: r.analysis.name, outcome: r.outcome, text: justificationText(r) };
    case "principle_decided":
      return { what: `${logRecordLabels[r.type]} ${r.principle}`, outcome: r.status, text: r.toelichting };
    case "review_given":
      return { what: logRecordLabels[r.type], outcome: r.verdict, text: r.toelichting };
    case "summary_published":
      return { what: logRecordLabels[r.type], outcome: `aan ${r.aan}`, text: r.file.path };
    case "data_destroyed":
      return { what: logRecordLabels[r.type], outcome: `${r.files.length} bestanden`, text: r.reden };
    case "correction":
      return { what: `${logRecordLabels[r.type]} op ${r.refers_to.seq}`, outcome: "", text: r.correctie };
  }
}

function justificationText(r: { justification: string; justification_reused_from?: string }): string {
  const reused = r.justification_reused_from;
  return reused ? `(hergebruikt van ${reused.slice(0, 8)}) ${r.justification}` : r.justification;
}

/** Dutch words for outcome codes, for tables; unknown codes are shown as they are. */
export const outcomeWords: Record<string, string> = {
  passed: "in orde",
  warned: "let op",
  failed: "niet in orde",
  not_evaluated: "niet beoordeeld",
  completed: "voltooid",
  error: "fout",
  unfinished: "onvoltooid",
  voldaan: "voldaan",
  niet_voldaan: "niet voldaan",
  niet_van_toepassing: "niet van toepassing",
  open: "open",
};

/** Shortens text to `max` characters on a word boundary, with an ellipsis. */
export function shorten(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
