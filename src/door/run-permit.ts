import { relative } from "node:path";
import type { AdmittedSource, DatasetSource, Engine } from "../engines/engine.js";
import { engineVersionOf } from "../engines/engine.js";
import { LivingLabError, type Problem } from "../errors/problem.js";
import type { DeclaredDataset } from "../experiments/declared-data.js";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import { dateText } from "../governance/evidence/evidence.js";
import type { GovernanceState } from "../governance/governance-state.js";
import { hashFile } from "../runlog/provenance.js";
import { appendRecord, runLogPath } from "../runlog/run-log.js";
import type {
  CheckSummary,
  DataFingerprint,
  FileFingerprint,
  RunRecord,
  RunStartedRecord,
} from "../runlog/run-record-schema.js";

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

/** How a run ended. */
export interface RunEnd {
  /** passed, failed, warned, not_evaluated, completed; `error` or `refused` when it threw. */
  outcome: string;
  metrics?: Record<string, number | null>;
  /** Per check: dimension, outcome, how it measured, its share of failing rows. */
  checks?: readonly CheckSummary[];
  /** The columns each reader touched, when known only now; default: what the door was told. */
  columns?: Record<string, string[]>;
  /** Files the run wrote; each is fingerprinted. */
  artifacts?: readonly string[];
  /** What the analysis threw, when it did. */
  error?: unknown;
}

export interface PermitContext {
  opened: OpenedExperiment;
  started: RunStartedRecord;
  governance: GovernanceState;
  declared: readonly DeclaredDataset[];
  today: string;
}

/** Makes the permit of a run whose start the door just logged; nothing else may call this. */
export function mintPermit(context: PermitContext): RunPermit {
  const { opened, started } = context;
  const data: DataFingerprint[] = [];
  const files: FileFingerprint[] = [];
  let engine: string | undefined;
  let ended: Promise<RunRecord> | undefined;
  const fingerprint = async (on: Engine, name: string, file?: FileFingerprint, table?: string, made?: true) => {
    const content = await on.fingerprint(name);
    engine = await engineVersionOf(on);
    const read: DataFingerprint = {
      name,
      engine,
      ...(file && { file: { path: file.path, sha256: file.sha256 } }),
      ...(table !== undefined && { table }),
      rows: content.rows,
      columns: content.columns,
      content_sha256: content.sha256,
      method: content.method,
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
      // Only what this engine reads is admitted and recorded: a file, or a table on a server.
      const source = on.locate(requested);
      const admitted = await admit(context, source);
      await on.attach(admitted);
      const file =
        admitted.file &&
        admitted.fileSha256 &&
        fileFingerprint(opened.dir, source.name, admitted.file, admitted.fileSha256);
      if (file) files.push(file);
      const read = await fingerprint(
        on,
        source.name,
        file || undefined,
        source.file ? undefined : (source.table ?? source.name),
      );
      if (context.governance.destroyedContents.has(read.content_sha256)) throw destroyedProblem(context, source);
      return read;
    },
    recordTable: (on, table) => fingerprint(on, table, undefined, table, true),
    read: () => data,
    provisional(result) {
      const { schema, seq, prev_hash, hash, type: _t, torn_tail_set_aside: _r, ...same } = started;
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
        artifacts: [],
      };
    },
    end(result) {
      ended ??= appendEnd(opened, started, { ...result, data, files, engine });
      return ended;
    },
  };
  return permit as RunPermit;
}

/** The checks of one dataset at the moment it is let in. */
async function admit(context: PermitContext, source: DatasetSource): Promise<AdmittedSource> {
  const declared = context.declared.find((d) => d.name === source.name);
  const real = context.declared.some((d) => d.real);
  const problems: Problem[] = [];
  if (declared?.destroyBy !== undefined && declared.destroyBy < context.today) {
    problems.push({
      code: "gate_retention_expired",
      message: `Dataset '${source.name}' wordt niet gelezen: de bewaartermijn is verstreken op ${dateText(declared.destroyBy)}.`,
      hint: "Vernietig de data met 'livinglab destroy-data', of leg een afgesproken langere termijn vast in het experiment.",
    });
  }
  if (real && !declared) {
    problems.push({
      code: "gate_dataset_undeclared",
      message: `Dataset '${source.name}' wordt niet gelezen: het experiment declareert die niet, en het werkt met echte persoonsgegevens.`,
      hint: "Declareer de dataset onder data.datasets, met de kolommen die nodig zijn, en laat het experiment opnieuw reviewen.",
    });
  } else if (real && declared?.columns === undefined) {
    problems.push({
      code: "gate_columns_undeclared",
      message: `Dataset '${source.name}' wordt niet gelezen: bij de dataset staat niet welke kolommen nodig zijn.`,
      hint: "Vul 'kolommen' in bij deze dataset: alleen wat het experiment echt nodig heeft.",
    });
  }
  if (problems.length > 0) throw new LivingLabError(problems);
  const fileSha256 = source.file ? await hashDataFile(source.name, source.file) : undefined;
  if (fileSha256 && context.governance.destroyedFiles.has(fileSha256)) throw destroyedProblem(context, source);
  return {
    ...source,
    run: context.started.id,
    ...(fileSha256 && { fileSha256 }),
    // On real personal data the analysis sees only the declared columns.
    ...(real && declared?.columns && { columns: declared.columns }),
  } as AdmittedSource;
}

/** The hash of a dataset file, or a problem that names the file when it cannot be read. */
export async function hashDataFile(name: string, file: string): Promise<string> {
  try {
    return await hashFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "bestaat niet" : "kan niet worden gelezen";
    throw new LivingLabError({
      code: "dataset_file_unreadable",
      message: `Het bestand ${file} van dataset '${name}' ${reason}.`,
      hint: "Controleer het pad in de suite (of --data), en of het bestand er staat.",
      file,
    });
  }
}

export function destroyedProblem(context: Pick<PermitContext, "governance">, source: DatasetSource): LivingLabError {
  const destruction = context.governance.destructions.at(-1);
  return new LivingLabError({
    code: "gate_data_destroyed",
    message: `Dataset '${source.name}' wordt niet gelezen: deze data is vernietigd${destruction ? ` (record ${destruction.seq}, ${dateText(destruction.at)})` : ""}, en staat er nu weer.`,
    hint: "Vernietigde data wordt niet opnieuw geanalyseerd. Verwijder de teruggezette kopie; is er nieuwe data, dan heeft die een andere inhoud.",
    ...(source.file && { file: source.file }),
  });
}

function fileFingerprint(dir: string, name: string, file: string, sha256: string): FileFingerprint {
  return { name, path: relative(dir, file), sha256 };
}

interface EndContext extends RunEnd {
  data: readonly DataFingerprint[];
  files: readonly FileFingerprint[];
  engine: string | undefined;
}

async function appendEnd(opened: OpenedExperiment, started: RunStartedRecord, end: EndContext): Promise<RunRecord> {
  const { schema: _s, seq: _q, prev_hash: _p, hash: _h, type: _t, torn_tail_set_aside: _r, ...same } = started;
  const artifacts = await Promise.all(
    (end.artifacts ?? []).map(async (path) => ({
      name: path.split("/").at(-1) ?? path,
      path: relative(opened.dir, path),
      sha256: await hashFile(path),
    })),
  );
  const columns = end.columns ?? started.columns_read;
  return (await appendRecord(runLogPath(opened.dir), {
    ...same,
    type: "run",
    datasets: uniqueFiles([...(started.datasets ?? []), ...end.files]),
    ...(end.data.length > 0 && { data: [...end.data] }),
    ...(columns && { columns_read: columns }),
    ...(end.checks && { checks: [...end.checks] }),
    versions: { ...started.versions, engine: end.engine ?? started.versions.engine ?? "geen" },
    outcome: end.outcome,
    metrics: end.metrics ?? {},
    artifacts,
    ended_at: new Date().toISOString(),
    ...(end.error !== undefined && { error: { message: messageOf(end.error) } }),
  })) as RunRecord;
}

function uniqueFiles(files: readonly FileFingerprint[]): FileFingerprint[] {
  const seen = new Map<string, FileFingerprint>();
  for (const f of files) seen.set(`${f.name}\u0000${f.path}`, f);
  return [...seen.values()];
}

function messageOf(error: unknown): string {
  if (error instanceof LivingLabError) return error.problems.map((p) => p.message).join(" ");
  return error instanceof Error ? error.message : String(error);
}
