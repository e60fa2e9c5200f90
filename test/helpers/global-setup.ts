import type { TestProject } from "vitest/node";
import { startPostgresCluster } from "./postgres-cluster.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgEnv: Record<string, string>;
    pgUrl: string;
  }
}

/** One PostgreSQL server for the whole test run; every engine test runs on it as well as on DuckDB. */
export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPostgresCluster();
  project.provide("pgEnv", cluster.env);
  project.provide("pgUrl", cluster.url);
  return () => cluster.stop();
}
