import { createHash, randomUUID } from "node:crypto";
import { open, readFile } from "node:fs/promises";
import { join } from "node:path";
import { LivingLabError } from "../errors/problem.js";
import { GENESIS_HASH, RUN_LOG_SCHEMA_VERSION, type RunRecord, runRecordSchema } from "./run-record-schema.js";

export const RUN_LOG_FILE = "runlog.jsonl";

export type NewRunRecord = Omit<RunRecord, "schema" | "seq" | "prev_hash" | "hash">;

/** A fresh run id, so outputs can name their run before it is appended. */
export function newRunId(): string {
  return randomUUID();
}

/** The path of an experiment's run log. */
export function runLogPath(experimentDir: string): string {
  return join(experimentDir, RUN_LOG_FILE);
}

/** Reads every record of a log; a line that is not a valid record is a user-facing problem. */
export async function readRunLog(file: string): Promise<RunRecord[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line, index) => {
      const parsed = runRecordSchema.safeParse(safeJson(line));
      if (!parsed.success) {
        throw new LivingLabError({
          code: "run_log_corrupt",
          message: `Regel ${index + 1} van het logboek is geen geldig record.`,
          hint: "Het logboek mag niet met de hand worden aangepast; controleer het met 'livinglab log verify'.",
          file,
          line: index + 1,
        });
      }
      return parsed.data;
    });
}

/** Appends a record chained to the previous one and forces it to disk. */
export async function appendRunRecord(file: string, record: NewRunRecord): Promise<RunRecord> {
  const existing = await readRunLog(file);
  const previous = existing.at(-1);
  const unsealed = {
    schema: RUN_LOG_SCHEMA_VERSION,
    seq: (previous?.seq ?? 0) + 1,
    ...record,
    prev_hash: previous?.hash ?? GENESIS_HASH,
  };
  const sealed: RunRecord = { ...unsealed, hash: hashRecord(unsealed) };
  const handle = await open(file, "a");
  try {
    await handle.write(`${JSON.stringify(sealed)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return sealed;
}

/** SHA-256 over the record's canonical JSON (keys sorted), without its own hash. */
export function hashRecord(record: Omit<RunRecord, "hash">): string {
  return createHash("sha256").update(canonicalJson(record)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
