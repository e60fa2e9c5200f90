import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import {
  appendRecord,
  type Chromium,
  launchChromium,
  openExperiment,
  openWorkspace,
  runLogPath,
} from "../../src/index.js";
import { visibleText } from "../helpers/chromium.js";
import { REPO, runCli } from "../helpers/cli.js";
import { englishWordsOn, layoutProblems, screensTo } from "../helpers/layout-checks.js";
import { DECLARED_ONLY, HOSTILE_ID, makeSiteLab } from "../helpers/site-lab.js";

const ARTIFACTS = join(REPO, "test-artifacts");
/** A laptop screen and a phone, as the business owner reads the page. */
const SCREENS = [
  { name: "laptop", width: 1280, height: 800, topScreens: 1 },
  { name: "telefoon", width: 390, height: 844, topScreens: 2 },
] as const;
const EXPERIMENTS = ["om-datakwaliteit", HOSTILE_ID] as const;
/** The datasheet page of the hostile copy's dataset that only its declaration names. */
const DECLARED_ONLY_PAGE = `data.${createHash("sha256").update(DECLARED_ONLY).digest("hex").slice(0, 16)}.html`;

let lab: string;
let site: string;
let chromium: Chromium;

async function open(path: string, screen: (typeof SCREENS)[number]): Promise<Page> {
  const page = await chromium.context.newPage();
  await page.setViewportSize({ width: screen.width, height: screen.height });
  await page.goto(pathToFileURL(join(site, path)).href, { waitUntil: "load" });
  return page;
}

/** A finished experiment, started from the example with `new --from`: what the lessons page shows. */
const FINISHED = "om-datakwaliteit-vervolg";
const LESSON = "Leg de codelijsten vast voordat de eerste run draait.";

beforeAll(async () => {
  lab = await makeSiteLab();
  site = join(lab, "site");
  expect(runCli(["new", FINISHED, "--from", "om-datakwaliteit", "--root", lab]).code).toBe(0);
  const file = join(lab, "experiments", FINISHED, "experiment.yaml");
  const doc = parseDocument(await readFile(file, "utf8"));
  doc.set("auteur", "B. Jansen");
  doc.setIn(["evaluatie", "oordeel"], "aanpassen");
  doc.setIn(
    ["evaluatie", "oordeel_toelichting"],
    "De controles vonden de fouten, maar de codelijsten waren te laat bekend.",
  );
  doc.setIn(["evaluatie", "lessen"], [LESSON]);
  await writeFile(file, doc.toString());
  // An approval written by hand, without a signature: it must not count, and the glance says so.
  const hostile = await openExperiment(openWorkspace(lab), HOSTILE_ID);
  await appendRecord(runLogPath(hostile.dir), {
    type: "review_given",
    id: "ongetekende-review",
    at: new Date().toISOString(),
    who: { name: "E. de Wit", source: "key" },
    experiment: { id: hostile.experiment.id, template: hostile.experiment.template, file_sha256: hostile.sha256 },
    verdict: "goedgekeurd",
    toelichting: "Zonder handtekening.",
    run: null,
    author: hostile.experiment.auteur,
  });
  const built = runCli(["site", "--root", lab, "--out", site, "--pdf"]);
  expect(built.stderr).toBe("");
  chromium = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await chromium?.close();
});

describe("the page at a glance", () => {
  for (const screen of SCREENS) {
    for (const id of EXPERIMENTS) {
      it(`${id} at ${screen.width} px: question, answer, reliability, safeguards, reviews and decision within ${screen.topScreens} screen(s)`, async () => {
        const page = await open(`experimenten/${id}/index.html`, screen);
        const glance = page.locator(".lab-glance");
        const text = await visibleText(glance);
        for (const fact of [
          "De vraag",
          "Het antwoord tot nu toe",
          "Hoe betrouwbaar",
          "Waarborgen",
          "Beoordeeld",
          "Besluit",
        ])
          expect(text, fact).toContain(fact);
        expect(text).toMatch(/\d+ van de \d+ controles (is|zijn) in orde/);
        expect(text).toMatch(/Tegen de (\d+ )?foutmarges? die vooraf/);
        expect(text).toMatch(/\d+ geregeld\s+\?\s*\d+ nog open/);
        expect(text).toMatch(/Nog niet besloten\s+omdat .+\./);
        const screens = await screensTo(page, ".lab-glance");
        expect(screens).toBeLessThanOrEqual(screen.topScreens);
        if (id === "om-datakwaliteit") {
          expect(text).toMatch(
            /run 2 goedgekeurd door C\. Bakker als reviewer op \d+ \w+ \d{4}, ondertekend en nagekeken/,
          );
          await page.screenshot({ path: join(ARTIFACTS, `in-een-oogopslag-${screen.name}.png`) });
        } else {
          expect(text).toMatch(/het plan op naam van E\. de Wit telt niet: niet ondertekend/);
        }
        await page.close();
      });
    }
  }

  it("the main job's summary starts with the same top", async () => {
    const page = await chromium.context.newPage();
    await page.goto(pathToFileURL(join(lab, "experiments/om-datakwaliteit/rapport/samenvatting.html")).href);
    const text = await visibleText(page.locator(".lab-glance"));
    for (const fact of [
      "De vraag",
      "Het antwoord tot nu toe",
      "Hoe betrouwbaar",
      "Waarborgen",
      "Beoordeeld",
      "Besluit",
    ])
      expect(text, fact).toContain(fact);
    // The 49 checks are folded, not a wall: closed, their table is not shown.
    expect(await page.locator("details.lab-fold table").isVisible()).toBe(false);
    await page.close();
  });
});

describe("layout that holds", () => {
  const pages = [
    "index.html",
    "sjablonen.html",
    "lessen.html",
    "zoeken.html",
    "experimenten/om-datakwaliteit/vergelijk-run-1-met-run-2.html",
    ...EXPERIMENTS.flatMap((id) => [
      `experimenten/${id}/index.html`,
      `experimenten/${id}/runs-1.html`,
      `experimenten/${id}/data-zaken.html`,
    ]),
    `experimenten/${HOSTILE_ID}/${DECLARED_ONLY_PAGE}`,
  ];
  for (const screen of SCREENS) {
    it(`at ${screen.width} px no element is wider than the screen (unless a scrolling table), no text or chart label is clipped, no word is broken`, async () => {
      for (const path of pages) {
        const page = await open(path, screen);
        await page.evaluate(() => {
          for (const fold of Array.from(document.querySelectorAll("details"))) fold.open = true;
        });
        expect(await layoutProblems(page), `${path} at ${screen.width}`).toEqual([]);
        expect(await englishWordsOn(page), path).toEqual([]);
        await page.close();
      }
    }, 120_000);
  }

  for (const screen of SCREENS) {
    it(`the main job's summary at ${screen.width} px labels its chart bars with what each check expects, never with ids, never clipped`, async () => {
      const page = await chromium.context.newPage();
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await page.goto(pathToFileURL(join(lab, "experiments/om-datakwaliteit/rapport/samenvatting.html")).href);
      await page.evaluate(() => {
        for (const fold of Array.from(document.querySelectorAll("details"))) fold.open = true;
      });
      expect(await layoutProblems(page)).toEqual([]);
      expect(await englishWordsOn(page)).toEqual([]);
      const shown = page.locator(screen.width < 640 ? ".lab-chart__narrow" : ".lab-chart__wide");
      expect(await shown.isVisible()).toBe(true);
      const labels = await shown.locator("svg text").allTextContents();
      // A label wraps into lines (tspans) whose text runs together: compare without spaces.
      const squeezed = (text: string) => text.replace(/\s+/g, "");
      expect(squeezed(labels.join(""))).toContain(squeezed("Het veld parketnummer heeft de vorm van een parketnummer"));
      // A bar is named by what its check expects, not by its id (a drift's sentence may name the check it follows).
      const suite = parseDocument(await readFile(join(lab, "experiments/om-datakwaliteit/suite.yaml"), "utf8"));
      const ids = (suite.toJS().checks as Array<{ id: string }>).map((c) => c.id);
      expect(labels.filter((label) => ids.some((id) => label.trim().startsWith(id)))).toEqual([]);
      await page.close();
    });
  }

  it("a datasheet page says at 1280 px within one screen what the data is, where it came from and whether it holds personal data", async () => {
    const page = await open("experimenten/om-datakwaliteit/data-zaken.html", SCREENS[0]);
    const facts = await visibleText(page.locator("main .lab-facts").first());
    for (const fact of ["Waar de data vandaan komt", "Persoonsgegevens", "Bewaren tot", "Rijen"])
      expect(facts).toContain(fact);
    expect(await screensTo(page, "main .lab-facts")).toBeLessThanOrEqual(1);
    expect(await visibleText(page.locator("footer"))).toContain("Alle data op deze pagina is synthetisch");
    await page.screenshot({ path: join(ARTIFACTS, "datasheet.png") });
    await page.close();
  });

  it("says in each footer what is true of the data on that page", async () => {
    const page = await open("experimenten/om-datakwaliteit/index.html", SCREENS[0]);
    expect(await visibleText(page.locator("footer"))).toContain("Alle data op deze pagina is synthetisch");
    await page.close();
    const templates = await open("sjablonen.html", SCREENS[0]);
    expect(await visibleText(templates.locator("footer"))).toContain("Deze pagina toont geen data.");
    await templates.close();
  });

  it("prints the experiment as A4 with no page that is mostly a broken table", () => {
    const pdf = join(site, "experimenten/om-datakwaliteit/om-datakwaliteit.pdf");
    const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
    expect(pages.length).toBeGreaterThan(1);
    for (const [index, text] of pages.entries()) {
      const lines = text.split("\n").filter((l) => l.trim() !== "");
      if (lines.length === 0) continue;
      // A column squeezed to a letter per line prints as lines of one or two letters (a chart's
      // ticks are numbers, and are not shreds).
      const shreds = lines.filter((l) => /^\p{L}[\p{L}-]?$/u.test(l.trim())).length;
      expect(shreds / lines.length, `page ${index + 1}`).toBeLessThan(0.2);
    }
  });
});

describe("what the competence network reuses", () => {
  it("new --from copies the answers and suites, records where it came from, and leaves decisions and the log behind", async () => {
    const dir = join(lab, "experiments", FINISHED);
    const doc = parseDocument(await readFile(join(dir, "experiment.yaml"), "utf8"));
    expect(doc.getIn(["voortgekomen_uit", "experiment"])).toBe("om-datakwaliteit");
    expect(String(doc.getIn(["voortgekomen_uit", "sha256"]))).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.getIn(["principes", "doel", "status"])).toBe("open");
    expect(doc.hasIn(["principes", "doel", "besloten_door"])).toBe(false);
    expect(existsSync(join(dir, "suite.yaml"))).toBe(true);
    expect(existsSync(join(dir, "runlog.jsonl"))).toBe(false);
    expect(runCli(["validate", FINISHED, "--root", lab]).code).toBe(0);
  });

  it("shows the verdicts and lessons of finished experiments by template and by principle", async () => {
    const page = await open("lessen.html", SCREENS[0]);
    const text = await visibleText(page.locator("main"));
    expect(text).toContain("Sjabloon datakwaliteit");
    expect(text).toContain("Aangepast. De controles vonden de fouten");
    expect(text).toContain(LESSON);
    expect(text).toContain("Per uitgangspunt");
    expect(text).not.toContain("Proef met");
    await page.screenshot({ path: join(ARTIFACTS, "lessen.png"), fullPage: true });
    await page.close();
  });

  it("lists every experiment, run and lesson in the plain index", async () => {
    const page = await open("zoeken.html", SCREENS[0]);
    const text = await visibleText(page.locator("main"));
    expect(text).toMatch(/Experimenten \(3\)/);
    expect(text).toMatch(/Runs \(3\)/);
    expect(text).toContain(LESSON);
    await page.close();
  });
});

describe("runs side by side", () => {
  it("log compare prints per check the outcome, the measurement and the change, and what differs in data and code", async () => {
    const records = (await readFile(join(lab, "experiments/om-datakwaliteit/runlog.jsonl"), "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string; id: string });
    const [first, second] = records.filter((r) => r.type === "run").map((r) => r.id.slice(0, 8));
    const run = runCli([
      "log",
      "compare",
      first ?? "",
      second ?? "",
      "--experiment",
      "om-datakwaliteit",
      "--root",
      lab,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Controles: \d+ beter, \d+ slechter, \d+ met een andere meting, \d+ gelijk/);
    expect(run.stdout).toContain("Data (vingerafdruk van de inhoud) en code zijn in beide runs gelijk.");
    expect(run.stdout).toMatch(
      /zaken-afdoening-geldig\s+Geldigheid\s+niet in orde → niet in orde\s+[\d,]+% → [\d,]+%\s+gelijk/,
    );
  });

  it("has a page per run and the run before it of its kind, linked from the run and the runs list", async () => {
    const page = await open("experimenten/om-datakwaliteit/vergelijk-run-1-met-run-2.html", SCREENS[0]);
    const text = await visibleText(page.locator("main"));
    expect(text).toContain("Run 1 en run 2 naast elkaar");
    expect(text).toMatch(/\d+ controles? (is|zijn) slechter, \d+ beter/);
    expect(text).toContain("Niets: dezelfde data (vingerafdruk van de inhoud) en dezelfde code.");
    await page.screenshot({ path: join(ARTIFACTS, "vergelijking.png"), fullPage: false });
    await page.close();
    // From the runs list and from run 2's own section on the page of the run log.
    const run = await open("experimenten/om-datakwaliteit/runs-1.html", SCREENS[0]);
    expect(await run.locator('a[href="vergelijk-run-1-met-run-2.html"]').count()).toBe(2);
    await run.close();
  });
});
