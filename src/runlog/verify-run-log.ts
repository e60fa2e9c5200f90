import { basename, dirname } from "node:path";
import type { People } from "../people/load-people.js";
import { type SignatureState, signatureOf } from "../people/record-signature.js";
import { findChainBreak, summarizeLine } from "./chain-break.js";
import { type PendingDestruction, pendingDestructions } from "./destruction-staging.js";
import { missingLogFinding } from "./log-evidence.js";
import type { ChainFinding } from "./log-finding.js";
import { readLogLines } from "./log-lines.js";
import { type LogRecord, logRecordLabels, signatureRequired } from "./log-record-schema.js";
import { type LogSeal, readSeals, sealSigner, sealsPath } from "./log-seal.js";
import { type ChainPoint, followsOn, isCompleteRecord, parseLogLine } from "./parse-log-line.js";
import { CLOCK_TOLERANCE_MS, writtenAt } from "./record-time.js";
import { headPath, readHead } from "./run-log.js";
import { type SetAside, setAsideFinding } from "./set-aside.js";

export { type ChainFinding, type FindingKind, findingKinds } from "./log-finding.js";

export interface LogVerification {
  file: string;
  /** The seals this log was checked against, and whether each holds. */
  seals: SealCheck[];
  /**
   * Governance records whose maker is not proven (unsigned, or a signature that does not hold),
   * oldest first, all of them; unsigned records a signed `unsigned_accepted` names are in `accepted`.
   */
  unproven: UnprovenRecord[];
  /** Unsigned governance records accepted by a signed record naming them: they do not count, and break nothing. */
  accepted: UnprovenRecord[];
  /** Records dated before the record before them, or after now (beyond the clock tolerance), oldest first. */
  timing: TimingViolation[];
  /** Records read. */
  records: number;
  /** The hash of the last record, when the log has one. */
  lastHash?: string;
  /** The experiment the log's records name. */
  experiment?: string;
  intact: boolean;
  /** The first record edited, removed, inserted or reordered, a torn last line, a line set aside, a log gone. */
  finding?: ChainFinding;
  /** Things worth knowing that do not break the chain, in Dutch. */
  notes: string[];
}

/** A seal checked against the log: it holds when it is validly signed and the log still has its record with its hash. */
export interface SealCheck {
  seal: LogSeal;
  /** Where the seal came from: the lab's seals file beside the log, or a file given. */
  from: string;
  /** Whether it counts at all: validly signed by a person in the people file on its date. */
  counts: boolean;
  holds: boolean;
  /** Dutch, when the seal does not hold or does not count. */
  why?: string;
}

/** A governance record whose maker is not proven. */
export interface UnprovenRecord {
  line: number;
  seq: number;
  id: string;
  type: string;
  state: SignatureState;
  why: string;
  /** The signed record that accepted this unsigned record, by its number. */
  acceptedBy?: number;
}

/** A record whose time cannot be so: earlier than the record before it, or later than now. */
export interface TimingViolation {
  kind: "backdated" | "future";
  line: number;
  seq: number;
  id: string;
  /** The record's time (a run's `ended_at`: when it was written). */
  at: string;
  /** Dutch. */
  message: string;
}

export { CLOCK_TOLERANCE_MS } from "./record-time.js";

export interface VerifyOptions {
  /**
   * The lab's people, against whom the signatures of records and seals are checked. Without
   * them (a log read on its own) signatures are not judged, and a seal is only compared with the log.
   */
  people?: People;
  /** Seals kept elsewhere, with where they came from; the seals file beside the log is always read too. */
  seals?: ReadonlyArray<{ seal: LogSeal; from: string }>;
  /** Now, for records dated in the future (default: the clock). */
  now?: Date;
}

/** What one streaming pass over the log found; only a few records' places are kept. */
interface Scan {
  experiment?: string;
  /** The hash of each record a seal names, by place. */
  sealed: Map<number, string>;
  unproven: UnprovenRecord[];
  /** Unsigned records not (yet) accepted, by place, to look up when an acceptance names them. */
  unsignedAt: Map<number, UnprovenRecord>;
  /** Acceptances that name a record that is no unsigned governance record before them. */
  strayAcceptances: Array<{ by: number; seq: number }>;
  timing: TimingViolation[];
  /** The latest time a record was written so far, and which record. */
  latest?: { ms: number; seq: number };
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
export async function verifyRunLog(file: string, options: VerifyOptions = {}): Promise<LogVerification> {
  const head = await readHead(file);
  const pending = await pendingDestructions(dirname(file));
  const { people } = options;
  const own = (await readSeals(sealsPath(file), { missingOk: true })).map((seal) => ({ seal, from: sealsPath(file) }));
  const seals = [...own, ...(options.seals ?? [])];
  let scan: Scan;
  try {
    scan = await scanLog(file, head, new Set(pending.map((p) => p.id)), {
      people,
      sealedAt: new Set(seals.map((s) => s.seal.records)),
      now: (options.now ?? new Date()).getTime(),
    });
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ENOENT") throw error;
    const finding = await missingLogFinding(file, head);
    return {
      file,
      seals: [],
      unproven: [],
      accepted: [],
      timing: [],
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
  const sealChecks = seals
    .filter(({ seal }) => scan.experiment === undefined || seal.experiment === scan.experiment)
    .map(({ seal, from }) => checkSeal(seal, from, scan, people));
  const unproven = scan.unproven.filter((u) => u.acceptedBy === undefined);
  const later =
    finding ?? sealFinding(sealChecks, scan) ?? signatureFinding(unproven, file) ?? timingFinding(scan.timing);
  return {
    file,
    seals: sealChecks,
    unproven,
    accepted: scan.unproven.filter((u) => u.acceptedBy !== undefined),
    timing: scan.timing,
    records: scan.records,
    ...(scan.last && { lastHash: scan.last.hash }),
    ...(scan.experiment !== undefined && { experiment: scan.experiment }),
    intact: later === undefined,
    ...(later && { finding: later }),
    notes: [...notesFor(file, scan, head), ...destructionNotes(pending, scan), ...strayNotes(scan)],
  };
}

async function scanLog(
  file: string,
  head: ChainPoint | undefined,
  pendingIds: ReadonlySet<string>,
  check: { people: People | undefined; sealedAt: ReadonlySet<number>; now: number },
): Promise<Scan> {
  const scan: Scan = {
    records: 0,
    setAside: [],
    destroyed: new Map(),
    sealed: new Map(),
    unproven: [],
    unsignedAt: new Map(),
    strayAcceptances: [],
    timing: [],
  };
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
    scan.experiment ??= record.experiment.id;
    if (check.sealedAt.has(record.seq)) scan.sealed.set(record.seq, record.hash);
    if (check.people && signatureRequired[record.type]) judgeSignature(scan, record, line.number, check.people);
    checkTime(scan, record, line.number, check.now);
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

/**
 * Judges the signature of a record that must be signed. Every record whose maker is not proven
 * is kept (a few small fields each: governance records are people's acts, not bulk); a signed
 * acceptance marks the unsigned records it names as accepted.
 */
function judgeSignature(scan: Scan, record: LogRecord, line: number, people: People): void {
  const signature = signatureOf(record, people);
  if (signature.state === "signed") {
    if (record.type === "unsigned_accepted") {
      for (const seq of record.records) {
        const named = scan.unsignedAt.get(seq);
        if (named) {
          named.acceptedBy = record.seq;
          scan.unsignedAt.delete(seq);
        } else scan.strayAcceptances.push({ by: record.seq, seq });
      }
    }
    return;
  }
  const unproven = {
    line,
    seq: record.seq,
    id: record.id,
    type: record.type,
    state: signature.state,
    why: signature.why ?? "",
  };
  scan.unproven.push(unproven);
  if (signature.state === "unsigned") scan.unsignedAt.set(record.seq, unproven);
}

/**
 * A record's time must not lie before the latest record before it, nor after now (each beyond
 * the tolerance). A run recorded without its end time is judged by its start against now only.
 */
function checkTime(scan: Scan, record: LogRecord, line: number, now: number): void {
  const written = writtenAt(record);
  const at = written ?? record.at;
  const ms = Date.parse(at);
  const base = { line, seq: record.seq, id: record.id, at };
  const label = logRecordLabels[record.type];
  if (Number.isNaN(ms)) {
    scan.timing.push({
      ...base,
      kind: "backdated",
      message: `Record ${record.seq} (${label}, regel ${line}) heeft geen leesbare tijd ('${at}').`,
    });
    return;
  }
  if (ms > now + CLOCK_TOLERANCE_MS) {
    scan.timing.push({
      ...base,
      kind: "future",
      message: `Record ${record.seq} (${label}, regel ${line}) is gedateerd op ${at}, later dan nu: een record kan niet vooruit gedateerd zijn.`,
    });
  }
  if (written === undefined) return;
  if (scan.latest && ms < scan.latest.ms - CLOCK_TOLERANCE_MS) {
    scan.timing.push({
      ...base,
      kind: "backdated",
      message: `Record ${record.seq} (${label}, regel ${line}) is gedateerd op ${at}, eerder dan record ${scan.latest.seq} (${new Date(scan.latest.ms).toISOString()}) dat ervoor staat: het is teruggedateerd.`,
    });
  }
  if (!scan.latest || ms > scan.latest.ms) scan.latest = { ms, seq: record.seq };
}

function checkSeal(seal: LogSeal, from: string, scan: Scan, people: People | undefined): SealCheck {
  const signer = people ? sealSigner(seal, people) : { valid: true };
  if (!signer.valid) return { seal, from, counts: false, holds: false, why: `Dit zegel telt niet: ${signer.why}.` };
  const hash = scan.sealed.get(seal.records);
  if (hash === undefined) {
    return {
      seal,
      from,
      counts: true,
      holds: false,
      why: `Het zegel van ${seal.at.slice(0, 10)} kent ${seal.records} records, maar het logboek heeft er nu ${scan.records}: er zijn records weggehaald.`,
    };
  }
  if (hash !== seal.head) {
    return {
      seal,
      from,
      counts: true,
      holds: false,
      why: `Record ${seal.records} heeft niet meer de hash die het zegel van ${seal.at.slice(0, 10)} (${seal.who.name}) vastlegde: het logboek is tot en met dat record herschreven.`,
    };
  }
  return { seal, from, counts: true, holds: true };
}

function sealFinding(checks: readonly SealCheck[], scan: Scan): ChainFinding | undefined {
  // A seal that is not validly signed proves nothing either way; a valid one that no longer matches is a finding.
  const broken = checks.find((c) => c.counts && !c.holds);
  if (!broken) return undefined;
  return {
    kind: "seal_mismatch",
    line: Math.min(broken.seal.records, scan.records + 1),
    seq: broken.seal.records,
    message: `${broken.why} (zegel uit ${broken.from})`,
  };
}

/**
 * A signature that does not hold (forged, for another record or namespace, an unknown key, a key
 * outside its dates, another name) is a finding, and so is an unsigned record that no signed
 * acceptance names: nobody vouches for it, so the log cannot say it is in order.
 */
function signatureFinding(unproven: readonly UnprovenRecord[], file: string): ChainFinding | undefined {
  const forged = unproven.find((u) => u.state !== "unsigned");
  if (forged) {
    return {
      kind: "signature_invalid",
      line: forged.line,
      seq: forged.seq,
      id: forged.id,
      message: forged.why,
      hint: "Zoek uit wie dit record schreef: het is niet gemaakt met de sleutel van wie het noemt. Een besluit of review telt pas als de persoon het zelf opnieuw vastlegt met zijn eigen sleutel.",
    };
  }
  const first = unproven[0];
  if (!first) return undefined;
  const more =
    unproven.length > 1
      ? ` Er ${unproven.length === 2 ? "is nog 1 zo'n record" : `zijn nog ${unproven.length - 1} zulke records`}.`
      : "";
  const experiment = basename(dirname(file));
  return {
    kind: "unsigned",
    line: first.line,
    seq: first.seq,
    id: first.id,
    message: `Record ${first.seq} (${logRecordLabels[first.type as keyof typeof logRecordLabels] ?? first.type}, regel ${first.line}) is niet ondertekend: niemand staat ervoor in, en het telt niet.${more}`,
    hint: `Zijn dit records van vóór het ondertekenen, laat iemand uit het personenbestand ze dan met naam aanvaarden: 'livinglab log accept-unsigned ${experiment} --note "<waarom>"' (ze blijven niet meetellen). Anders is het logboek buiten de werkbank om aangevuld: zoek uit door wie.`,
  };
}

/** The first record dated before the one before it, or after now. */
function timingFinding(timing: readonly TimingViolation[]): ChainFinding | undefined {
  const first = timing[0];
  if (!first) return undefined;
  return {
    kind: first.kind,
    line: first.line,
    seq: first.seq,
    id: first.id,
    message: first.message,
    hint:
      first.kind === "future"
        ? "Controleer de klok van de computer die het record schreef; een record met een tijd in de toekomst is met de hand gemaakt of met een verkeerde klok."
        : "Een record krijgt de tijd waarop het wordt geschreven: een eerdere tijd dan het record ervoor wijst op een verzette klok of een record dat achteraf is gemaakt. Zoek uit welke; leg zo nodig een correctie vast met 'livinglab correct'.",
  };
}

/** An acceptance that names a record that is not an unsigned governance record before it accepts nothing. */
function strayNotes(scan: Scan): string[] {
  return scan.strayAcceptances.map(
    ({ by, seq }) =>
      `Record ${by} aanvaardt record ${seq}, maar dat is geen niet-ondertekend besluit, review of ander ondertekend record ervoor; dat deel aanvaardt niets.`,
  );
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
