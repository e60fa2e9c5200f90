import { CONTENT_FINGERPRINT_METHOD, type ContentFingerprint } from "../fingerprint/content-fingerprint.js";
import type { RunStanding } from "../governance/governance-state.js";
import { chainHoldsFrom } from "../runlog/run-log.js";

/** What decides a file's content fingerprint, besides its bytes: how it is read. */
export interface ContentKey {
  /** SHA-256 of the file as the door read it. */
  sha256: string;
  /** The engine and its version, as a run records it (`duckdb v1.5.6`). */
  engine: string;
  /** The columns the engine shows of it, in canonical order (see `canonicalColumnOrder`). */
  columns: readonly string[];
}

/** A content fingerprint an earlier run computed, and which run that was. */
export interface KnownContent {
  content: ContentFingerprint;
  run: string;
}

/**
 * The content fingerprint an earlier run of this experiment computed for the very same bytes,
 * read the same way: the file read whole (no table inside it) with the same SHA-256, by the
 * same engine and version, showing the same columns, with the current method. The rows then
 * give the same fingerprint by construction, so a run may take it over instead of reading every
 * row for it. Only a run not withdrawn counts, and only when the log holds together from its
 * record to the end (each record matches its hash and follows on the one before); the latest
 * such run is used, and a fingerprint it took over itself names the run that computed it.
 * `chainHolds` may remember its answers within one run, which reads several datasets.
 * @example const known = await knownContent(runLogPath(om.dir), governance.runs, key);
 */
export async function knownContent(
  logFile: string,
  runs: readonly RunStanding[],
  key: ContentKey,
  chainHolds: (file: string, seq: number) => Promise<boolean> = chainHoldsFrom,
): Promise<KnownContent | undefined> {
  for (const { record, withdrawnBy } of [...runs].reverse()) {
    if (withdrawnBy !== undefined) continue;
    const found = (record.data ?? []).find(
      (d) =>
        !d.made &&
        !d.frame &&
        d.table === undefined &&
        d.file?.sha256 === key.sha256 &&
        d.engine === key.engine &&
        d.method === CONTENT_FINGERPRINT_METHOD &&
        d.columns.length === key.columns.length &&
        d.columns.every((c, i) => c === key.columns[i]),
    );
    if (!found) continue;
    if (!(await chainHolds(logFile, record.seq))) return undefined;
    return {
      content: { method: found.method, rows: found.rows, columns: [...found.columns], sha256: found.content_sha256 },
      run: found.content_from ?? record.id,
    };
  }
  return undefined;
}
