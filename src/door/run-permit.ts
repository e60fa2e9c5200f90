import type { MetricUnit } from "../checks/metric-unit.js";
import type { AdmittedSource, DatasetSource, Engine } from "../engines/engine.js";
import { engineVersionOf } from "../engines/engine.js";
import { LivingLabError } from "../errors/problem.js";
import type { DeclaredDataset } from "../experiments/declared-data.js";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import type { WrittenFile } from "../files/write-file-atomic.js";
import {
  type ContentFingerprint,
  canonicalColumnOrder,
  contentShape,
  tableRowCount,
} from "../fingerprint/content-fingerprint.js";
import type { GovernanceState } from "../governance/governance-state.js";
import type { Signer } from "../people/identify.js";
import { hashFile } from "../runlog/provenance.js";
import type {
  CheckSummary,
  DataFingerprint,
  FileFingerprint,
  RunRecord,
  RunStartedRecord,
} from "../runlog/run-record-schema.js";
import { admit, destroyedProblem, fileIdentity } from "./admit.js";
import { checkTableConnection, declaredFile } from "./data-location.js";
import { appendEnd, fileFingerprint } from "./end-run.js";

declare const permitted: unique symbol;

/**
 * Proof that a run passed the door: its justification and every gate held, and its start is
 * in the log. Only `openRun` makes one; without it no engine attaches data, because
 * `Engine.attach` takes only what `permit.attach` admits.
 */
export interface RunPermit {
  readonly [permitted]: true;
  readonly id: string;
  /** When the run started (ISO). */
  readonly at: string;
  readonly started: RunStartedRecord;
  readonly opened: OpenedExperiment;
  /**
   * Lets one dataset into this run and attaches it to the engine: checks what concerns this
   * dataset (declared, within its retention date, not destroyed), limits it to the declared
   * columns on real personal data, and returns what the engine read of it (its fingerprint).
   */
  attach(engine: Engine, source: DatasetSource): Promise<DataFingerprint>;
  /**
   * As `attach`, but the engine reads no row yet: the dataset is admitted and attached, and
   * its content fingerprint (which reads every row) waits until `fingerprint` is called on
   * the result. For a reader that first checks what it will do against the columns alone;
   * it must call `fingerprint` before any query of its own reads a row. A reader whose first
   * scan of the dataset can compute the fingerprint too (see `contentFingerprintItems`) passes
   * what that scan computed, so the rows are read once for both.
   */
  attachUnread(engine: Engine, source: DatasetSource): Promise<UnreadDataset>;
  /** Records a table the analysis made inside the engine itself, by its content fingerprint. */
  recordTable(engine: Engine, table: string): Promise<DataFingerprint>;
  /** Everything attached so far, with its fingerprint. */
  read(): readonly DataFingerprint[];
  /**
   * The run as its end record would say, without ending it: for outputs written before the
   * end (a summary) that must already count this run's own results as evidence.
   */
  provisional(result: Omit<RunEnd, "error" | "artifacts">): RunRecord;
  /** Ends the run, once: its outcome, what it measured and the files it wrote. */
  end(result: RunEnd): Promise<RunRecord>;
}

/** A dataset attached to an engine whose rows nothing has read yet. */
export interface UnreadDataset {
  readonly name: string;
  /**
   * Whether a reader's scan should compute the content fingerprint (see `contentFingerprintItems`):
   * for a table on a server or a DataFrame, not for a file, whose SHA-256 names what is read.
   */
  readonly contentNeeded: boolean;
  /**
   * Records what the engine read: the content fingerprint a scan of the reader computed; for a
   * file, else, its rows and columns, with the content fingerprint read in a scan of its own only
   * when content logged as destroyed has that shape (see `contentShape`); for anything else, the
   * fingerprint read in a scan of its own. Refuses content logged as destroyed. A reader that
   * counted the rows in a scan passes `counted`, so a file's rows are not counted again. Once:
   * later calls give the same.
   */
  fingerprint(computed?: ContentFingerprint, counted?: number): Promise<DataFingerprint>;
}

/** How a run ended. */
export interface RunEnd {
  /** passed, failed, warned, not_evaluated, completed; `error` or `refused` when it threw. */
  outcome: string;
  metrics?: Record<string, number | null>;
  /** The unit of each metric, by name; a metric without one is charted as "eenheid niet vastgelegd". */
  metricUnits?: Record<string, MetricUnit>;
  /** Per check: dimension, outcome, how it measured, its share of failing rows. */
  checks?: readonly CheckSummary[];
  /** The columns each reader touched, when known only now; default: what the door was told. */
  columns?: Record<string, string[]>;
  /** Files the run wrote; each is fingerprinted. */
  artifacts?: readonly (string | WrittenFile)[];
  /** What the analysis threw, when it did. */
  error?: unknown;
}

export interface PermitContext {
  opened: OpenedExperiment;
  started: RunStartedRecord;
  governance: GovernanceState;
  declared: readonly DeclaredDataset[];
  today: string;
  /** The runner's signer, when a key is available: the run's end is signed like its start. */
  signer?: Signer;
}

/** What the engine read of a file without its content fingerprint: how many rows, which columns (canonical order). */
interface ReadShape {
  rows: number;
  columns: string[];
  sha256?: undefined;
}

/** Where the engine read a dataset from: a file, a table, or a DataFrame handed back from memory. */
interface Origin {
  file?: FileFingerprint;
  table?: string;
  frame?: true;
}

function originOf(source: AdmittedSource, file: FileFingerprint | undefined): Origin {
  if (source.frame) return { frame: true };
  // A declared table is named by its connection and place (`verbinding/schema.tabel`).
  return source.file ? { ...(file && { file }) } : { table: source.location ?? source.table ?? source.name };
}

function replacedDuringRun(source: { name: string; file: string }): LivingLabError {
  return new LivingLabError({
    code: "data_changed_during_run",
    message: `Dataset '${source.name}' veranderde tijdens de run: het bestand is na de start gewijzigd of vervangen. Wat de run las, is dan niet wat het logboek als gelezen data noemt.`,
    hint: "Zorg dat niemand het bestand verandert tijdens een run, en start de run opnieuw.",
    file: source.file,
  });
}

/** A file as the door admitted it: how it looked before it was hashed, and the hash. */
interface WatchedFile {
  name: string;
  file: string;
  identity: string;
  sha256: string;
}

/**
 * The first file admitted to the run whose bytes are no longer the ones the door hashed. A file
 * that looks as it did is taken as unchanged; one that was written again (another run that
 * makes the same synthetic data, say) is hashed once more, and counts as changed only when its
 * bytes differ.
 */
async function firstReplaced(watched: readonly WatchedFile[]): Promise<LivingLabError | undefined> {
  for (const w of watched) {
    if ((await fileIdentity(w.file).catch(() => undefined)) === w.identity) continue;
    if ((await hashFile(w.file).catch(() => undefined)) !== w.sha256) return replacedDuringRun(w);
  }
  return undefined;
}

/** Makes the permit of a run whose start the door just logged; nothing else may call this. */
export function mintPermit(context: PermitContext): RunPermit {
  const { opened, started } = context;
  const data: DataFingerprint[] = [];
  const files: FileFingerprint[] = [];
  /** Every file admitted, with how it looked when hashed: checked again when the run ends. */
  const watched: WatchedFile[] = [];
  let engine: string | undefined;
  let ending: Promise<{ replaced: LivingLabError | undefined; record: RunRecord }> | undefined;
  const fingerprint = async (
    on: Engine,
    name: string,
    origin: Origin,
    made?: true,
    computed?: ContentFingerprint | ReadShape,
  ) => {
    const content: ContentFingerprint | ReadShape = computed ?? (await on.fingerprint(name));
    engine = await engineVersionOf(on);
    const { file, table, frame } = origin;
    const read: DataFingerprint = {
      name,
      engine,
      ...(file && {
        file: { path: file.path, sha256: file.sha256, ...(file.location !== undefined && { location: file.location }) },
      }),
      ...(table !== undefined && { table }),
      ...(frame && { frame }),
      rows: content.rows,
      columns: content.columns,
      ...(content.sha256 !== undefined && { content_sha256: content.sha256, method: content.method }),
      ...(made && { made }),
    };
    data.push(read);
    return read;
  };
  const permit: Omit<RunPermit, typeof permitted> = {
    id: started.id,
    at: started.at,
    started,
    opened,
    async attach(on, requested) {
      return (await permit.attachUnread(on, requested)).fingerprint();
    },
    async attachUnread(on, requested) {
      // Only what this engine reads is admitted and recorded: a file, or a table on a server.
      const where = { lab: opened.root, experiment: opened.dir, declared: context.declared };
      // A dataset named without a file is read where the experiment declares it lives.
      const source = on.locate(declaredFile(where, requested));
      checkTableConnection(where, source, on.labConnection);
      const admitted = await admit({ ...context, ...where, run: started.id }, source);
      if (admitted.file && admitted.fileIdentity && admitted.fileSha256)
        watched.push({
          name: source.name,
          file: admitted.file,
          identity: admitted.fileIdentity,
          sha256: admitted.fileSha256,
        });
      await on.attach(admitted);
      const file =
        admitted.file &&
        admitted.fileSha256 &&
        fileFingerprint(opened.dir, source.name, admitted.file, admitted.fileSha256, admitted.location);
      if (file) files.push(file);
      // A file's SHA-256 names the bytes read: its rows are fingerprinted only when content the
      // log records as destroyed has their shape, for only then could they be that content.
      const shapeOf = async (counted: number | undefined): Promise<ContentFingerprint | ReadShape> => {
        const rows = counted ?? (await tableRowCount(on, source.name));
        const columns = canonicalColumnOrder(await on.columns(source.name)).map((c) => c.name);
        if (context.governance.destroyedShapes.has(contentShape(rows, columns))) return on.fingerprint(source.name);
        return { rows, columns };
      };
      const hashed = admitted.fileSha256 !== undefined;
      let read: Promise<DataFingerprint> | undefined;
      const readOnce = async (computed?: ContentFingerprint, counted?: number) => {
        const content = computed ?? (hashed ? await shapeOf(counted) : undefined);
        const found = await fingerprint(on, source.name, originOf(admitted, file || undefined), undefined, content);
        if (found.content_sha256 !== undefined && context.governance.destroyedContents.has(found.content_sha256)) {
          throw destroyedProblem(context, source);
        }
        return found;
      };
      return {
        name: source.name,
        contentNeeded: !hashed,
        fingerprint: (computed, counted) => {
          read ??= readOnce(computed, counted);
          return read;
        },
      };
    },
    recordTable: (on, table) => fingerprint(on, table, { table }, true),
    read: () => data,
    provisional(result) {
      const { schema, seq, prev_hash, hash, type: _t, torn_tail_set_aside: _r, signature: _g, ...same } = started;
      return {
        ...same,
        schema,
        seq: seq + 1,
        prev_hash: hash,
        hash: prev_hash,
        type: "run",
        datasets: started.datasets ?? [],
        data: [...data],
        ...(result.columns && { columns_read: result.columns }),
        ...(result.checks && { checks: [...result.checks] }),
        versions: { ...started.versions, engine: engine ?? "geen" },
        outcome: result.outcome,
        metrics: result.metrics ?? {},
        ...(result.metricUnits && Object.keys(result.metricUnits).length > 0 && { metric_units: result.metricUnits }),
        artifacts: [],
      };
    },
    end(result) {
      // A file replaced while the run read it: the run ends as an error saying so, never as what it measured.
      ending ??= (async () => {
        const replaced = result.error === undefined ? await firstReplaced(watched) : undefined;
        const end = replaced ? { ...result, outcome: "error" as const, error: replaced } : result;
        return { replaced, record: await appendEnd(opened, started, { ...end, data, files, engine }, context.signer) };
      })();
      return ending.then(({ replaced, record }) => {
        if (replaced && result.error === undefined) throw replaced;
        return record;
      });
    },
  };
  return permit as RunPermit;
}
