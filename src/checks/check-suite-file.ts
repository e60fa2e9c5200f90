import { DuckDbEngine } from "../engines/duckdb-engine.js";
import type { SuiteResult } from "./check-result.js";
import { type LoadedSuite, loadSuite, runSuite } from "./run-suite.js";

export interface SuiteRun {
  suite: LoadedSuite;
  result: SuiteResult;
  engineVersion: string;
}

/**
 * Loads a suite file and runs it on a fresh embedded DuckDB.
 * @example const { result } = await checkSuiteFile("experiments/om-datakwaliteit/suite.yaml");
 */
export async function checkSuiteFile(file: string, options: { dataDir?: string } = {}): Promise<SuiteRun> {
  const suite = await loadSuite(file, options.dataDir);
  const engine = await DuckDbEngine.open();
  try {
    const result = await runSuite(engine, suite);
    return { suite, result, engineVersion: `duckdb ${await engine.version()}` };
  } finally {
    engine.close();
  }
}
