import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appendRecord,
  type Chromium,
  launchChromium,
  openExperiment,
  openWorkspace,
  readRunLog,
  runLogPath,
} from "../../src/index.js";
import { linksOf, seriousViolations, visibleText } from "../helpers/chromium.js";
import { makeLab, REPO, runCli } from "../helpers/cli.js";
import { plainRun } from "../helpers/run-records.js";
import { DECLARED_ONLY, HOSTILE, HOSTILE_ID, makeSiteLab, NEARLY_ALL, REVIEWER } from "../helpers/site-lab.js";

/** The datasheet page of the hostile copy's declared-only dataset, whose name holds a slash and spaces. */
const DECLARED_ONLY_PAGE = `data.${createHash("sha256").update(DECLARED_ONLY).digest("hex").slice(0, 16)}.html`;

const ARTIFACTS = join(REPO, "test-artifacts");

let lab: string;
let site: string;
let chromium: Chromium;
let pages: string[];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function open(path: string, width = 1200): Promise<{ page: Page; problems: string[] }> {
  const page = await chromium.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(pathToFileURL(join(site, path)).href, { waitUntil: "load" });
  return { page, problems };
}

/** The row of one check in a run's table, by its exact id. */
function checkRow(run: Locator, id: string) {
  return run.locator("tbody tr").filter({ has: run.page().locator(".lab-keys", { hasText: new RegExp(`^${id}$`) }) });
}

beforeAll(async () => {
  lab = await makeSiteLab();
  site = join(lab, "site");
  const built = runCli(["site", "--root", lab, "--out", site, "--pdf"]);
  expect(built.stderr).toBe("");
  expect(built.code).toBe(0);
  pages = (await filesUnder(site)).filter((f) => f.endsWith(".html")).map((f) => relative(site, f));
  chromium = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await chromium?.close();
});

describe("livinglab site", () => {
  it("writes the overview, the template catalog, a page per experiment and its runs, and a PDF per experiment", () => {
    expect(pages.sort()).toEqual(
      [
        "index.html",
        "sjablonen.html",
        "lessen.html",
        "zoeken.html",
        "experimenten/om-datakwaliteit/index.html",
        "experimenten/om-datakwaliteit/runs-1.html",
        "experimenten/om-datakwaliteit/vergelijk-run-1-met-run-2.html",
        `experimenten/${HOSTILE_ID}/index.html`,
        `experimenten/${HOSTILE_ID}/runs-1.html`,
        ...["om-datakwaliteit", HOSTILE_ID].flatMap((id) =>
          ["zaken", "feiten", "verdachten", "ground_truth"].map((name) => `experimenten/${id}/data-${name}.html`),
        ),
        // A name that cannot be part of a file name gets a page named by its hash.
        `experimenten/${HOSTILE_ID}/${DECLARED_ONLY_PAGE}`,
      ].sort(),
    );
    for (const id of ["om-datakwaliteit", HOSTILE_ID]) {
      const pdf = join(site, "experimenten", id, `${id}.pdf`);
      expect(existsSync(pdf), pdf).toBe(true);
    }
  });

  it("prints each experiment page as an A4 PDF", async () => {
    const pdf = await readFile(join(site, "experimenten/om-datakwaliteit/om-datakwaliteit.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // A4 in PostScript points: 595 x 842.
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 59[45]\.?\d* 84[12]\.?\d*\]/);
  });

  it("opens every page with no console errors, no failed requests and no broken links", async () => {
    for (const path of pages) {
      const { page, problems } = await open(path);
      const here = fileURLToPath(page.url());
      for (const href of await linksOf(page)) {
        expect(href, `${path} links outside the site`).not.toMatch(/^[a-z]+:/i);
        const [file = "", fragment] = href.split("#");
        const target = file === "" ? here : join(dirname(here), decodeURIComponent(file));
        expect(existsSync(target), `${path}: ${href} does not exist`).toBe(true);
        if (fragment && file === "")
          expect(await page.locator(`[id="${fragment}"]`).count(), `${path}: #${fragment}`).toBe(1);
      }
      expect(problems, path).toEqual([]);
      await page.close();
    }
  });

  it("has no serious or critical accessibility violations on any page (axe-core)", async () => {
    for (const path of pages) {
      const { page } = await open(path);
      expect(await seriousViolations(page), path).toEqual([]);
      await page.close();
    }
  });

  it("shows the overview's key facts: every experiment, its opdrachtgever, status, principles and last run", async () => {
    const { page } = await open("index.html");
    const text = await visibleText(page.locator("main"));
    expect(text).toContain("Datakwaliteit van de OM-zaakregistratie (synthetisch)");
    expect(text).toContain("Hoofd informatievoorziening OM (voorbeeld)");
    expect(text).toContain("Mag het?");
    expect(text).toContain("Kan het?");
    expect(text).toContain("Is het wenselijk?");
    // Ten principles per experiment, each with its status as a word beside the colour.
    expect(await page.locator(".lab-card").first().locator(".lab-light").count()).toBe(10);
    expect(await visibleText(page.locator(".lab-card").first().locator(".lab-light").first())).toMatch(
      /Voldaan|Nog open|Niet voldaan|Niet van toepassing|Voorstel: .+ \(nog niet besloten\)|Tegengesproken door de metingen/,
    );
    expect(text).toContain("Run 2");
    expect(text).toContain("Niet in orde");
    expect(text).toContain("Compleetheid");
    await page.screenshot({ path: join(ARTIFACTS, "overzicht.png"), fullPage: true });
    await page.close();
  });

  it("shows the business owner's page: question, answer, reliability, safeguards, what is open, draft state", async () => {
    const { page } = await open("experimenten/om-datakwaliteit/index.html");
    const text = await visibleText(page.locator("main"));
    expect(text).toContain("Als informatieadviseur van het Openbaar Ministerie, wil ik weten");
    expect(text).toMatch(/Van de \d+ controles zijn er \d+ in orde en \d+ niet\./);
    expect(text).toContain("Definitief");
    expect(text).not.toContain("Concept – nog niet definitief");
    expect(text).toMatch(new RegExp(`Beoordeeld door ${REVIEWER} op \\d+ \\w+ \\d{4}`));
    expect(text).toContain("Goedgekeurd");
    expect(text).toContain("Besluiten over individuele verdachten of zaken.");
    // The file only proposes; nobody decided in the log, so the page says so.
    expect(text).toContain("Betrouwbare data (zorgplicht) (voorgesteld: niet voldaan)");
    expect(text).toMatch(/Goedgekeurd\s+run 2, door C\. Bakker/);
    // Two runs give a trend chart; each chart has a title and a text alternative.
    const figures = page.locator("figure.lab-chart");
    expect(await figures.count()).toBe(2);
    for (const figure of await figures.all()) {
      expect(await visibleText(figure.locator("figcaption"))).not.toBe("");
      expect(await visibleText(figure.locator(".lab-chart__alt"))).toMatch(/\d+,\d%/);
      // Drawn twice, for a screen and for a phone; the reader sees one.
      expect(await figure.locator("svg").count()).toBe(2);
      expect(await figure.locator("svg:visible").count()).toBe(1);
    }
    await page.screenshot({ path: join(ARTIFACTS, "experiment.png"), fullPage: true });
    await page.close();
  });

  it("is usable on a phone: nothing wider than the screen", async () => {
    for (const path of [
      "index.html",
      "experimenten/om-datakwaliteit/index.html",
      "experimenten/om-datakwaliteit/runs-1.html",
    ]) {
      const { page } = await open(path, 390);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(390);
      if (path === "experimenten/om-datakwaliteit/index.html") {
        await page.screenshot({ path: join(ARTIFACTS, "experiment-telefoon.png"), fullPage: true });
      }
      await page.close();
    }
  });

  it("shows each check of a run with its outcome, allowed margin and measurement, and the run's provenance", async () => {
    const { page } = await open("experimenten/om-datakwaliteit/runs-1.html");
    const run = page.locator("section#run-2");
    const text = await visibleText(run);
    expect(text).toContain("Testrun voor de site: nagaan dat de pagina's de uitkomsten tonen.");
    const results = JSON.parse(
      await readFile(join(lab, "experiments/om-datakwaliteit/rapport/resultaten.json"), "utf8"),
    ) as { checks: unknown[] };
    expect(await run.locator("tbody tr").count()).toBe(results.checks.length);
    const row = checkRow(run, "feiten-feit-id-uniek");
    expect(await visibleText(row)).toMatch(
      /Niet in orde\s+geen enkele afwijkende rij\s+\d+ van \d\.\d{3} rijen\s+\d,\d%/,
    );
    expect(text).toMatch(/Dataset zaken\s+data\/zaken\.parquet \(datasheet\)\s+[0-9a-f]{64}/);
    await page.close();
  });

  it("has a datasheet page per dataset: what it is, where it came from, its columns and their meaning, personal data, the runs that read it", async () => {
    const { page } = await open("experimenten/om-datakwaliteit/data-zaken.html");
    const text = await visibleText(page.locator("main"));
    expect(text).toContain("Dataset zaken");
    expect(text).toContain("Synthetische generator van livinglab (geen echte OM-data)");
    expect(text).toMatch(
      /Gemaakt door livinglab synth \(OM-stijl\), versie \S+ \(met DuckDB \S+\): [\d.]+ zaken, startgetal \d+, peildatum \d+ \w+ \d{4}/,
    );
    expect(text).toContain("Nee, volgens het experiment bevat deze dataset geen persoonsgegevens.");
    const sheet = JSON.parse(await readFile(join(lab, "experiments/om-datakwaliteit/data/datasheet.json"), "utf8")) as {
      row_counts: Record<string, number>;
      tables: Record<string, { columns: Array<{ name: string; betekenis: string }> }>;
    };
    expect(text).toMatch(
      new RegExp(`Rijen\\s+${(sheet.row_counts.zaken ?? 0).toLocaleString("nl-NL").replace(".", "\\.")}`),
    );
    const columns = page.locator("tbody tr");
    expect(await columns.count()).toBe(sheet.tables.zaken?.columns.length);
    for (const column of sheet.tables.zaken?.columns ?? []) {
      const row = columns.filter({ has: page.locator(".lab-keys", { hasText: new RegExp(`^${column.name}$`) }) });
      expect(await visibleText(row), column.name).toContain(column.betekenis);
      // Every column of the example is declared as needed.
      expect(await visibleText(row.locator("td").last()), column.name).toBe("Ja");
    }
    // Both runs read the same file, and each is linked.
    expect(text).toContain("Alle runs lazen dezelfde versie.");
    expect(text).toMatch(/Gelezen door 2 runs: Run 1 \(controles, .+\); Run 2 \(controles, .+\)\./);
    for (const run of [1, 2]) expect(await page.locator(`a[href="runs-1.html#run-${run}"]`).count()).toBe(1);
    // The hostile copy read other data (300 zaken): it is not listed as using this file.
    expect(text).not.toContain("Andere experimenten met dezelfde data");
    await page.close();
  });

  it("links each dataset's datasheet from the experiment page and from every run that read it", async () => {
    const experiment = await open("experimenten/om-datakwaliteit/index.html");
    // The data section and the dataset's card among all answers.
    expect(await experiment.page.locator('a[href="data-zaken.html"]').count()).toBe(2);
    expect(await visibleText(experiment.page.locator("main"))).toMatch(
      /Dataset zaken\s+Synthetische generator van livinglab \(geen echte OM-data\)\s+Zonder persoonsgegevens, synthetisch\. Door 2 runs gelezen\./,
    );
    await experiment.page.close();
    const runs = await open("experimenten/om-datakwaliteit/runs-1.html");
    expect(await runs.page.locator('a[href="data-zaken.html"]').count()).toBe(2);
    await runs.page.close();
  });

  it("shows a hostile datasheet and declaration escaped, masked and without small counts", async () => {
    for (const path of [
      `experimenten/${HOSTILE_ID}/data-zaken.html`,
      `experimenten/${HOSTILE_ID}/${DECLARED_ONLY_PAGE}`,
    ]) {
      const { page } = await open(path);
      expect(await page.evaluate(() => (window as unknown as { __gehackt?: string }).__gehackt), path).toBeUndefined();
      expect(await page.locator("main script, main img, main b").count(), path).toBe(0);
      await page.close();
    }
    const { page } = await open(`experimenten/${HOSTILE_ID}/data-zaken.html`);
    const text = await visibleText(page.locator("main"));
    expect(text).toContain(`${HOSTILE.script}${HOSTILE.image} BSN [BSN verborgen]`);
    expect(text).toContain(`ingebrachte fouten: ${HOSTILE.image} [BSN verborgen]`);
    // Three rows: below the minimum cell size, so never the number itself.
    expect(text).toMatch(/Rijen\s+< 5/);
    expect(text).not.toMatch(/Rijen\s+3/);
    // A meaning left empty is said to be missing, not made up.
    expect(await visibleText(page.locator("tbody tr").nth(1).locator("td").nth(3))).toBe("Niet opgegeven.");
    await page.close();
    const declared = await open(`experimenten/${HOSTILE_ID}/${DECLARED_ONLY_PAGE}`);
    const only = await visibleText(declared.page.locator("main"));
    expect(only).toContain(`Dataset ${DECLARED_ONLY}`);
    expect(only).toContain(`Levering van [e-mailadres verborgen], BSN [BSN verborgen] ${HOSTILE.script}`);
    expect(only).toContain("De betekenis van een kolom is niet opgegeven");
    expect(only).toContain("<b>toelichting</b> [telefoonnummer verborgen]");
    expect(only).toContain("Nog geen run heeft deze data gelezen.");
    await declared.page.close();
  });

  it("keeps hostile text inert: scripts and HTML in answers and justifications show as text", async () => {
    for (const path of [
      `experimenten/${HOSTILE_ID}/index.html`,
      `experimenten/${HOSTILE_ID}/runs-1.html`,
      "index.html",
    ]) {
      const { page } = await open(path);
      expect(await page.evaluate(() => (window as unknown as { __gehackt?: string }).__gehackt), path).toBeUndefined();
      expect(await page.locator("main script, main img, main em, main b").count(), path).toBe(0);
      await page.close();
    }
    const { page } = await open(`experimenten/${HOSTILE_ID}/index.html`);
    const text = await visibleText(page.locator("main"));
    expect(text).toContain(HOSTILE.script);
    expect(text).toContain("Proef met <em>vijandige</em> tekst");
    // No review: the hostile copy's summary stays a draft.
    expect(text).toContain("Concept – nog niet definitief");
    expect(text).toContain("Nog niemand.");
    await page.close();
    const run = await open(`experimenten/${HOSTILE_ID}/runs-1.html`);
    expect(await visibleText(run.page.locator("#run-1 blockquote"))).toContain(
      '<script>window.__gehackt = "verantwoording"</script><b>vet</b>',
    );
    await run.page.close();
  });

  it("never shows a masked value or a suppressed count in any file of the site", async () => {
    const results = JSON.parse(
      await readFile(join(lab, "experiments", HOSTILE_ID, "rapport/resultaten.json"), "utf8"),
    ) as {
      checks: Array<{
        id: string;
        failing_count: number | string;
        row_count: number | string;
        counted: string;
        metric: number | null;
        sample: string[];
      }>;
    };
    // Counts of rows only: a count of groups (group disparity) is not a count of people.
    // The results file is read by others too: a bound instead of the count, no share, no keys.
    const small = results.checks.filter((c) => c.counted === "rows" && c.failing_count === "< 5");
    expect(small.length).toBeGreaterThan(0);
    for (const check of small) expect(check).toMatchObject({ metric: null, sample: [] });
    for (const check of results.checks.filter((c) => c.counted === "rows")) {
      if (typeof check.failing_count === "number")
        expect(check.failing_count === 0 || check.failing_count >= 5).toBe(true);
    }
    const nearlyAll = results.checks.find((c) => c.id === NEARLY_ALL);
    expect(nearlyAll?.failing_count).toMatch(/^> \d+$/);
    expect(nearlyAll?.metric).toBeNull();
    const rows = Number(nearlyAll?.row_count);
    const files = await filesUnder(site);
    for (const file of files.filter((f) => !f.endsWith(".pdf"))) {
      const content = await readFile(file, "utf8");
      for (const secret of [HOSTILE.bsn, HOSTILE.bsnInJustification, HOSTILE.email, HOSTILE.phone]) {
        expect(content.includes(secret), `${relative(site, file)} shows ${secret}`).toBe(false);
      }
      // "297 van 300" would give away that three rows are in order.
      for (let left = 1; left < 5; left++) {
        expect(content.includes(`${(rows - left).toLocaleString("nl-NL")} van ${rows.toLocaleString("nl-NL")}`)).toBe(
          false,
        );
      }
    }
    const { page } = await open(`experimenten/${HOSTILE_ID}/runs-1.html`);
    for (const check of small) {
      const row = await visibleText(checkRow(page.locator("#run-1"), check.id));
      expect(row).toContain(`< 5 van ${Number(check.row_count).toLocaleString("nl-NL")} rijen`);
      expect(row).toContain("een klein deel");
    }
    const row = await visibleText(checkRow(page.locator("#run-1"), NEARLY_ALL));
    expect(row).toContain(`> ${(rows - 5).toLocaleString("nl-NL")} van ${rows.toLocaleString("nl-NL")} rijen`);
    expect(row).toContain("het overgrote deel");
    expect(await visibleText(page.locator("main"))).toContain("[BSN verborgen]");
    await page.close();
  });

  it("without Chromium, --pdf fails with a Dutch hint and leaves the previous site whole", async () => {
    const before = await readFile(join(site, "index.html"), "utf8");
    const run = runCli(["site", "--root", lab, "--out", site, "--pdf"], {
      env: { LIVINGLAB_CHROMIUM: join(lab, "geen-chromium") },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("Chromium is niet gevonden");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(join(site, "index.html"), "utf8")).toBe(before);
    expect(existsSync(join(site, "experimenten/om-datakwaliteit/om-datakwaliteit.pdf"))).toBe(true);
    expect((await readdir(lab)).filter((name) => name.includes(".nieuw-"))).toEqual([]);
  });

  it("refuses to write into a folder that is not a site, and leaves it alone", () => {
    const run = runCli(["site", "--root", lab, "--out", join(lab, "experiments")]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("geen site van livinglab");
    expect(existsSync(join(lab, "experiments", "om-datakwaliteit", "experiment.yaml"))).toBe(true);
  });
});

describe("results the log does not vouch for", () => {
  let tampered: string;
  let tamperedSite: string;
  let runIds: string[];

  beforeAll(async () => {
    tampered = `${lab}-gewijzigd`;
    await cp(lab, tampered, { recursive: true, filter: (src) => !src.startsWith(site) });
    const dir = join(tampered, "experiments/om-datakwaliteit");
    runIds = (await readRunLog(runLogPath(dir))).map((r) => r.id);
    // Someone makes the failed second run read as all in order, in its own copy and in the latest results.
    const results = join(dir, "rapport/runs", `${runIds[1]}.json`);
    const edited = JSON.parse(await readFile(results, "utf8")) as {
      outcome: string;
      checks: Array<{ outcome: string; failing_count: number; metric: number | null; sample: string[] }>;
    };
    edited.outcome = "passed";
    for (const check of edited.checks)
      Object.assign(check, { outcome: "passed", failing_count: 0, metric: 0, sample: [] });
    const text = `${JSON.stringify({ ...edited }, null, 2)}\n`;
    await writeFile(results, text);
    await writeFile(join(dir, "rapport/resultaten.json"), text);
    tamperedSite = join(tampered, "site");
    const built = runCli(["site", "--root", tampered, "--out", tamperedSite]);
    expect(built.code, built.stderr).toBe(0);
  });

  async function openTampered(path: string) {
    const page = await chromium.context.newPage();
    await page.goto(pathToFileURL(join(tamperedSite, path)).href, { waitUntil: "load" });
    return page;
  }

  it("shows no outcome from a results file whose hash is not the one in the run log, and says so", async () => {
    const page = await openTampered("experimenten/om-datakwaliteit/runs-1.html");
    const run = page.locator("#run-2");
    const text = await visibleText(run);
    expect(text).toContain("De resultaten kloppen niet met het logboek");
    expect(text).toMatch(/Uitkomst volgens het logboek\s+✗\s*Niet in orde/);
    expect(await run.locator("tbody tr").count()).toBe(0);
    // The first run's own copy was left alone: it still shows in full.
    expect(await page.locator("#run-1 tbody tr").count()).toBeGreaterThan(10);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("does not fall back to an older run's answer on the experiment page or the overview", async () => {
    const page = await openTampered("experimenten/om-datakwaliteit/index.html");
    const main = await visibleText(page.locator("main"));
    expect(main).toContain("De resultaten van run 2 kloppen niet met het logboek");
    expect(main).not.toMatch(/Alle \d+ controles zijn in orde/);
    expect(main).not.toMatch(/Van de \d+ controles zijn er/);
    expect(await page.locator("[role=alert]").count()).toBe(1);
    await page.close();
    const overview = await openTampered("index.html");
    const card = await visibleText(overview.locator(".lab-card").filter({ hasText: "OM-zaakregistratie" }));
    expect(card).toContain("De resultaten van run 2 kloppen niet met het logboek");
    expect(card).toMatch(/Laatste run met controles\s+Run 2[^\n]*\s+Uitkomst\s+✗\s*Niet in orde/);
    await overview.close();
  });

  it("says a run's results are gone when the file the log names was removed", async () => {
    await rm(join(tampered, "experiments/om-datakwaliteit/rapport/runs", `${runIds[0]}.json`));
    const built = runCli(["site", "--root", tampered, "--out", tamperedSite]);
    expect(built.code, built.stderr).toBe(0);
    const page = await openTampered("experimenten/om-datakwaliteit/runs-1.html");
    expect(await visibleText(page.locator("#run-1"))).toContain("De resultaten van run 1 zijn niet meer beschikbaar");
    await page.close();
  });
});

describe("an experiment with many runs", () => {
  let many: string;

  beforeAll(async () => {
    many = await makeLab(["om-doorlooptijden"]);
    const opened = await openExperiment(openWorkspace(many), "om-doorlooptijden");
    for (let i = 1; i <= 45; i++) {
      await appendRecord(runLogPath(opened.dir), plainRun(opened, i));
    }
    const built = runCli(["site", "--root", many, "--out", join(many, "site")]);
    expect(built.code, built.stderr).toBe(0);
  });

  it("lists the newest runs on the experiment page and every run on pages of twenty, newest first", async () => {
    const files = (await filesUnder(join(many, "site", "experimenten"))).map((f) => relative(join(many, "site"), f));
    expect(files.sort()).toEqual(
      ["data-zaken_gepseudonimiseerd.html", "index.html", "runs-1.html", "runs-2.html", "runs-3.html"].map(
        (f) => `experimenten/om-doorlooptijden/${f}`,
      ),
    );
    const page = await chromium.context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => problems.push(m.text()));
    page.on("requestfailed", (r) => problems.push(`failed: ${r.url()}`));
    await page.goto(pathToFileURL(join(many, "site/experimenten/om-doorlooptijden/index.html")).href);
    const rows = page.locator("table").filter({ hasText: "Controles binnen de marge" }).locator("tbody tr");
    expect(await rows.count()).toBe(10);
    expect(await visibleText(rows.first())).toContain("Run 45");
    await page.getByRole("link", { name: "Alle 45 runs" }).click();
    await page.waitForLoadState("load");
    expect(page.url()).toMatch(/runs-3\.html$/);
    expect(await page.locator("section.lab-run").count()).toBe(5);
    await page.getByRole("link", { name: "Oudere runs" }).first().click();
    await page.waitForLoadState("load");
    expect(page.url()).toMatch(/runs-2\.html$/);
    const sections = page.locator("section.lab-run");
    expect(await sections.count()).toBe(20);
    expect(await visibleText(sections.first())).toContain("Verkenning nummer 40 van de doorlooptijden.");
    expect(await visibleText(sections.last())).toContain("Verkenning nummer 21 van de doorlooptijden.");
    await page.getByRole("link", { name: "Run 33", exact: true }).click();
    expect(page.url()).toMatch(/runs-2\.html#run-33$/);
    expect(problems).toEqual([]);
    // axe reads the stylesheets itself, which file:// refuses; so it comes after the console check.
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
