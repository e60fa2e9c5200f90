import { type Outcome, outcomes } from "../checks/check-result.js";
import { gateInputFor } from "../gates/gate-input.js";
import type { Workspace } from "../workspace.js";
import type { ExperimentEntry, LabView, RunView } from "./lab-view.js";
import { readExperiments } from "./sources/experiment-source.js";
import { readRunResults } from "./sources/results-source.js";
import { readRunLogContents } from "./sources/run-log-source.js";
import { readCatalog } from "./sources/template-source.js";

/**
 * Reads the whole lab for the site: experiments, their runs and results, reviews and the
 * template catalog. Bad files become problems shown on the pages, never a half-built site.
 * @example const lab = await readLab(openWorkspace());
 */
export async function readLab(workspace: Workspace): Promise<LabView> {
  const catalog = await readCatalog(workspace);
  const experiments: ExperimentEntry[] = [];
  for (const entry of await readExperiments(workspace)) {
    if (!entry.ok) {
      experiments.push(entry);
      continue;
    }
    const log = await readRunLogContents(entry.opened.dir);
    const runs: RunView[] = [];
    for (const record of log.runs) {
      const results = await readRunResults(entry.opened.dir, record.id);
      runs.push({
        number: runs.length + 1,
        record,
        checks: results?.checks,
        outcome: results?.outcome ?? outcomeOf(record.outcome),
      });
    }
    const { governance } = await gateInputFor(entry.opened, { records: log.records });
    experiments.push({
      ok: true,
      experiment: {
        opened: entry.opened,
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
        problems: log.problems,
      },
    });
  }
  return { principles: catalog.principles, experiments, templates: catalog.templates, problems: catalog.problems };
}

function outcomeOf(value: string): Outcome | undefined {
  return outcomes.find((o) => o === value);
}
