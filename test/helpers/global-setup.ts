import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { REPO } from "./cli.js";
import { startPostgresCluster } from "./postgres-cluster.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The test cluster's maintenance database: tests use their own, see fileDatabase(). */
    pgServerEnv: Record<string, string>;
    pgServerUrl: string;
  }
}

/**
 * One temp folder and one PostgreSQL server for the whole test run. Every test's temp files
 * (throwaway labs, data, browser profiles) land under TMPDIR and are removed at the end.
 * The CLI tests run the built command: `./lab build` compiles it first when src/ is newer than
 * dist/, so `vitest` alone never tests a stale build.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  execFileSync(join(REPO, "lab"), ["build"], { stdio: "inherit" });
  const runTmp = mkdtempSync(join(tmpdir(), "livinglab-tests-"));
  // Traversable, so the PostgreSQL server (running as its own account) can reach its folder inside.
  chmodSync(runTmp, 0o755);
  process.env.TMPDIR = runTmp;
  let cluster: Awaited<ReturnType<typeof startPostgresCluster>>;
  try {
    cluster = await startPostgresCluster();
  } catch (error) {
    rmSync(runTmp, { recursive: true, force: true });
    throw error;
  }
  project.provide("pgServerEnv", cluster.env);
  project.provide("pgServerUrl", cluster.url);
  return () => {
    try {
      cluster.stop();
    } finally {
      rmSync(runTmp, { recursive: true, force: true });
    }
  };
}
