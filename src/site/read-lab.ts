import { join } from "node:path";
import { type Outcome, outcomes } from "../checks/check-result.js";
import { EXPERIMENT_FILE } from "../experiments/open-experiment.js";
import { REPORT_DIR } from "../report/write-summary.js";
import { RUN_LOG_FILE } from "../runlog/run-log.js";
import type { Workspace } from "../workspace.js";
import type { ExperimentEntry, LabView, RunView } from "./lab-view.js";
import { listExperimentIds, type OpenedOrProblems, readExperiment } from "./sources/experiment-source.js";
import { openResultsFolder } from "./sources/results-source.js";
import { readRunLogContents } from "./sources/run-log-source.js";
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
  /** How many times the catalog and each experiment were read from disk. */
  readonly reads: { catalog: number; experiments: number };
}

interface Cached<T> {
  stamp: string;
  value: T;
}

/**
 * A lab reader for `serve`: each request costs a few `stat` calls; the catalog or an
 * experiment is read again only when one of its files changed (size, times or inode).
 * @example const reader = createLabReader(openWorkspace()); const lab = await reader.read();
 */
export function createLabReader(workspace: Workspace): LabReader {
  let catalog: Cached<Awaited<ReturnType<typeof readCatalog>>> | undefined;
  let experiments = new Map<string, Cached<ExperimentEntry>>();
  const reads = { catalog: 0, experiments: 0 };
  // Requests that come in together share one read.
  let reading: Promise<LabView> | undefined;
  const readAll = async (): Promise<LabView> => {
    const catalogStamp = await stampOfAll([], [workspace.templatesDir]);
    if (catalog?.stamp !== catalogStamp) {
      reads.catalog++;
      // Experiments are validated against the templates, so they are read again too.
      catalog = { stamp: catalogStamp, value: await readCatalog(workspace) };
      experiments = new Map();
    }
    const next = new Map<string, Cached<ExperimentEntry>>();
    for (const id of await listExperimentIds(workspace)) {
      const dir = join(workspace.experimentsDir, id);
      const stamp = await stampOfAll([join(dir, EXPERIMENT_FILE), join(dir, RUN_LOG_FILE)], [join(dir, REPORT_DIR)]);
      const cached = experiments.get(id);
      if (cached?.stamp === stamp) {
        next.set(id, cached);
        continue;
      }
      reads.experiments++;
      next.set(id, { stamp, value: await readExperimentEntry(await readExperiment(workspace, id)) });
    }
    experiments = next;
    const { principles, templates, problems } = catalog.value;
    return { principles, templates, problems, experiments: [...next.values()].map((c) => c.value) };
  };
  return {
    reads,
    read() {
      reading ??= readAll().finally(() => {
        reading = undefined;
      });
      return reading;
    },
  };
}

/** One experiment with its runs (each with its results, when they match the log), reviews and publications. */
async function readExperimentEntry(entry: OpenedOrProblems): Promise<ExperimentEntry> {
  if (!entry.ok) return entry;
  const log = await readRunLogContents(entry.opened.dir);
  const results = await openResultsFolder(entry.opened.dir);
  const runs: RunView[] = [];
  for (const record of log.runs) {
    const found = await results.resultsOf(record);
    const number = runs.length + 1;
    if (found.state === "verified") {
      runs.push({ number, record, checks: found.checks, outcome: found.outcome, results: "verified" });
      continue;
    }
    runs.push({
      number,
      record,
      checks: undefined,
      outcome: outcomeOf(record.outcome),
      results: found.state,
      ...(found.file !== undefined && { mismatchedFile: found.file }),
    });
  }
  return {
    ok: true,
    experiment: {
      opened: entry.opened,
      runs,
      reviews: log.reviews,
      publications: log.publications,
      problems: log.problems,
    },
  };
}

function outcomeOf(value: string): Outcome | undefined {
  return outcomes.find((o) => o === value);
}
