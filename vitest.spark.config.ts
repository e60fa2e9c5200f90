import { defineConfig } from "vitest/config";

/**
 * The Spark conformance step of `./lab test`: run after the other tests, against the local
 * Spark that `./lab` starts (SPARK_REMOTE and LIVINGLAB_SPARK_THRIFT_URL say where).
 */
export default defineConfig({
  test: {
    include: ["test/spark/**/*.test.ts"],
    // The temp folder and the throwaway PostgreSQL, for fingerprints compared on all three engines.
    globalSetup: ["test/helpers/global-setup.ts"],
    // One file at a time: the local Spark has two cores, and the files share it.
    fileParallelism: false,
    // No time limit per test: on a loaded machine Spark is slow, not wrong. Every wait in the
    // step is for a signal (ports, the master's word, a query's answer).
    testTimeout: 0,
    hookTimeout: 0,
    env: { TZ: "Europe/Amsterdam" },
  },
});
