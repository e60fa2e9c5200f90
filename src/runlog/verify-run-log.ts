import { readFile, stat } from "node:fs/promises";
import { type LogRecord, logRecordSchema } from "./log-record-schema.js";
import { hashRecord } from "./record-hash.js";
import { headPath, tornPath } from "./run-log.js";
import { GENESIS_HASH } from "./run-record-schema.js";

export const findingKinds = ["edited", "removed", "inserted", "reordered", "truncated", "torn"] as const;
export type FindingKind = (typeof findingKinds)[number];

/** Where the chain first breaks, in the user's terms: a line of the file and what happened there. */
export interface ChainFinding {
  kind: FindingKind;
  /** Line of the log file (from 1) where the break shows. */
  line: number;
  seq?: number;
  id?: string;
  /** Dutch, for the CLI and notebooks. */
  message: string;
}

export interface LogVerification {
  file: string;
  /** Complete lines read. */
  records: number;
  intact: boolean;
  /** The first record edited, removed, inserted or reordered, or a torn last line. */
  finding?: ChainFinding;
  /** Things worth knowing that do not break the chain, in Dutch. */
  notes: string[];
}

interface Line {
  record?: LogRecord;
  /** Why the line is not a valid sealed record. */
  invalid?: string;
}

/**
 * Checks a log's hash chain from the first record to the last, and its head anchor.
 * @example const { intact, finding } = await verifyRunLog(runLogPath(om.dir));
 */
export async function verifyRunLog(file: string): Promise<LogVerification> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return { file, records: 0, intact: true, notes: ["Er is nog geen logboek."] };
  const pieces = text.split("\n");
  const torn = pieces.pop() ?? "";
  const lines = pieces.map(readLine);
  const finding =
    findChainBreak(lines) ??
    (torn !== "" ? tornFinding(lines.length + 1, Buffer.byteLength(torn)) : await checkHead(file, lines));
  const notes = await notesFor(file, lines);
  return { file, records: lines.length, intact: finding === undefined, ...(finding && { finding }), notes };
}

function readLine(text: string): Line {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { invalid: "de regel is geen geldige JSON" };
  }
  const parsed = logRecordSchema.safeParse(value);
  if (!parsed.success) return { invalid: "de regel is geen geldig record" };
  const stored = (value as { hash: string }).hash;
  if (hashRecord(value as Record<string, unknown>) !== stored) {
    return { record: parsed.data, invalid: "de inhoud past niet bij de opgeslagen hash" };
  }
  return { record: parsed.data };
}

function findChainBreak(lines: Line[]): ChainFinding | undefined {
  const lineOfHash = new Map<string, number>();
  lines.forEach((l, i) => {
    if (l.record && !l.invalid && !lineOfHash.has(l.record.hash)) lineOfHash.set(l.record.hash, i);
  });
  for (let i = 0; i < lines.length; i++) {
    const { record, invalid } = lines[i] as Line;
    const at = { line: i + 1, ...(record && { seq: record.seq, id: record.id }) };
    if (!record || invalid) return { kind: "edited", ...at, message: `Regel ${i + 1} is bewerkt: ${invalid}.` };
    const previous = i === 0 ? undefined : (lines[i - 1]?.record as LogRecord);
    const expected = previous?.hash ?? GENESIS_HASH;
    const nextSeq = (previous?.seq ?? 0) + 1;
    if (record.prev_hash === expected) {
      if (record.seq === nextSeq) continue;
      return {
        kind: "edited",
        ...at,
        message: `Regel ${i + 1} is bewerkt: volgnummer ${record.seq} waar ${nextSeq} hoort.`,
      };
    }
    const first = lineOfHash.get(record.hash) ?? i;
    if (first < i) {
      return { kind: "inserted", ...at, message: `Regel ${i + 1} is ingevoegd: een kopie van regel ${first + 1}.` };
    }
    const target = record.prev_hash === GENESIS_HASH ? -1 : lineOfHash.get(record.prev_hash);
    if (target !== undefined && target > i) {
      return {
        kind: "reordered",
        ...at,
        message: `Regel ${i + 1} staat op de verkeerde plaats: record ${record.seq} hoort na regel ${target + 1}.`,
      };
    }
    if (target !== undefined) {
      const rec = lines[target + 1]?.record;
      return {
        kind: "inserted",
        line: target + 2,
        ...(rec && { seq: rec.seq, id: rec.id }),
        message: `Regel ${target + 2} is ingevoegd: record ${record.seq} op regel ${i + 1} volgt direct op regel ${target + 1}.`,
      };
    }
    if (lines[i + 1]?.record?.prev_hash === expected) {
      return { kind: "inserted", ...at, message: `Regel ${i + 1} is ingevoegd: de regel erna volgt op regel ${i}.` };
    }
    if (record.seq > nextSeq) {
      const gone =
        record.seq - 1 === nextSeq ? `record ${nextSeq}` : `de records ${nextSeq} tot en met ${record.seq - 1}`;
      return { kind: "removed", ...at, message: `Vóór regel ${i + 1} is ${gone} verwijderd.` };
    }
    const edited = Math.max(i, 1);
    const rec = lines[edited - 1]?.record;
    return {
      kind: "edited",
      line: edited,
      ...(rec && { seq: rec.seq, id: rec.id }),
      message: `Regel ${edited} is bewerkt en van een nieuwe hash voorzien: regel ${i + 1} verwijst naar een ander record.`,
    };
  }
  return undefined;
}

function tornFinding(line: number, bytes: number): ChainFinding {
  return {
    kind: "torn",
    line,
    message: `De laatste regel (${line}) is afgebroken: ${bytes} bytes zonder einde, een schrijfactie die werd onderbroken. De records ervoor zijn in orde; de volgende run zet de regel apart in ${"<logboek>.torn"}.`,
  };
}

async function checkHead(file: string, lines: Line[]): Promise<ChainFinding | undefined> {
  const head = await readHead(file);
  const last = lines.at(-1)?.record;
  if (!head) return undefined;
  if (head.seq > (last?.seq ?? 0)) {
    const from = (last?.seq ?? 0) + 1;
    const gone = from === head.seq ? `record ${from} is` : `de records ${from} tot en met ${head.seq} zijn`;
    return {
      kind: "truncated",
      line: lines.length + 1,
      seq: from,
      message: `Het logboek is ingekort: ${gone} aan het eind verwijderd (het anker ${headPath(file)} kent record ${head.seq}).`,
    };
  }
  const index = lines.findIndex((l) => l.record?.seq === head.seq);
  const anchored = lines[index]?.record;
  if (anchored && anchored.hash !== head.hash) {
    return {
      kind: "edited",
      line: index + 1,
      seq: anchored.seq,
      id: anchored.id,
      message: `Regel ${index + 1} en verder zijn vervangen: record ${head.seq} had een andere hash volgens het anker.`,
    };
  }
  return undefined;
}

async function readHead(file: string): Promise<{ seq: number; hash: string } | undefined> {
  try {
    const value = JSON.parse(await readFile(headPath(file), "utf8")) as { seq?: unknown; hash?: unknown };
    return typeof value.seq === "number" && typeof value.hash === "string"
      ? { seq: value.seq, hash: value.hash }
      : undefined;
  } catch {
    return undefined;
  }
}

async function notesFor(file: string, lines: Line[]): Promise<string[]> {
  const notes: string[] = [];
  if (lines.length > 0 && !(await readHead(file))) {
    notes.push(
      `Het anker ${headPath(file)} ontbreekt of is onleesbaar; records die aan het eind zijn weggehaald vallen dan niet op.`,
    );
  }
  const setAside = lines.filter((l) => l.record?.torn_tail_set_aside).length;
  if (setAside > 0 || (await stat(tornPath(file)).catch(() => undefined))) {
    notes.push(
      `${setAside} keer is een afgebroken regel apart gezet in ${tornPath(file)} (een onderbroken schrijfactie, geen geldig record).`,
    );
  }
  return notes;
}
