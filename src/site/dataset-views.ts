import { createHash } from "node:crypto";
import { type DeclaredDataset, declaredDatasets } from "../experiments/declared-data.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import type { Datasheet } from "../synth/datasheet.js";
import type { ExperimentView, LabView, RunView } from "./lab-view.js";
import { sitePaths } from "./site-paths.js";

/** One dataset of an experiment, as its datasheet page shows it. */
export interface DatasetView {
  name: string;
  /** The page's path from the site root. */
  path: string;
  /** What the experiment declares of it in `data.datasets`; undefined when only runs name it. */
  declared: DeclaredDataset | undefined;
  /** What the runs read of it, one entry per distinct file or content, oldest first. */
  versions: DatasetVersion[];
  /** How many runs read it, whatever the version. */
  runCount: number;
}

/** One version of a dataset, as the run log identifies it: a file's SHA-256, else the content fingerprint. */
export interface DatasetVersion {
  fileSha256: string | undefined;
  contentSha256: string | undefined;
  /** The runs that read this version, oldest first. */
  runs: RunView[];
  /** The generator's datasheet that lists this very file (same SHA-256), and the table in it. */
  sheet?: { file: string; sheet: Datasheet; table: string };
}

/** A run of another experiment that read the same file or content. */
export interface OtherUse {
  experiment: ExperimentView;
  run: RunView;
}

/** A dataset name that is safe as part of a file name; others get a page by their place in the list. */
const PLAIN_NAME = /^[A-Za-z0-9_-]{1,80}$/;

/**
 * The datasets of an experiment: every declared one, then every other name a run read,
 * each with the versions the run log records and the datasheet that describes each version.
 * @example datasetsOf(view).map((d) => d.name) // ["zaken", "feiten", "verdachten", "ground_truth"]
 */
export function datasetsOf(view: ExperimentView): readonly DatasetView[] {
  // `serve` keeps an experiment's view until its files change: its datasets are worked out once per view.
  let datasets = known.get(view);
  if (!datasets) {
    datasets = buildDatasets(view);
    known.set(view, datasets);
  }
  return datasets;
}

const known = new WeakMap<ExperimentView, readonly DatasetView[]>();

function buildDatasets(view: ExperimentView): DatasetView[] {
  const id = view.opened.experiment.id;
  const declared = declaredDatasets(view.opened.experiment);
  const names = [...new Set([...declared.map((d) => d.name), ...view.runs.flatMap((r) => readNames(r.record))])];
  return names.map((name) => ({
    name,
    path: datasetPath(id, name),
    declared: declared.find((d) => d.name === name),
    ...versionsOf(view, name),
  }));
}

/**
 * The page of a dataset, from its name alone: `data-<naam>.html`, or for a name that could not be
 * part of a file name (a slash, a space, a dot) `data.<part of its SHA-256>.html`.
 */
export function datasetPath(id: string, name: string): string {
  if (PLAIN_NAME.test(name)) return sitePaths.dataset(id, `data-${name}`);
  return sitePaths.dataset(id, `data.${createHash("sha256").update(name).digest("hex").slice(0, 16)}`);
}

/** The runs of other experiments in the lab that read one of these versions (same file or same content). */
export function otherUsesOf(lab: LabView, self: ExperimentView, versions: readonly DatasetVersion[]): OtherUse[] {
  const files = new Set(versions.flatMap((v) => (v.fileSha256 ? [v.fileSha256] : [])));
  const contents = new Set(versions.flatMap((v) => (v.contentSha256 ? [v.contentSha256] : [])));
  const uses: OtherUse[] = [];
  for (const entry of lab.experiments) {
    if (!entry.ok || entry.experiment === self) continue;
    for (const run of entry.experiment.runs) {
      const { record } = run;
      const same =
        record.datasets.some((d) => files.has(d.sha256)) ||
        (record.data ?? []).some((d) => !d.made && d.content_sha256 !== undefined && contents.has(d.content_sha256));
      if (same) uses.push({ experiment: entry.experiment, run });
    }
  }
  return uses;
}

/** The dataset names a run read (not the tables it made itself). */
function readNames(record: RunRecord): string[] {
  return [...record.datasets.map((d) => d.name), ...(record.data ?? []).filter((d) => !d.made).map((d) => d.name)];
}

function versionsOf(view: ExperimentView, name: string): { versions: DatasetVersion[]; runCount: number } {
  const versions = new Map<string, DatasetVersion>();
  let runCount = 0;
  for (const run of view.runs) {
    const file = run.record.datasets.find((d) => d.name === name);
    const content = (run.record.data ?? []).find((d) => d.name === name && !d.made);
    const fileSha256 = file?.sha256 ?? content?.file?.sha256;
    const contentSha256 = content?.content_sha256;
    if (fileSha256 === undefined && contentSha256 === undefined) continue;
    runCount++;
    const key = fileSha256 ?? `inhoud:${contentSha256}`;
    const version = versions.get(key);
    if (version) {
      version.runs.push(run);
      version.contentSha256 ??= contentSha256;
      continue;
    }
    const sheet = fileSha256 === undefined ? undefined : sheetListing(view, fileSha256);
    versions.set(key, { fileSha256, contentSha256, runs: [run], ...(sheet && { sheet }) });
  }
  return { versions: [...versions.values()], runCount };
}

/** The datasheet that lists a file with this SHA-256, and the table the file holds (its name without extension). */
function sheetListing(view: ExperimentView, sha256: string): DatasetVersion["sheet"] {
  for (const found of view.datasheets) {
    const listed = found.sheet.files.find((f) => f.sha256 === sha256);
    const table = listed?.name.replace(/\.[^.]*$/, "");
    if (table !== undefined && found.sheet.tables[table]) return { file: found.file, sheet: found.sheet, table };
  }
  return undefined;
}
