import type { ChainFinding } from "./log-finding.js";
import { parseLogLine } from "./parse-log-line.js";
import { GENESIS_HASH } from "./run-record-schema.js";

/** What the diagnosis needs of a line: its place in the chain, or why it is not a valid record. */
export interface LineSummary {
  record?: { seq: number; id: string; hash: string; prev_hash: string };
  invalid?: string;
}

export function summarizeLine(text: string): LineSummary {
  const { record, invalid } = parseLogLine(text, true);
  const summary = record && { seq: record.seq, id: record.id, hash: record.hash, prev_hash: record.prev_hash };
  return { ...(summary && { record: summary }), ...(invalid && { invalid }) };
}

/** Names the first line where the chain breaks, and what most likely happened there. */
export function findChainBreak(lines: readonly LineSummary[]): ChainFinding | undefined {
  const lineOfHash = new Map<string, number>();
  lines.forEach((l, i) => {
    if (l.record && !l.invalid && !lineOfHash.has(l.record.hash)) lineOfHash.set(l.record.hash, i);
  });
  for (let i = 0; i < lines.length; i++) {
    const { record, invalid } = lines[i] as LineSummary;
    const at = { line: i + 1, ...(record && { seq: record.seq, id: record.id }) };
    if (!record || invalid) return { kind: "edited", ...at, message: `Regel ${i + 1} is bewerkt: ${invalid}.` };
    const previous = i === 0 ? undefined : lines[i - 1]?.record;
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
