import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import {
  DuckDbEngine,
  loadSuite,
  metricsChartOptions,
  type RunRecord,
  readCheckResults,
  renderChart,
  renderDimensionHeadlines,
  resultsChartOptions,
  runSuite,
  type SuiteResult,
  summarizeDimensions,
} from "../../src/index.js";
import { renderDimensionScores } from "../../src/site/components.js";
import { scoreDimensions } from "../../src/site/quality.js";
import { testDataDir, testPermit } from "../helpers/test-run.js";

let result: SuiteResult;

/**
 * Fifty cases: 31 (62%) lack their afdoening, 2 lack their pleegdatum (a count below five),
 * every zaak_id and status is filled in. Averaging the failure rates of these five
 * completeness checks would say "86,8% goed"; the data say something else.
 */
beforeAll(async () => {
  const dir = await testDataDir("headline-");
  const engine = await DuckDbEngine.open();
  try {
    await engine.connection.run(`COPY (
      SELECT 'Z' || i AS zaak_id,
             CASE WHEN i <= 31 THEN NULL ELSE 'dagvaarding' END AS afdoening,
             CASE WHEN i > 48 THEN NULL ELSE DATE '2026-01-01' END AS pleegdatum,
             'afgedaan' AS status
      FROM range(1, 51) t(i)
    ) TO '${join(dir, "zaken.parquet")}' (FORMAT parquet)`);
  } finally {
    await engine.close();
  }
  await writeFile(
    join(dir, "suite.yaml"),
    [
      "format: livinglab-suite/2",
      "name: kop",
      "reference_date: 2026-06-30",
      "datasets:",
      "  zaken: { file: zaken.parquet, key: zaak_id }",
      "checks:",
      "  - { id: zaak-id-ingevuld, kind: not_null, table: zaken, column: zaak_id }",
      "  - { id: status-ingevuld, kind: not_null, table: zaken, column: status }",
      "  - { id: afdoening-ingevuld, kind: not_null, table: zaken, column: afdoening }",
      "  - { id: pleegdatum-ingevuld, kind: not_null, table: zaken, column: pleegdatum }",
      "  - { id: aantal-zaken, kind: row_count, table: zaken, min: 1 }",
      "  - { id: status-geldig, kind: accepted_values, table: zaken, column: status, values: [afgedaan] }",
    ].join("\n"),
  );
  const run = await DuckDbEngine.open();
  try {
    result = (await runSuite(run, await loadSuite(join(dir, "suite.yaml")), await testPermit())).result;
  } finally {
    await run.close();
  }
});

const HEADLINE = "3 van 5 controles binnen de marge; het slechtst: bij 62,0% van de rijen in zaken ontbreekt afdoening";

describe("the headline per quality dimension", () => {
  it("says how many checks are within their margin and names the worst one in words", () => {
    const [completeness, validity] = summarizeDimensions(result.checks);
    expect(completeness?.dimension).toBe("compleetheid");
    expect(completeness?.headline).toBe(HEADLINE);
    expect(completeness).toMatchObject({ checks: 5, within: 3, outside: 2, notEvaluated: 0, outcome: "failed" });
    expect(validity?.headline).toBe("1 van 1 controle binnen de marge");
  });

  it("is what the summary page, the notebook block and the site's scorecard show, never an average", () => {
    const html = renderDimensionHeadlines(result.checks);
    expect(html).toContain(HEADLINE);
    const tiles = renderDimensionScores(scoreDimensions(result.checks));
    expect(tiles).toContain("3 van 5</span>");
    expect(tiles).toContain("Het slechtst: bij 62,0% van de rijen in zaken ontbreekt afdoening.");
    for (const text of [html, tiles]) {
      expect(text).not.toMatch(/minstens|van de rijen goed|86,8/);
    }
  });

  it("keeps a small count suppressed when the worst check is one", () => {
    const pleegdatum = result.checks.filter((c) => c.id === "pleegdatum-ingevuld");
    const [summary] = summarizeDimensions(pleegdatum);
    expect(summary?.headline).toBe(
      "0 van 1 controle binnen de marge; het slechtst: bij een klein deel van de rijen in zaken ontbreekt pleegdatum",
    );
    expect(summary?.headline).not.toMatch(/4,0%|\b2\b/);
  });
});

/** Each panel of a rendered chart: its axis label and tick labels, read from the SVG. */
function panelsOf(html: string, axis: "x" | "y"): Array<{ label: string; ticks: string[]; text: string }> {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const plots = Array.from(document.querySelectorAll("svg")).filter((svg) => svg.querySelector("g[aria-label]"));
  return plots.map((svg) => ({
    label: svg.querySelector(`g[aria-label="${axis}-axis label"] text`)?.textContent ?? "",
    ticks: Array.from(svg.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`)).map(
      (t) => t.textContent ?? "",
    ),
    text: Array.from(svg.querySelectorAll("text"))
      .map((t) => t.textContent ?? "")
      .join(" "),
  }));
}

/** A tick label as a number: "5.000" is 5000, "2,5" is 2.5. */
const tickValue = (tick: string) => Number(tick.replaceAll(".", "").replace(",", "."));

describe("the charts put each metric on an axis that fits its unit", () => {
  it("shows a row count on a count axis in the results chart, never on a percent axis", () => {
    const panels = panelsOf(renderChart(resultsChartOptions(result.checks)), "x");
    expect(panels.map((p) => p.label)).toEqual(["Aandeel (%) →", "Aantal →"]);
    const [shares, counts] = panels;
    expect(counts?.text).toContain("aantal-zaken");
    expect(counts?.text).not.toContain("%");
    // Fifty rows: labelled as fifty, on an axis of whole numbers that reaches into the tens.
    expect(counts?.text).toMatch(/\b50\b/);
    expect((counts?.ticks ?? []).map(tickValue).every(Number.isInteger)).toBe(true);
    expect(Math.max(...(counts?.ticks ?? []).map(tickValue))).toBeGreaterThanOrEqual(20);
    expect(shares?.text).not.toContain("aantal-zaken");
    expect(Math.max(...(shares?.ticks ?? []).map(tickValue))).toBeLessThanOrEqual(100);
  });

  it("draws the metrics over the runs in one panel per unit, so 5000 rows never read as 500.000%", () => {
    const run = (at: string, metrics: Record<string, number | null>) =>
      ({
        at,
        metrics,
        metric_units: { "zaken-uniek": "share", "zaken-aantal-rijen": "count" },
        analysis: { name: "check", params: { suite: "suite.yaml" } },
      }) as unknown as RunRecord;
    const old = { ...run("2026-10-30T09:00:00Z", { "zaken-uniek": 0.03 }), metric_units: undefined };
    const html = renderChart(
      metricsChartOptions(
        [
          old,
          run("2026-11-01T09:00:00Z", { "zaken-uniek": 0.01, "zaken-aantal-rijen": 5000 }),
          run("2026-11-02T09:00:00Z", { "zaken-uniek": 0.02, "zaken-aantal-rijen": 5100 }),
        ],
        { suite: "suite.yaml" },
      ),
    );
    const panels = panelsOf(html, "y");
    expect(panels.map((p) => p.label)).toEqual(["↑ Aandeel (%)", "↑ Aantal", "↑ Meting (eenheid niet vastgelegd)"]);
    const [shares, counts] = panels;
    expect(Math.max(...(shares?.ticks ?? []).map(tickValue))).toBeLessThanOrEqual(100);
    expect(shares?.text).not.toContain("zaken-aantal-rijen");
    expect(counts?.text).toContain("zaken-aantal-rijen");
    expect(Math.max(...(counts?.ticks ?? []).map(tickValue))).toBeGreaterThanOrEqual(5000);
    expect(html).not.toMatch(/500[.,]000/);
  });
});

describe("results files of format 1", () => {
  it("are read with the units format 1 meant, and a drift's unit as not recorded", () => {
    const read = readCheckResults({
      run: "oude-run",
      suite: "om",
      engine: "duckdb",
      reference_date: "2026-06-30",
      outcome: "failed",
      checks: [
        { ...oldCheck("a", "not_null"), metric: 0.5, failing_count: 5, row_count: 10 },
        { ...oldCheck("n", "row_count"), metric: 10, row_count: 10, threshold: { min: 1 } },
        { ...oldCheck("g", "group_disparity"), metric: 3.5, failing_count: 1, row_count: 4 },
        { ...oldCheck("d", "drift"), metric: 0.02, threshold: { max_change: 0.01, window: 5 } },
      ],
    });
    expect(read?.format).toBe("livinglab-check-results/1");
    expect(read?.run_id).toBe("oude-run");
    expect(read?.checks.map((c) => [c.id, c.unit, c.counted])).toEqual([
      ["a", "share", "rows"],
      ["n", "count", "rows"],
      ["g", "ratio", "groups"],
      ["d", "unrecorded", "nothing"],
    ]);
  });

  it("are not mistaken for anything when they are something else", () => {
    expect(readCheckResults({ checks: "geen" })).toBeUndefined();
    expect(readCheckResults(undefined)).toBeUndefined();
  });
});

function oldCheck(id: string, kind: string) {
  return {
    id,
    kind,
    dimension: "compleetheid",
    table: "zaken",
    severity: "fail",
    description: "Een controle.",
    outcome: "failed",
    metric: 0,
    failing_count: 0,
    row_count: 0,
    threshold: { max_failing: 0 },
    sample: [],
  };
}
