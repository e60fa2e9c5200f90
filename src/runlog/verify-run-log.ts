import { dirname } from "node:path";
import { findChainBreak, summarizeLine } from "./chain-break.js";
import { type PendingDestruction, pendingDestructions } from "./destruction-staging.js";
import { missingLogFinding } from "./log-evidence.js";
import type { ChainFinding } from "./log-finding.js";
import { readLogLines } from "./log-lines.js";
import { type ChainPoint, followsOn, isCompleteRecord, parseLogLine } from "./parse-log-line.js";
import { headPath, readHead } from "./run-log.js";
import { type SetAside, setAsideFinding } from "./set-aside.js";

export { type ChainFinding, type FindingKind, findingKinds } from "./log-finding.js";

export interface LogVerification {
  file: string;
  /** Records read. */
  records: number;
  intact: boolean;
  /** The first record edited, removed, inserted or reordered, a torn last line, a line set aside, a log gone. */
  finding?: ChainFinding;
  /** Things worth knowing that do not break the chain, in Dutch. */
  notes: string[];
}

/** What one streaming pass over the log found; only a few records' places are kept. */
interface Scan {
  records: number;
  last?: ChainPoint;
  /** Index (from 0) of the first line that is invalid or does not follow on the one before. */
  breakAt?: number;
  /** Bytes after the last newline that are not a whole record. */
  tornBytes?: number;
  /** The last record was whole but had lost its newline. */
  missingNewline?: boolean;
  /** The record the head names, when its hash differs from the head's. */
  replaced?: { line: number; seq: number; id: string };
  setAside: SetAside[];
  /** `data_destroyed` records of destructions whose moved-away data is still on disk. */
  destroyed: Map<string, { line: number; seq: number }>;
}

/**
 * Checks a log's hash chain from the first record to the last, its head anchor, and what was
 * ever set aside beside it, reading the log as a stream (the same memory for any length).
 * A log that is gone while its anchor, its evidence or git still know it is a finding too.
 * @example const { intact, finding } = await verifyRunLog(runLogPath(om.dir));
 */
export async function verifyRunLog(file: string): Promise<LogVerification> {
  const head = await readHead(file);
  const pending = await pendingDestructions(dirname(file));
  let scan: Scan;
  try {
    scan = await scanLog(file, head, new Set(pending.map((p) => p.id)));
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ENOENT") throw error;
    const finding = await missingLogFinding(file, head);
    return {
      file,
      records: 0,
      intact: !finding,
      ...(finding && { finding }),
      notes: finding ? [] : ["Er is nog geen logboek."],
    };
  }
  const finding =
    (scan.breakAt !== undefined ? await diagnoseBreak(file) : undefined) ??
    (scan.tornBytes !== undefined ? tornFinding(scan.records + 1, scan.tornBytes) : undefined) ??
    headFinding(file, scan, head) ??
    (await setAsideFinding(file, scan.setAside, scan.records)) ??
    destructionFinding(pending, scan);
  return {
    file,
    records: scan.records,
    intact: finding === undefined,
    ...(finding && { finding }),
    notes: [...notesFor(file, scan, head), ...destructionNotes(pending, scan)],
  };
}

async function scanLog(file: string, head: ChainPoint | undefined, pendingIds: ReadonlySet<string>): Promise<Scan> {
  const scan: Scan = { records: 0, setAside: [], destroyed: new Map() };
  for await (const line of readLogLines(file)) {
    if (!line.terminated) {
      const whole = scan.breakAt === undefined ? isCompleteRecord(line.text, scan.last) : undefined;
      if (whole) {
        scan.records++;
        scan.missingNewline = true;
        scan.last = { seq: whole.seq, hash: whole.hash };
      } else {
        scan.tornBytes = Buffer.byteLength(line.text);
      }
      break;
    }
    scan.records++;
    if (scan.breakAt !== undefined) continue;
    const { record, invalid } = parseLogLine(line.text, true);
    if (!record || invalid || !followsOn(record, scan.last)) {
      scan.breakAt = line.number - 1;
      continue;
    }
    scan.last = { seq: record.seq, hash: record.hash };
    if (record.seq === head?.seq && record.hash !== head.hash) {
      scan.replaced = { line: line.number, seq: record.seq, id: record.id };
    }
    if (record.type === "data_destroyed" && pendingIds.has(record.id)) {
      scan.destroyed.set(record.id, { line: line.number, seq: record.seq });
    }
    if (record.torn_tail_set_aside)
      scan.setAside.push({ line: line.number, seq: record.seq, ...record.torn_tail_set_aside });
  }
  return scan;
}

/** A second pass, only for a broken log: a small summary of every line, to say what happened where. */
async function diagnoseBreak(file: string): Promise<ChainFinding | undefined> {
  const lines = [];
  for await (const line of readLogLines(file)) if (line.terminated) lines.push(summarizeLine(line.text));
  return findChainBreak(lines);
}

function tornFinding(line: number, bytes: number): ChainFinding {
  return {
    kind: "torn",
    line,
    message: `De laatste regel (${line}) is afgebroken: ${bytes} bytes zonder einde, een schrijfactie die werd onderbroken. De records ervoor zijn in orde; de volgende run zet de regel apart in ${"<logboek>.torn"}.`,
  };
}

function headFinding(file: string, scan: Scan, head: ChainPoint | undefined): ChainFinding | undefined {
  if (!head) return undefined;
  const lastSeq = scan.last?.seq ?? 0;
  if (head.seq > lastSeq) {
    const from = lastSeq + 1;
    const gone = from === head.seq ? `record ${from} is` : `de records ${from} tot en met ${head.seq} zijn`;
    return {
      kind: "truncated",
      line: scan.records + 1,
      seq: from,
      message: `Het logboek is ingekort: ${gone} aan het eind verwijderd (het anker ${headPath(file)} kent record ${head.seq}).`,
    };
  }
  if (!scan.replaced) return undefined;
  const { line, seq, id } = scan.replaced;
  return {
    kind: "edited",
    line,
    seq,
    id,
    message: `Regel ${line} en verder zijn vervangen: record ${seq} had een andere hash volgens het anker.`,
  };
}

function notesFor(file: string, scan: Scan, head: ChainPoint | undefined): string[] {
  const notes: string[] = [];
  if (scan.records > 0 && !head) {
    notes.push(
      `Het anker ${headPath(file)} ontbreekt of is onleesbaar; records die aan het eind zijn weggehaald vallen dan niet op.`,
    );
  }
  if (scan.missingNewline) {
    notes.push(
      "Het laatste record mist zijn regeleinde; het record zelf is heel. De volgende toevoeging zet het regeleinde terug.",
    );
  }
  return notes;
}

/** The log says destroyed, but a destruction that was killed before it removed the data left it on disk. */
function destructionFinding(pending: readonly PendingDestruction[], scan: Scan): ChainFinding | undefined {
  for (const p of pending) {
    const record = scan.destroyed.get(p.id);
    if (!record || p.alive) continue;
    return {
      kind: "destruction_unfinished",
      line: record.line,
      seq: record.seq,
      id: p.id,
      message: `Record ${record.seq} zegt dat data is vernietigd, maar die staat nog in ${p.path}: de vernietiging werd afgebroken. Verwijder die map; de volgende 'livinglab destroy-data' van dit experiment doet dat ook.`,
    };
  }
  return undefined;
}

function destructionNotes(pending: readonly PendingDestruction[], scan: Scan): string[] {
  return pending
    .filter((p) => p.alive || !scan.destroyed.has(p.id))
    .map((p) =>
      p.alive
        ? `In ${p.path} wordt nu data vernietigd.`
        : `In ${p.path} staat data die een afgebroken vernietiging apart zette; ze is niet vernietigd en niet vastgelegd. De volgende 'livinglab destroy-data' van dit experiment zet haar terug.`,
    );
}
