import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkSuite,
  DuckDbEngine,
  frameFromCheckResults,
  frameFromProfile,
  frameFromQuery,
  frameFromRunLog,
  generateOm,
  isLivingLabError,
  loadDanfo,
  openExperiment,
  openWorkspace,
  profileFile,
  renderFrame,
} from "../../src/index.js";
import { makeLab } from "../helpers/cli.js";

// 111222333 passes the BSN 11-check; the remark holds personal data of every kind the masker knows.
const ZAKEN = `SELECT * FROM (VALUES
  ('Z1', '13/000001-24', 'Amsterdam', DATE '2024-01-10', 3, 0.03, 'Bel 06-12345678 na tienen'),
  ('Z2', '13/000002-24', 'Amsterdam', DATE '2024-01-11', 4, 0.04, 'Mail j.jansen@voorbeeld.example'),
  ('111222333', '09/000003-24', 'Den Haag', NULL, 5, 0.05, 'BSN 111222333 gecontroleerd'),
  ('Z4', '09/000004-24', 'Den Haag', DATE '2024-01-13', 120, 0.5, '<script>alert(1)</script>'),
  ('Z5', '09/000005-24', '<b>Den Haag</b>', DATE '2024-01-14', 0, 0.0, NULL),
  ('Z6', '09/000006-24', '<b>Den Haag</b>', DATE '2024-01-15', NULL, NULL, 'IBAN NL91 ABNA 0417 1643 00')
) AS t(zaak_id, parketnummer, arrondissement, pleegdatum, aantal, aandeel, opmerking)`;

function bodyRows(html: string): string[] {
  return [...html.matchAll(/<tr><th scope="row">.*?<\/tr>/g)].map((m) => m[0]);
}

describe("a DataFrame as an HTML table that may be saved", () => {
  let engine: DuckDbEngine;
  beforeAll(async () => {
    engine = await DuckDbEngine.open();
  });
  afterAll(() => engine.close());

  it("shows keys and code lists, leaves free text out, masks personal data and suppresses small counts", async () => {
    const frame = await frameFromQuery(engine, ZAKEN, {
      key: ["zaak_id"],
      counts: ["aantal"],
      revealsCount: { aandeel: "aantal" },
    });
    const html = renderFrame(frame);
    // Free text stays out, named in the note; so does a text column without repeats (parketnummer).
    expect(html).not.toContain("opmerking</th>");
    expect(html).not.toContain("13/000001-24");
    expect(html).not.toContain("06-12345678");
    expect(html).toContain("Niet getoond, want vrije tekst: parketnummer, opmerking.");
    // The key is shown, but a key that is a BSN is masked like any other text.
    expect(html).toContain("<td>Z1</td>");
    expect(html).not.toContain("111222333");
    expect(html).toContain("[BSN verborgen]");
    // A code list is shown, escaped.
    expect(html).toContain("<td>Amsterdam</td>");
    expect(html).toContain("&lt;b&gt;Den Haag&lt;/b&gt;");
    expect(html).not.toContain("<b>");
    // Counts below five as "< 5", their shares as "een klein deel"; zero and larger counts as they are.
    const cells = bodyRows(html).map((row) => [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]));
    expect(cells.map((row) => row.slice(3))).toEqual([
      ["&lt; 5", "een klein deel"],
      ["&lt; 5", "een klein deel"],
      ["5", "0,05"],
      ["120", "0,5"],
      ["0", "0"],
      ["<em>leeg</em>", "<em>leeg</em>"],
    ]);
    expect(cells[0]?.[2]).toBe("2024-01-10");
    expect(html).toContain('<th scope="col" title="DATE">pleegdatum</th>');

    const shown = renderFrame(frame, { show: ["opmerking"] });
    expect(shown).toContain("[telefoonnummer verborgen]");
    expect(shown).toContain("[e-mailadres verborgen]");
    expect(shown).toContain("[IBAN verborgen]");
    expect(shown).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(shown).not.toContain("j.jansen@voorbeeld.example");
    expect(shown).not.toContain("<script>");
  });

  it("shows a bounded number of rows and counts the rest", async () => {
    const frame = await frameFromQuery(engine, "SELECT i AS nr, i % 3 AS rest FROM range(25) t(i)");
    const html = renderFrame(frame);
    expect(bodyRows(html)).toHaveLength(10);
    expect(html).toContain("10 van 25 rijen getoond, 2 kolommen.");
    expect(bodyRows(renderFrame(frame, { rows: 3 }))).toHaveLength(3);
  });

  it("applies the rules to frames danfojs made, with the roles given at rendering", async () => {
    const dfd = await loadDanfo();
    const counts = new dfd.DataFrame({ arrondissement: ["Amsterdam", "Den Haag", "Rotterdam"], n: [2, 40, 7] });
    const html = renderFrame(counts, { key: ["arrondissement"], counts: ["n"] });
    expect(html).toContain("<td>Den Haag</td>");
    expect(html).toContain("&lt; 5");
    expect(renderFrame(counts)).toContain("Niet getoond, want vrije tekst: arrondissement.");
    const missing = (await frameFromQuery(engine, ZAKEN)).isNa().sum({ axis: 0 });
    expect(renderFrame(missing, { counts: ["0"] })).toMatch(
      /<th scope="row">opmerking<\/th><td class="getal">&lt; 5<\/td>/,
    );
    try {
      renderFrame(counts, { counts: ["aantal"] });
      expect.unreachable();
    } catch (error) {
      if (!isLivingLabError(error)) throw error;
      expect(error.problems[0]?.code).toBe("frame_unknown_column");
    }
  });

  it("renders a small frame the same way every time", async () => {
    const frame = await frameFromQuery(
      engine,
      `SELECT * FROM (VALUES ('Z1', 'ja', TIMESTAMP '2024-05-06 07:08:09', true, 1.25), ('Z2', 'ja', NULL, false, 1234567.5)) t(zaak_id, code, moment, vlag, bedrag)`,
      { key: ["zaak_id"] },
    );
    await expect(renderFrame(frame)).toMatchFileSnapshot("golden/frame.html");
  });
});

describe("check results, a profile and the run log as DataFrames", () => {
  it("keeps their numbers, and shows them by the same rules", async () => {
    const workspace = openWorkspace(await makeLab());
    const om = await openExperiment(workspace, "om-datakwaliteit");
    const data = join(om.dir, "data");
    await generateOm({ out: data, zaken: 1500, seed: 3, asOf: "2026-06-30", defects: "all" });
    const justification = "Test: de uitkomsten, het profiel en het logboek als DataFrame bekijken.";
    const run = await checkSuite({ suite: join(om.dir, "suite.yaml"), justification });

    const checks = await frameFromCheckResults(run.result);
    expect(checks.shape).toEqual([run.result.checks.length, 15]);
    expect(checks.column("failing_count").values).toEqual(run.result.checks.map((c) => c.failing_count));
    expect(checks.column("id").values).toEqual(run.result.checks.map((c) => c.id));
    const small = run.result.checks.find((c) => c.failing_count > 0 && c.failing_count < 5);
    expect(small).toBeDefined();
    const html = renderFrame(checks, { rows: 100 });
    const row = bodyRows(html).find((r) => r.includes(`<td>${small?.id}</td>`)) ?? "";
    expect(row).toContain("&lt; 5");
    expect(row).toContain("een klein deel");
    // The number of sample keys would give the count away, so they stay out, as on the site.
    expect(row).toContain("niet getoond: minder dan 5 rijen");
    expect(row).not.toContain(small?.sample[0]);
    const large = run.result.checks.find((c) => c.failing_count >= 5 && c.sample.length > 0);
    expect(large).toBeDefined();
    const largeRow = bodyRows(html).find((r) => r.includes(`<td>${large?.id}</td>`)) ?? "";
    expect(largeRow).toContain(large?.sample[0]);

    const profile = await profileFile({ target: join(data, "zaken.parquet"), justification });
    const columns = await frameFromProfile(profile.profile);
    expect(columns.column("name").values).toEqual(profile.profile.columns.map((c) => c.name));
    const remark = profile.profile.columns.findIndex((c) => c.name === "opmerking");
    expect(columns.column("minimum").values[remark]).toBeNull();
    const date = profile.profile.columns.findIndex((c) => c.name === "pleegdatum");
    expect(columns.column("minimum").values[date]).toBe(String(profile.profile.columns[date]?.range?.from));

    const log = await frameFromRunLog(om.dir);
    expect(log.column("what").values).toEqual(["check", "profile"]);
    expect(log.column("outcome").values).toEqual([run.result.outcome, "passed"]);
    expect(log.column("when").values[0]).toBeInstanceOf(Date);
    expect(renderFrame(log)).toContain(justification);
  });
});
