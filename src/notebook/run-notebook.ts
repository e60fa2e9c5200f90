import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { openRun } from "../door/open-run.js";
import { PARENT_RUN_VARIABLE } from "../door/parent-run.js";
import { LivingLabError } from "../errors/problem.js";
import { openExperiment } from "../experiments/open-experiment.js";
import { makeScratchDir } from "../files/scratch-dir.js";
import { type WrittenFile, writeFileAtomic } from "../files/write-file-atomic.js";
import { REPORT_DIR, RUN_RESULTS_DIR } from "../report/report-paths.js";
import type { JustificationChoice } from "../runlog/justification.js";
import { readRunLog, runLogPath } from "../runlog/run-log.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import type { Workspace } from "../workspace.js";
import { executeNotebook, renderNotebookHtml } from "./execute-notebook.js";
import { type Notebook, notebookSchema, readNotebook } from "./notebook-file.js";
import { notebookOutputProblems } from "./notebook-output-problems.js";
import { givenParameters, injectedCell, notebookParameters, type ParameterValue } from "./notebook-parameters.js";

export interface NotebookRunOptions extends JustificationChoice {
  /** The notebook file (.ipynb). */
  notebook: string;
  /** The experiment whose log holds the run (id or folder); default: the notebook's metadata `livinglab.experiment`. */
  experiment?: string;
  /** Values for the parameters cell, as `name=value`. */
  params?: readonly string[];
  /** Seconds a cell may take (default: no limit). */
  timeoutSeconds?: number;
}

export interface NotebookRun {
  /** The notebook run's end record; its children name it in `parent_run`. */
  record: RunRecord;
  /** The analyses the notebook made, in the order they ended. */
  children: RunRecord[];
  /** The executed copy kept with the run, and its rendering as a web page. */
  executed?: string;
  html?: string;
  /** The cell (from 1, as in the notebook file) where the notebook stopped on an error. */
  failedCell?: number;
}

/**
 * Executes a notebook on the tslab kernel as one logged run: through the door first, with the
 * notebook's hash and the parameters given, which go into a cell after the one tagged
 * `parameters`. The analyses the notebook makes are recorded as children of this run. The
 * executed copy is kept in `rapport/runs/<run>.ipynb` (and `.html`) when its outputs show no
 * personal value; a failing cell ends the run as failed, naming the cell.
 * @example const run = await runNotebook(lab, { notebook: "notebooks/01-om-datakwaliteit.ipynb", params: ["zaken=2000"], justification });
 */
export async function runNotebook(workspace: Workspace, options: NotebookRunOptions): Promise<NotebookRun> {
  const file = resolve(workspace.root, options.notebook);
  const { notebook, bytes } = await readNotebook(file);
  const experiment = options.experiment ?? notebook.metadata.livinglab?.experiment;
  if (experiment === undefined) {
    throw new LivingLabError({
      code: "notebook_experiment_missing",
      message: `Het notebook ${basename(file)} zegt niet bij welk experiment het hoort.`,
      hint: 'Geef --experiment <id>, of zet in de metadata van het notebook: "livinglab": { "experiment": "<id>" }.',
      file,
    });
  }
  const opened = await openExperiment(workspace, experiment);
  const cell = notebookParameters(notebook);
  const values = givenParameters(cell?.parameters ?? [], options.params ?? [], file);
  const permit = await openRun({
    workspace,
    opened,
    ...(options.justification !== undefined && { justification: options.justification }),
    ...(options.reuseJustification !== undefined && { reuseJustification: options.reuseJustification }),
    analysis: {
      name: "notebook",
      params: {
        notebook: relative(workspace.root, file),
        notebook_sha256: createHash("sha256").update(bytes).digest("hex"),
        parameters: values,
      },
    },
    reads: { datasets: [], columns: {} },
  });
  const scratch = await makeScratchDir("notebook");
  try {
    const injected = withParameters(notebook, cell?.index, cell?.parameters ?? [], values);
    const source = join(scratch.path, "invoer.ipynb");
    const target = join(scratch.path, "uitgevoerd.ipynb");
    await writeFile(source, `${JSON.stringify(injected, null, 1)}\n`);
    const execution = await executeNotebook({
      source,
      target,
      cwd: dirname(file),
      env: { [PARENT_RUN_VARIABLE]: permit.id },
      ...(options.timeoutSeconds !== undefined && { timeoutSeconds: options.timeoutSeconds }),
    });
    const executedText = await readFile(target, "utf8");
    const executed = notebookSchema.parse(JSON.parse(executedText));
    const refused = notebookOutputProblems(executed, file);
    if (refused.length > 0) throw new LivingLabError(refused);
    const kept = await keepExecuted(opened.dir, permit.id, executedText, target);
    const failedCell = execution.cell === undefined ? undefined : originalCell(execution.cell, cell?.index, values);
    const record = await permit.end({
      outcome: execution.outcome === "completed" ? "completed" : "failed",
      artifacts: kept.artifacts,
      ...(failedCell !== undefined && { error: cellFailure(failedCell, basename(file), execution.outcome) }),
    });
    const children = (await readRunLog(runLogPath(opened.dir))).filter((r) => r.parent_run === permit.id);
    return {
      record,
      children,
      executed: kept.notebook,
      html: kept.html,
      ...(failedCell !== undefined && { failedCell }),
    };
  } catch (error) {
    await permit.end({ outcome: "error", error });
    throw error;
  } finally {
    await scratch.remove();
  }
}

function withParameters(
  notebook: Notebook,
  index: number | undefined,
  declared: Parameters<typeof injectedCell>[0],
  values: Record<string, ParameterValue>,
): Notebook {
  if (index === undefined || Object.keys(values).length === 0) return notebook;
  const cells = [...notebook.cells];
  cells.splice(index + 1, 0, injectedCell(declared, values));
  return { ...notebook, cells };
}

/** The cell number (from 1) in the user's notebook, for a cell index in the executed copy. */
function originalCell(
  executedIndex: number,
  parametersIndex: number | undefined,
  values: Record<string, ParameterValue>,
): number {
  const injected = parametersIndex !== undefined && Object.keys(values).length > 0 && executedIndex > parametersIndex;
  return executedIndex + 1 - (injected ? 1 : 0);
}

function cellFailure(cell: number, name: string, outcome: string): LivingLabError {
  const how =
    outcome === "timeout" ? "duurde te lang" : outcome === "kernel_died" ? "liet de kernel stoppen" : "gaf een fout";
  return new LivingLabError({
    code: "notebook_cell_failed",
    message: `Cel ${cell} van ${name} ${how}; het notebook stopte daar.`,
    hint: "Open het uitgevoerde notebook bij deze run om de fout te zien, verbeter de cel en draai het notebook opnieuw.",
  });
}

async function keepExecuted(
  dir: string,
  run: string,
  text: string,
  scratchCopy: string,
): Promise<{ notebook: string; html: string; artifacts: WrittenFile[] }> {
  const folder = join(dir, REPORT_DIR, RUN_RESULTS_DIR);
  const notebook = await writeFileAtomic(join(folder, `${run}.ipynb`), text);
  await renderNotebookHtml(scratchCopy, dirname(scratchCopy), "weergave");
  const html = await writeFileAtomic(
    join(folder, `${run}.html`),
    await readFile(join(dirname(scratchCopy), "weergave.html")),
  );
  return { notebook: notebook.path, html: html.path, artifacts: [notebook, html] };
}
