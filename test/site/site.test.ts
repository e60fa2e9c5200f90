import { existsSync } from "node:fs";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Chromium, launchChromium } from "../../src/index.js";
import { linksOf, seriousViolations, visibleText } from "../helpers/chromium.js";
import { REPO, runCli } from "../helpers/cli.js";
import { HOSTILE, HOSTILE_ID, makeSiteLab, REVIEWER } from "../helpers/site-lab.js";

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

/** The row of one check in a run page's table, by its exact id. */
function checkRow(page: Page, id: string) {
  return page.locator("tbody tr").filter({ has: page.locator(".lab-keys", { hasText: new RegExp(`^${id}$`) }) });
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
  it("writes the overview, the template catalog, a page per experiment and per run, and a PDF per experiment", () => {
    expect(pages.sort()).toEqual(
      [
        "index.html",
        "sjablonen.html",
        "experimenten/om-datakwaliteit/index.html",
        "experimenten/om-datakwaliteit/run-1.html",
        "experimenten/om-datakwaliteit/run-2.html",
        `experimenten/${HOSTILE_ID}/index.html`,
        `experimenten/${HOSTILE_ID}/run-1.html`,
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
      expect(await figure.locator("svg").count()).toBe(1);
    }
    await page.screenshot({ path: join(ARTIFACTS, "experiment.png"), fullPage: true });
    await page.close();
  });

  it("is usable on a phone: nothing wider than the screen", async () => {
    for (const path of [
      "index.html",
      "experimenten/om-datakwaliteit/index.html",
      "experimenten/om-datakwaliteit/run-2.html",
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
    const { page } = await open("experimenten/om-datakwaliteit/run-2.html");
    const text = await visibleText(page.locator("main"));
    expect(text).toContain("Testrun voor de site: nagaan dat de pagina's de uitkomsten tonen.");
    const results = JSON.parse(
      await readFile(join(lab, "experiments/om-datakwaliteit/rapport/resultaten.json"), "utf8"),
    ) as { checks: unknown[] };
    expect(await page.locator("tbody tr").count()).toBe(results.checks.length);
    const row = checkRow(page, "feiten-feit-id-uniek");
    expect(await visibleText(row)).toMatch(
      /Niet in orde\s+geen enkele afwijkende rij\s+\d+ van \d\.\d{3} rijen\s+\d,\d%/,
    );
    expect(text).toMatch(/Dataset zaken\s+data\/zaken\.parquet\s+[0-9a-f]{64}/);
    await page.close();
  });

  it("keeps hostile text inert: scripts and HTML in answers and justifications show as text", async () => {
    for (const path of [
      `experimenten/${HOSTILE_ID}/index.html`,
      `experimenten/${HOSTILE_ID}/run-1.html`,
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
    const run = await open(`experimenten/${HOSTILE_ID}/run-1.html`);
    expect(await visibleText(run.page.locator("blockquote"))).toContain(
      '<script>window.__gehackt = "verantwoording"</script><b>vet</b>',
    );
    await run.page.close();
  });

  it("never shows a masked value or a suppressed count in any file of the site", async () => {
    const results = JSON.parse(
      await readFile(join(lab, "experiments", HOSTILE_ID, "rapport/resultaten.json"), "utf8"),
    ) as {
      checks: Array<{ id: string; failing_count: number; row_count: number; counted: string }>;
    };
    // Counts of rows only: a count of groups (group disparity) is not a count of people.
    const small = results.checks.filter((c) => c.counted === "rows" && c.failing_count > 0 && c.failing_count < 5);
    expect(small.length).toBeGreaterThan(0);
    const files = await filesUnder(site);
    for (const file of files.filter((f) => !f.endsWith(".pdf"))) {
      const content = await readFile(file, "utf8");
      for (const secret of [HOSTILE.bsn, HOSTILE.bsnInJustification, HOSTILE.email, HOSTILE.phone]) {
        expect(content.includes(secret), `${relative(site, file)} shows ${secret}`).toBe(false);
      }
      for (const check of small) {
        const rows = check.row_count.toLocaleString("nl-NL");
        expect(content.includes(`${check.failing_count} van ${rows}`), `${relative(site, file)}: ${check.id}`).toBe(
          false,
        );
      }
    }
    const { page } = await open(`experimenten/${HOSTILE_ID}/run-1.html`);
    for (const check of small) {
      const row = await visibleText(checkRow(page, check.id));
      expect(row).toContain(`< 5 van ${check.row_count.toLocaleString("nl-NL")} rijen`);
      expect(row).toContain("een klein deel");
    }
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
