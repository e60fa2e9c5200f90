import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DuckDbEngine, type Engine, loadSuite, runSuite } from "../../src/index.js";
import { writeMiniData } from "../helpers/mini-data.js";
import { openTestRun } from "../helpers/test-run.js";

describe("the content fingerprint of a suite run", () => {
  it("comes from the check scans, equal to a scan of its own, without reading a table once more", async () => {
    const dir = await writeMiniData();
    const suite = await loadSuite(join(import.meta.dirname, "mini-suite.yaml"), dir);
    const { permit } = await openTestRun();
    const engine = await DuckDbEngine.open();
    const queries: string[] = [];
    const spy = Object.assign(Object.create(Object.getPrototypeOf(engine)), engine, {
      query: (sql: string) => {
        queries.push(sql);
        return engine.query(sql);
      },
    }) as Engine;
    try {
      await runSuite(spy, suite, permit);
      // Only a dataset that no check is on (verdachten, only referred to) gets a scan of its own.
      const own = (q: string) => /FROM "([^"]+)"\n\) AS "canonical_rows"/.exec(q)?.[1];
      const checked = new Set(suite.suite.checks.map((c) => c.table));
      expect(queries.map(own).filter(Boolean)).toEqual(
        suite.datasets.map((d) => d.name).filter((n) => !checked.has(n)),
      );
      expect(checked.size).toBeGreaterThan(1);
      const recorded = permit.read().map((r) => [r.name, r.rows, r.content_sha256]);
      const separate = [];
      for (const dataset of suite.datasets) {
        const content = await engine.fingerprint(dataset.name);
        separate.push([dataset.name, content.rows, content.sha256]);
      }
      const byName = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
      expect(recorded.sort(byName)).toEqual(separate.sort(byName));
    } finally {
      await engine.close();
    }
  });

  it("of a dataset without a check is made by a scan of its own", async () => {
    const dir = await writeMiniData();
    const suite = await loadSuite(join(import.meta.dirname, "mini-suite.yaml"), dir);
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
