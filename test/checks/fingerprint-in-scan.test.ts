import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LoadedSuite } from "../../src/checks/load-suite.js";
import { framesAsDatasets } from "../../src/frames/frames-as-datasets.js";
import { DuckDbEngine, frameFromQuery, loadSuite, runSuite } from "../../src/index.js";
import { watchQueries } from "../helpers/engines.js";
import { writeMiniData } from "../helpers/mini-data.js";
import { openTestRun } from "../helpers/test-run.js";

/**
 * The mini suite with zaken and vreemd handed back as DataFrames: read from memory, they have no
 * file hash, so the run records them by their content fingerprint; verdachten stays a file.
 */
async function miniWithFrames(): Promise<LoadedSuite> {
  const dir = await writeMiniData();
  const suite = await loadSuite(join(import.meta.dirname, "mini-suite.yaml"), dir);
  const reader = await DuckDbEngine.open();
  try {
    const frame = (name: string) =>
      frameFromQuery(reader, `SELECT * FROM read_parquet('${join(dir, `${name}.parquet`).replaceAll("'", "''")}')`);
    return framesAsDatasets(suite, { zaken: await frame("zaken"), vreemd: await frame("vreemd") });
  } finally {
    await reader.close();
  }
}

describe("the content fingerprint of a suite run", () => {
  it("comes from the check scans, equal to a scan of its own, without reading a table once more", async () => {
    const suite = await miniWithFrames();
    const { permit } = await openTestRun();
    const engine = await DuckDbEngine.open();
    const { engine: spy, queries } = watchQueries(engine);
    try {
      await runSuite(spy, suite, permit);
      // No scan of its own: the frames' fingerprints come from their check scans, and the file
      // (verdachten, only referred to) is known by its SHA-256, its rows counted.
      expect(queries.filter((q) => /canonical_rows/.test(q))).toEqual([]);
      expect(queries.filter((q) => /md5/i.test(q)).length).toBeGreaterThan(0);
      const recorded = permit.read().map((r) => [r.name, r.rows, r.content_sha256]);
      const separate = [];
      for (const name of ["vreemd", "zaken"]) {
        const content = await engine.fingerprint(name);
        separate.push([name, content.rows, content.sha256]);
      }
      separate.push(["verdachten", 3, undefined]);
      const byName = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
      expect(recorded.sort(byName)).toEqual(separate.sort(byName));
    } finally {
      await engine.close();
    }
  });

  it("of a dataset without a check is made by a scan of its own", async () => {
    const suite = await miniWithFrames();
    const onlyZaken = {
      ...suite,
      suite: { ...suite.suite, checks: suite.suite.checks.filter((c) => c.table === "zaken" && c.kind === "not_null") },
    };
    const { permit } = await openTestRun();
    const engine = await DuckDbEngine.open();
    try {
      await runSuite(engine, onlyZaken, permit);
      expect(
        permit
          .read()
          .map((r) => r.name)
          .sort(),
      ).toEqual(suite.datasets.map((d) => d.name).sort());
      const vreemd = permit.read().find((r) => r.name === "vreemd");
      expect(vreemd?.content_sha256).toBe((await engine.fingerprint("vreemd")).sha256);
    } finally {
      await engine.close();
    }
  });
});
