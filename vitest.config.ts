import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The Spark conformance tests need a running Spark: `./lab test` runs them afterwards.
    exclude: ["test/spark/**", "**/node_modules/**"],
    globalSetup: ["test/helpers/global-setup.ts"],
    // Most tests wait on processes they start (the CLI, PostgreSQL, Jupyter, Chromium), so three
    // files at a time keep both cores busy; vitest's default on two cores is one file at a time.
    maxWorkers: 3,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { TZ: "Europe/Amsterdam" },
  },
});
