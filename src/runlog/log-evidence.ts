import { execFile } from "node:child_process";
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import { REPORT_DIR, RUN_RESULTS_DIR } from "../report/report-paths.js";
import type { ChainFinding } from "./log-finding.js";
import type { ChainPoint } from "./parse-log-line.js";
import { headPath, tornPath } from "./run-log.js";

const run = promisify(execFile);

/**
 * A log that does not exist is fine for an experiment that never ran, and a finding when
 * anything shows it once did: its head anchor, lines set aside beside it, results of runs
 * in the report folder (named by run id), or git, which knows every committed log.
 */
export async function missingLogFinding(file: string, head: ChainPoint | undefined): Promise<ChainFinding | undefined> {
  const reasons = [
    head && `het anker ${headPath(file)} kent record ${head.seq}`,
    (await exists(tornPath(file))) && `${tornPath(file)} bestaat nog`,
    await runResults(dirname(file)),
    await committed(file),
  ].filter((r): r is string => typeof r === "string");
  if (reasons.length === 0) return undefined;
  return {
    kind: "missing",
    line: 1,
    message: `Het logboek ${file} ontbreekt, maar het heeft wel bestaan: ${reasons.join("; ")}. Het is verwijderd of verplaatst.`,
  };
}

async function runResults(experimentDir: string): Promise<string | undefined> {
  const folder = join(experimentDir, REPORT_DIR, RUN_RESULTS_DIR);
  const runs = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith(".json"));
  return runs.length > 0 ? `${folder} bevat de uitkomsten van ${runs.length} run(s)` : undefined;
}

async function committed(file: string): Promise<string | undefined> {
  try {
    const { stdout } = await run("git", ["log", "-1", "--format=%h", "--", basename(file)], { cwd: dirname(file) });
    return stdout.trim() ? `git kent het logboek (commit ${stdout.trim()})` : undefined;
  } catch {
    return undefined;
  }
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}
