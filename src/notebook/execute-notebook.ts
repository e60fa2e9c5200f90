import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { LivingLabError } from "../errors/problem.js";
import { packageRoot } from "../workspace.js";

/** How an execution ended: every cell ran, or the cell (index in the executed copy) where it stopped. */
export interface Execution {
  outcome: "completed" | "failed" | "timeout" | "kernel_died";
  cell?: number;
}

/** The project's own Jupyter: the Python of `.venv`, where `./lab setup` registered the tslab kernel. */
export function projectPython(): string {
  const python = join(packageRoot(), ".venv", "bin", "python");
  if (!existsSync(python)) {
    throw new LivingLabError({
      code: "jupyter_missing",
      message: "De Jupyter-omgeving van livinglab (.venv) is er nog niet.",
      hint: "Voer eerst ./lab setup uit in de map van livinglab.",
    });
  }
  return python;
}

/**
 * Executes `source` on the tslab kernel of the project's Jupyter (nbclient), in the folder
 * `cwd`, and writes the executed copy to `target`, stopping at the first failing cell.
 * `env` goes to the kernel (the parent run's id).
 */
export function executeNotebook(options: {
  source: string;
  target: string;
  cwd: string;
  env: Record<string, string>;
  timeoutSeconds?: number;
}): Promise<Execution> {
  const script = join(packageRoot(), "jupyter", "execute_notebook.py");
  const args = [script, options.source, options.target, options.cwd, "tslab", String(options.timeoutSeconds ?? 0)];
  const child = spawn(projectPython(), args, {
    cwd: options.cwd,
    env: { ...process.env, JUPYTER_PREFER_ENV_PATH: "1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      const report = stdout.trim().split("\n").at(-1) ?? "";
      if (code === 0 && report.startsWith("{")) resolve(JSON.parse(report) as Execution);
      else reject(new Error(`Jupyter stopped with code ${code}: ${stderr.trim().split("\n").slice(-5).join("\n")}`));
    });
  });
}

/** Renders an executed notebook to HTML with the project's nbconvert; the outputs are as the notebook holds them. */
export function renderNotebookHtml(notebook: string, outputDir: string, name: string): Promise<void> {
  const args = [
    "-m",
    "nbconvert",
    "--to",
    "html",
    "--output-dir",
    outputDir,
    "--output",
    name,
    "--template",
    "basic",
    "--HTMLExporter.sanitize_html=True",
    notebook,
    "--log-level=WARN",
  ];
  const child = spawn(projectPython(), args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`nbconvert stopped with code ${code}: ${stderr.trim()}`)),
    );
  });
}
