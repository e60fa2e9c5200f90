import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The Spark conformance tests need a running Spark: `./lab test` runs them afterwards.
    exclude: ["test/spark/**", "**/node_modules/**"],
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { TZ: "Europe/Amsterdam" },
  },
});
