import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/cli.js";

/** Imports the library in a fresh process, optionally makes one DataFrame, and lists what was loaded. */
function loadedAfter(makeFrame: boolean): string[] {
  const script = `
    import { createRequire } from "node:module";
    const lib = await import(${JSON.stringify(join(REPO, "src/index.ts"))});
    if (${makeFrame}) {
      const engine = await lib.DuckDbEngine.open();
      await lib.frameFromQuery(engine, "SELECT 1 AS a");
      await engine.close();
    }
    const cache = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify(cache.filter((f) => /node_modules\\/(danfojs-node|@tensorflow)\\//.test(f))));
  `;
  const tsx = join(REPO, "node_modules/tsx/dist/esm/index.mjs");
  const run = spawnSync(process.execPath, ["--import", tsx, "--input-type=module", "-e", script], {
    cwd: REPO,
    encoding: "utf8",
  });
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as string[];
}

describe("danfojs-node and TensorFlow.js load only when a DataFrame is made", () => {
  it("are not loaded by importing the library (so the CLI starts as fast as before)", () => {
    expect(loadedAfter(false)).toEqual([]);
  });

  it("are loaded by the first DataFrame", () => {
    const loaded = loadedAfter(true);
    expect(loaded.some((f) => f.includes("node_modules/danfojs-node/"))).toBe(true);
    expect(loaded.some((f) => f.includes("node_modules/@tensorflow/tfjs-core/"))).toBe(true);
  });
});
