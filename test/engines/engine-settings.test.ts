import { describe, expect, it } from "vitest";
import { DuckDbEngine, duckdbSettings, isLivingLabError } from "../../src/index.js";

describe("memory and threads of the embedded engine", () => {
  it("come from the options, else from LIVINGLAB_MEMORY and LIVINGLAB_THREADS, else 1GB and one thread per core", () => {
    expect(duckdbSettings({ memoryLimit: "2GB", threads: 2 }, {})).toEqual({ memory_limit: "2GB", threads: "2" });
    expect(duckdbSettings({}, { LIVINGLAB_MEMORY: "512MiB", LIVINGLAB_THREADS: "1" })).toEqual({
      memory_limit: "512MiB",
      threads: "1",
    });
    expect(duckdbSettings({ memoryLimit: "3GB" }, { LIVINGLAB_MEMORY: "512MiB" })).toEqual({ memory_limit: "3GB" });
    expect(duckdbSettings({}, {})).toEqual({ memory_limit: "1GB" });
  });

  it("are what DuckDB then runs with", async () => {
    const engine = await DuckDbEngine.open(":memory:", duckdbSettings({ memoryLimit: "600MB", threads: 1 }, {}));
    try {
      const [row] = await engine.query("SELECT current_setting('threads') AS t, current_setting('memory_limit') AS m");
      expect(row).toEqual({ t: 1, m: "572.2 MiB" });
      // One thread holds one state per check: a scan fits twice the checks of two threads.
      const two = await DuckDbEngine.open(":memory:", duckdbSettings({ memoryLimit: "600MB", threads: 2 }, {}));
      expect(engine.scanCapacity()).toBe(2 * two.scanCapacity());
      await two.close();
    } finally {
      await engine.close();
    }
  });

  it.each([
    [{ memoryLimit: "veel" }, {}, "engine_memory_invalid"],
    [{}, { LIVINGLAB_MEMORY: "2 gigabyte" }, "engine_memory_invalid"],
    [{ threads: 0 }, {}, "engine_threads_invalid"],
    [{}, { LIVINGLAB_THREADS: "twee" }, "engine_threads_invalid"],
  ])("refuses %o %o with %s, in Dutch with a hint", (options, env, code) => {
    let error: unknown;
    try {
      duckdbSettings(options, env);
    } catch (e) {
      error = e;
    }
    expect(isLivingLabError(error)).toBe(true);
    if (!isLivingLabError(error)) return;
    expect(error.problems[0]?.code).toBe(code);
    expect(error.problems[0]?.hint).toMatch(/--(memory|threads)/);
  });
});
