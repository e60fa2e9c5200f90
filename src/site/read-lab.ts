import { join } from "node:path";
import { type Outcome, outcomes } from "../checks/check-result.js";
import { EXPERIMENT_FILE } from "../experiments/open-experiment.js";
import { gateInputFor, localDate, ownSuiteFile } from "../gates/gate-input.js";
import { openResultsFolder } from "../report/recorded-results.js";
import { REPORT_DIR } from "../report/write-summary.js";
import type { Workspace } from "../workspace.js";
import type { ExperimentEntry, LabView, RunView } from "./lab-view.js";
import { datasheetCandidates, readDatasheets } from "./sources/datasheet-source.js";
import { listExperimentIds, type OpenedOrProblems, readExperiment } from "./sources/experiment-source.js";
import { readExecutedNotebook } from "./sources/notebook-source.js";
import { createRunLogReader, type RunLogContents, type RunLogReader } from "./sources/run-log-source.js";
import { stampOfAll } from "./sources/source-stamp.js";
import { readCatalog } from "./sources/template-source.js";

/**
 * Reads the whole lab for the site: experiments, their runs and results, reviews and the
 * template catalog. Bad files become problems shown on the pages, never a half-built site.
 * @example const lab = await readLab(openWorkspace());
 */
export async function readLab(workspace: Workspace): Promise<LabView> {
  return createLabReader(workspace).read();
}

/** A reader that keeps what it read and reads a part of the lab again only when its files changed. */
export interface LabReader {
  read(): Promise<LabView>;
  /** How many times the catalog, an experiment file and a whole run log were read from disk. */
  readonly reads: { catalog: number; experiments: number; logs: number };
}

interface CachedExperiment {
  /** The experiment file (and the catalog it is checked against). */
  stamp: string;
  opened: OpenedOrProblems;
  log: RunLogReader;
  /**
   * What the entry was built from: the experiment, the log as read, the report folder, and what
   * else the governance state depends on (the experiment's suite, today's date).
   */
  built?: {
    log: RunLogContents;
    report: string;
    inputs: string;
    entry: ExperimentEntry;
    /** The datasheets that may describe data the runs of `log` read (one look through the runs per log read). */
    sheetFiles: string[];
  };
}

/**
 * A lab reader for `serve`: each request costs a few `stat` calls. The catalog or an
 * experiment file is read again only when it changed (size, times or inode); a run log that
 * grew is read from where it was, so a new run costs its own lines, not the whole log.
 * @example const reader = createLabReader(openWorkspace()); const lab = await reader.read();
 */
export function createLabReader(workspace: Workspace): LabReader {
  let catalog: { stamp: string; value: Awaited<ReturnType<typeof readCatalog>> } | undefined;
  let experiments = new Map<string, CachedExperiment>();
  const counts = { catalog: 0, experiments: 0 };
  // Requests that come in together share one read.
  let reading: Promise<LabView> | undefined;
  const readAll = async (): Promise<LabView> => {
    const catalogStamp = await stampOfAll([], [workspace.templatesDir]);
    if (catalog?.stamp !== catalogStamp) {
      counts.catalog++;
      catalog = { stamp: catalogStamp, value: await readCatalog(workspace) };
    }
    const next = new Map<string, CachedExperiment>();
    for (const id of await listExperimentIds(workspace)) {
      const dir = join(workspace.experimentsDir, id);
      // Experiments are validated against the templates: a changed catalog opens them again.
      const stamp = `${catalogStamp}\n${await stampOfAll([join(dir, EXPERIMENT_FILE)])}`;
      let cached = experiments.get(id);
      if (cached?.stamp !== stamp) {
        counts.experiments++;
        cached = { stamp, opened: await readExperiment(workspace, id), log: cached?.log ?? createRunLogReader(dir) };
      }
      next.set(id, cached);
      await buildEntry(cached, dir);
    }
    experiments = next;
    const { principles, templates, problems } = catalog.value;
    return {
      principles,
      templates,
      problems,
      experiments: [...next.values()].flatMap((c) => (c.built ? [c.built.entry] : [])),
    };
  };
  return {
    get reads() {
      return { ...counts, logs: [...experiments.values()].reduce((sum, c) => sum + c.log.fullReads, 0) };
    },
    read() {
      reading ??= readAll().finally(() => {
        reading = undefined;
      });
      return reading;
    },
  };
}

/** Builds (or keeps) an experiment's entry from its opened file, its run log and its report folder. */
async function buildEntry(cached: CachedExperiment, dir: string): Promise<void> {
  const { opened } = cached;
  if (!opened.ok) {
    cached.built = {
      log: { records: [], runs: [], problems: [] },
      report: "",
      inputs: "",
      entry: opened,
      sheetFiles: [],
    };
    return;
  }
  const log = await cached.log.read();
  const report = await stampOfAll([], [join(dir, REPORT_DIR)]);
  const sheetFiles = cached.built?.log === log ? cached.built.sheetFiles : datasheetCandidates(dir, log.runs);
  const inputs = `${localDate()}\n${await stampOfAll([ownSuiteFile(opened.opened), ...sheetFiles])}`;
  const built = cached.built;
  if (built?.log === log && built.report === report && built.inputs === inputs && built.entry.ok) {
    if (built.entry.experiment.opened === opened.opened) return;
  }
  const results = await openResultsFolder(dir);
  const runs: RunView[] = [];
  for (const record of log.runs) {
    const found = await results.resultsOf(record);
    const number = runs.length + 1;
    // A notebook run's executed notebook, kept under the report folder (so its stamp covers it).
    const notebookHtml = await readExecutedNotebook(dir, record);
    if (found.state === "verified") {
      runs.push({
        ...(notebookHtml !== undefined && { notebookHtml }),
        number,
        record,
        checks: found.results.checks,
        outcome: found.results.outcome,
        results: "verified",
      });
      continue;
    }
    runs.push({
      ...(notebookHtml !== undefined && { notebookHtml }),
      number,
      record,
      checks: undefined,
      outcome: outcomeOf(record.outcome),
      results: found.state,
      ...(found.file !== undefined && { mismatchedFile: found.file }),
    });
  }
  const datasheets = await readDatasheets(dir, sheetFiles);
  // The one governance state, as status and the gates build it, from the records read already.
  const { governance } = await gateInputFor(opened.opened, { records: log.records });
  const entry: ExperimentEntry = {
    ok: true,
    experiment: {
      opened: opened.opened,
      runs,
      governance,
      reviews: governance.reviews.map((r) => ({
        who: r.reviewer,
        at: r.at,
        verdict: r.verdict,
        note: r.note,
        ...(r.run && { runId: r.run }),
        inForce: r.inForce,
        ...(r.void && { void: r.void }),
      })),
      publications: governance.publications.map((p) => ({
        who: p.who,
        at: p.at,
        to: p.to,
        file: p.file.split("/").at(-1) ?? p.file,
      })),
      datasheets: datasheets.sheets,
      problems: [...log.problems, ...datasheets.problems],
    },
  };
  cached.built = { log, report, inputs, entry, sheetFiles };
}

function outcomeOf(value: string): Outcome | undefined {
  return outcomes.find((o) => o === value);
}
