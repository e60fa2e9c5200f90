import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendRecord, type LogRecord } from "../../src/index.js";

export const EXPERIMENT = { id: "proef", template: "datakwaliteit@1.0.0", file_sha256: "a".repeat(64) };

/** A fresh log of `count` records (decisions, the smallest kind), in a temporary folder. */
export async function makeLog(count: number, folder?: string): Promise<{ file: string; records: LogRecord[] }> {
  const dir = folder ?? (await mkdtemp(join(tmpdir(), "livinglab-log-")));
  await mkdir(dir, { recursive: true });
  const file = join(dir, "runlog.jsonl");
  const records: LogRecord[] = [];
  for (let i = 0; i < count; i++) records.push(await appendRecord(file, decision(i)));
  return { file, records };
}

export function decision(i: number) {
  return {
    type: "principle_decided" as const,
    id: `besluit-${i}`,
    at: new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString(),
    who: { name: "Analist A", source: "env" as const },
    experiment: EXPERIMENT,
    principle: "doel",
    status: "voldaan" as const,
    toelichting: `Besluit nummer ${i}.`,
  };
}
