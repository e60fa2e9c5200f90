import { LivingLabError } from "../errors/problem.js";
import { readLogLinesBackward } from "./log-lines.js";
import type { LogRecord } from "./log-record-schema.js";
import { logRecordLabels } from "./log-record-schema.js";
import { parseLogLine } from "./parse-log-line.js";
import { streamLogRecords } from "./run-log.js";

export { outcomeWords } from "./outcome-words.js";

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
export function logOverview(records: Iterable<LogRecord>): LogOverviewRow[] {
  const builder = new LogOverviewBuilder();
  for (const record of records) builder.add(record);
  return builder.rows();
}

/** One page of a log's overview: its newest rows, and whether older rows exist. */
export interface LogOverviewPage {
  rows: LogOverviewRow[];
  /** Rows before the first one shown. */
  earlier: boolean;
  /** The number of the log's last record: how many records it holds. */
  records: number;
}

/**
 * The newest `last` rows of a log (all without `last`). A page is read from the end of the file
 * back to its first row, and no further: the records after a row hold everything it shows (its
 * run's end, corrections that refer to it), so a page costs the same on a log of any length.
 * @example const { rows, earlier } = await readLogOverview(runLogPath(om.dir), { last: 50 });
 */
export async function readLogOverview(file: string, options: { last?: number } = {}): Promise<LogOverviewPage> {
  if (options.last === undefined || !Number.isFinite(options.last)) {
    const builder = new LogOverviewBuilder();
    let records = 0;
    for await (const record of streamLogRecords(file)) {
      builder.add(record);
      records = record.seq;
    }
    return { rows: builder.rows(), earlier: false, records };
  }
  return readNewestRows(file, options.last);
}

async function readNewestRows(file: string, last: number): Promise<LogOverviewPage> {
  const outcomes = new Map<string, string>();
  const corrections = new Map<string, number>();
  const rows: LogOverviewRow[] = [];
  let records = 0;
  try {
    for await (const line of readLogLinesBackward(file)) {
      const { record, invalid } = parseLogLine(line.text, !line.terminated);
      if (!record || invalid) {
        if (!line.terminated) continue; // a torn last line is not a record
        throw corruptLine(file);
      }
      records ||= record.seq;
      if (rows.length === last) return { rows: rows.reverse(), earlier: true, records };
      if (record.type === "correction") {
        corrections.set(record.refers_to.id, (corrections.get(record.refers_to.id) ?? 0) + 1);
      }
      // A run's end belongs to the row of its start (schema 1 runs had no start record).
      if (record.type === "run" && record.schema !== 1) {
        outcomes.set(record.id, record.outcome);
        continue;
      }
      const row = rowOf(record, corrections.get(record.id) ?? 0);
      if (record.type === "run_started") row.outcome = outcomes.get(record.id) ?? "unfinished";
      rows.push(row);
    }
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ENOENT") throw error;
  }
  return { rows: rows.reverse(), earlier: false, records };
}

/** Builds the rows one record at a time, in the order of the log. */
class LogOverviewBuilder {
  private readonly kept: LogOverviewRow[] = [];
  private readonly byId = new Map<string, LogOverviewRow>();

  add(r: LogRecord): void {
    if (r.type === "correction") {
      const target = this.byId.get(r.refers_to.id);
      if (target) target.corrections++;
    }
    // A run's end belongs to the row of its start (schema 1 runs had no start record).
    if (r.type === "run" && r.schema !== 1) {
      const row = this.byId.get(r.id);
      if (row) row.outcome = r.outcome;
      return;
    }
    const row = rowOf(r, 0);
    this.kept.push(row);
    this.byId.set(r.id, row);
  }

  rows(): LogOverviewRow[] {
    return this.kept;
  }
}

function rowOf(r: LogRecord, corrections: number): LogOverviewRow {
  return {
    seq: r.seq,
    id: r.id,
    type: r.type,
    at: r.at,
    // The e-mail address stays in the record; a table needs only the name.
    who: r.who.name.replace(/\s*<[^>]*>/, ""),
    corrections,
    ...describe(r),
  };
}

function corruptLine(file: string): LivingLabError {
  return new LivingLabError({
    code: "run_log_corrupt",
    message: "Een regel aan het eind van het logboek is geen geldig record.",
    hint: "Het logboek mag niet met de hand worden aangepast; controleer het met 'livinglab log verify'.",
    file,
  });
}

function describe(r: LogRecord): { what: string; outcome: string; text: string } {
  switch (r.type) {
    case "run_started":
      return { what: r.analysis.name, outcome: "unfinished", text: justificationText(r) };
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
    case "unsigned_accepted":
      return { what: logRecordLabels[r.type], outcome: `${r.records.length} records`, text: r.toelichting };
  }
}

function justificationText(r: { justification: string; justification_reused_from?: string }): string {
  const reused = r.justification_reused_from;
  return reused ? `(hergebruikt van ${reused.slice(0, 8)}) ${r.justification}` : r.justification;
}

/** Shortens text to `max` characters on a word boundary, with an ellipsis. */
export function shorten(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
