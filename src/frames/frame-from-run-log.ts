import { BIGINT, TIMESTAMPTZ, VARCHAR } from "@duckdb/node-api";
import type { DataFrame } from "danfojs-node";
import { type LogOverviewRow, logOverview } from "../runlog/log-overview.js";
import type { LogRecord } from "../runlog/log-record-schema.js";
import { readLogRecords, runLogPath } from "../runlog/run-log.js";
import { frameFromColumns } from "./frame-from-columns.js";

/**
 * An experiment's run log as a DataFrame, one row per run or event as `livinglab log` shows it:
 * seq, id, type, when, who, what, outcome, text (the justification or note) and corrections.
 * Give the experiment folder, or records already read.
 * @example const logboek = await frameFromRunLog(om.dir);
 */
export async function frameFromRunLog(source: string | readonly LogRecord[]): Promise<DataFrame> {
  const records = typeof source === "string" ? await readLogRecords(runLogPath(source)) : source;
  const rows = logOverview(records);
  const text = (pick: (r: LogOverviewRow) => string) => rows.map(pick);
  return frameFromColumns(
    [
      { name: "seq", type: BIGINT, values: rows.map((r) => r.seq) },
      { name: "id", type: VARCHAR, values: text((r) => r.id) },
      { name: "type", type: VARCHAR, values: text((r) => r.type) },
      { name: "when", type: TIMESTAMPTZ, values: rows.map((r) => new Date(r.at)) },
      { name: "who", type: VARCHAR, values: text((r) => r.who) },
      { name: "what", type: VARCHAR, values: text((r) => r.what) },
      { name: "outcome", type: VARCHAR, values: text((r) => r.outcome) },
      { name: "text", type: VARCHAR, values: text((r) => r.text) },
      { name: "corrections", type: BIGINT, values: rows.map((r) => r.corrections) },
    ],
    { key: ["seq", "id"], show: ["type", "who", "what", "outcome", "text"] },
  );
}
