import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type CheckResult,
  checkKinds,
  checkResultSchema,
  DuckDbEngine,
  isLivingLabError,
  loadSuite,
  metricMeanings,
  metricUnits,
  runSuite,
  type SuiteResult,
} from "../../src/index.js";
import { MINI_TABLES, writeMiniData } from "../helpers/mini-data.js";
import { testPermit } from "../helpers/test-run.js";

let dir: string;
let result: SuiteResult;
/** The drift check follows `not-null`, whose earlier share was 0.1. */
const EARLIER = 0.1;

beforeAll(async () => {
  dir = await writeMiniData();
  await copyFile(join(import.meta.dirname, "mini-suite.yaml"), join(dir, "mini-suite.yaml"));
  const engine = await DuckDbEngine.open();
  try {
    const loaded = await loadSuite(join(dir, "mini-suite.yaml"));
    result = (await runSuite(engine, loaded, await testPermit(), { history: { "not-null": [EARLIER] } })).result;
  } finally {
    await engine.close();
  }
});

/** Rows per mini table, counted from its literal SQL. */
function rowsOf(table: string): number {
  return (MINI_TABLES[table]?.match(/^\s*\(/gm) ?? []).length;
}

/**
 * What a metric must satisfy for its unit, stated here from the meaning of the unit, not
 * from the code that computes it.
 */
const meaningOf: Record<CheckResult["unit"], (check: CheckResult, all: readonly CheckResult[]) => void> = {
  share: (c) => {
    expect(c.counted).toBe("rows");
    expect(c.row_count).toBeGreaterThan(0);
    expect(c.metric).toBeGreaterThanOrEqual(0);
    expect(c.metric).toBeLessThanOrEqual(1);
    expect(c.metric).toBeCloseTo(c.failing_count / c.row_count, 12);
  },
  count: (c) => {
    expect(Number.isInteger(c.metric)).toBe(true);
    expect(c.metric).toBeGreaterThanOrEqual(0);
    expect(c.metric).toBeLessThanOrEqual(rowsOf(c.table));
  },
  ratio: (c) => {
    expect(c.counted).toBe("groups");
    expect(c.metric).toBeGreaterThanOrEqual(0);
    // A ratio of a group's rate to the whole's: a group beyond its margin has a ratio above it.
    if (c.failing_count > 0) expect(c.metric).toBeGreaterThan(c.threshold.max_ratio ?? 0);
  },
  share_change: (c, all) => {
    const followed = all.find((other) => other.id === "not-null");
    expect(followed?.unit).toBe("share");
    expect(c.metric).toBeCloseTo(Math.abs((followed?.metric ?? 0) - EARLIER), 12);
  },
  count_change: () => expect.unreachable("the mini suite has no drift of a count"),
  ratio_change: () => expect.unreachable("the mini suite has no drift of a ratio"),
};

describe("every check kind says what its metric is", () => {
  it.each([...checkKinds])("%s: its result carries a unit that matches what the metric measures", (kind) => {
    const measured = result.checks.filter((c) => c.kind === kind && c.metric !== null);
    expect(measured.length, `the mini suite measures a check of kind ${kind}`).toBeGreaterThan(0);
    for (const check of measured) {
      expect(metricUnits).toContain(check.unit);
      meaningOf[check.unit](check, result.checks);
      expect(checkResultSchema.safeParse(check).success).toBe(true);
    }
  });

  it("knows each check's unit before any data is read, from the measure its kind declares", async () => {
    const loaded = await loadSuite(join(dir, "mini-suite.yaml"));
    const meanings = metricMeanings(loaded, "2025-06-30");
    for (const check of result.checks) {
      expect(meanings.get(check.id)).toEqual({ unit: check.unit, counted: check.counted });
    }
  });

  it("gives a check that could not run the unit it would have had", async () => {
    const engine = await DuckDbEngine.open();
    try {
      const loaded = await loadSuite(join(dir, "mini-suite.yaml"));
      const first = (await runSuite(engine, loaded, await testPermit())).result;
      // Without earlier runs, drift has nothing to compare with.
      const drift = first.checks.find((c) => c.id === "drift");
      expect(drift).toMatchObject({ outcome: "not_evaluated", metric: null, unit: "share_change" });
      expect(drift?.finding).toBeUndefined();
    } finally {
      await engine.close();
    }
  });

  it("says in words what was found, with small counts suppressed", () => {
    const finding = (id: string) => result.checks.find((c) => c.id === id)?.finding;
    // Two of seven rows: a count below five, so the share is not shown either.
    expect(finding("not-null")).toBe("bij een klein deel van de rijen in zaken ontbreekt parketnummer");
    expect(finding("row-count")).toBe("zaken heeft 7 rijen, verwacht minstens 10");
    expect(finding("disparity")).toBe(
      "in één arrondissement van zaken komt de gemeten afwijking (pleegdatum) 3,5 keer zo vaak voor als in het geheel",
    );
    // A drift names the check it follows by what that check expects, never by its id.
    expect(finding("drift")).toMatch(
      /^de uitkomst van de controle "Het veld parketnummer is altijd ingevuld" verschoof 18,6 procentpunt/,
    );
    expect(result.checks.find((c) => c.id === "drift")?.description).toMatch(
      // The margin in the unit of the change it bounds (0.1 of a share), not as a bare number.
      /^De uitkomst van de controle "Het veld parketnummer is altijd ingevuld" verschuift hoogstens 10 procentpunt ten opzichte van de laatste 5 runs\.$/,
    );
  });

  it("refuses a suite whose checks read their own outcome, so every unit can be known", async () => {
    const file = join(dir, "kring.yaml");
    await writeFile(
      file,
      [
        "format: livinglab-suite/2",
        "name: kring",
        "datasets:",
        "  zaken: { file: zaken.parquet, key: zaak_id }",
        "checks:",
        "  - { id: a, kind: drift, table: zaken, metric_of: b, max_change: 0.1 }",
        "  - { id: b, kind: drift, table: zaken, metric_of: a, max_change: 0.1 }",
      ].join("\n"),
    );
    const error = await loadSuite(file).catch((e: unknown) => e);
    expect(isLivingLabError(error)).toBe(true);
    if (!isLivingLabError(error)) return;
    expect(error.problems.map((p) => p.code)).toEqual(["check_reads_itself", "check_reads_itself"]);
    expect(error.problems[0]?.line).toBe(6);
  });
});
