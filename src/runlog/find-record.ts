import { LivingLabError } from "../errors/problem.js";
import type { LogRecord } from "./log-record-schema.js";
import type { RunRecord } from "./run-record-schema.js";

/** Finds a record by its number in the log, its id, or a unique start of its id (8 characters or more). */
export function findRecord(records: readonly LogRecord[], ref: string): LogRecord {
  const bySeq = /^\d+$/.test(ref) ? records.find((r) => r.seq === Number(ref)) : undefined;
  const byId = records.filter((r) => r.id === ref || (ref.length >= 8 && r.id.startsWith(ref)));
  // A run has two records with one id; its end record stands for it.
  const ids = new Set(byId.map((r) => r.id));
  const found = bySeq ?? (ids.size === 1 ? (byId.find((r) => r.type === "run") ?? byId.at(-1)) : undefined);
  if (!found) {
    throw new LivingLabError({
      code: "record_not_found",
      message: ids.size > 1 ? `'${ref}' past bij meer dan één record.` : `Er is geen record '${ref}' in dit logboek.`,
      hint: "Zoek het nummer of id op met 'livinglab log <experiment>'.",
    });
  }
  return found;
}

export function findRun(records: readonly LogRecord[], ref: string): RunRecord {
  const found = findRecord(records, ref);
  if (!isRun(found)) {
    throw new LivingLabError({
      code: "run_not_finished",
      message: `Record '${ref}' is geen afgeronde run.`,
      hint: "Kies een run die klaar is; 'livinglab log <experiment>' toont welke.",
    });
  }
  return found;
}

export function isRun(record: LogRecord): record is RunRecord {
  return record.type === "run";
}
