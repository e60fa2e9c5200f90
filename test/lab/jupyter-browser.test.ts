import { existsSync } from "node:fs";
import { cp, mkdir, readdir, rm, symlink } from "node:fs/promises";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Chromium, launchChromium } from "../../src/index.js";
import { makeLab, REPO } from "../helpers/cli.js";
import { type Jupyter, startJupyter, TOKEN } from "../helpers/jupyter-server.js";

const SHIPPED = "01-om-datakwaliteit.ipynb";

/** A real JupyterLab from `./lab jupyter`, serving a throwaway lab, driven by headless Chromium as a user would. */
describe("JupyterLab in a browser", () => {
  let lab: string;
  let jupyter: Jupyter;
  let chromium: Chromium;
  let page: Page;

  beforeAll(async () => {
    lab = await makeLab();
    await mkdir(join(lab, "notebooks/node_modules"), { recursive: true });
    await symlink(REPO, join(lab, "notebooks/node_modules/livinglab"));
    await cp(join(REPO, "notebooks", SHIPPED), join(lab, "notebooks", SHIPPED));
    jupyter = await startJupyter([`--ServerApp.root_dir=${join(lab, "notebooks")}`]);
    chromium = await launchChromium();
    page = await chromium.context.newPage();
    await page.goto(`${jupyter.base}/lab?token=${TOKEN}`);
    await page.locator(".lm-MenuBar-itemLabel", { hasText: "File" }).waitFor({ timeout: 120_000 });
  }, 180_000);

  afterAll(async () => {
    await chromium?.close();
    jupyter?.stop();
    await rm(lab, { recursive: true, force: true });
  });

  /** The active cell, held by its place: after Shift+Enter the next cell becomes the active one. */
  async function activeCell(): Promise<Locator> {
    const panel = ".jp-NotebookPanel:not(.lm-mod-hidden)";
    const index = await page.locator(`${panel} .jp-Cell.jp-mod-active`).getAttribute("data-windowed-list-index");
    return page.locator(`${panel} .jp-Cell[data-windowed-list-index="${index}"]`);
  }

  /** Types code into the active cell, runs it and returns the text of its output once the kernel is idle again. */
  async function run(code: string): Promise<string> {
    const cell = await activeCell();
    await cell.locator(".cm-content").click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText(code);
    await page.keyboard.press("Shift+Enter");
    const prompt = cell.locator(".jp-InputPrompt");
    // The first cell compiles the library in tslab: slow on a loaded machine, so a generous limit.
    await expect.poll(async () => prompt.textContent(), { timeout: 240_000 }).toMatch(/\[\d+\]/);
    return (await cell.locator(".jp-OutputArea").textContent()) ?? "";
  }

  it("gives a new notebook the TypeScript kernel", async () => {
    await page.locator(".lm-MenuBar-itemLabel", { hasText: "File" }).click();
    await page.locator(".lm-Menu-itemLabel", { hasText: /^New$/ }).hover();
    await page.locator(".lm-Menu-itemLabel", { hasText: /^Notebook$/ }).click();
    const dialog = page.locator(".jp-Dialog");
    const kernel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Toolbar-kernelName");
    // JupyterLab asks which kernel to start, with the preferred one selected: it must be TypeScript, the only one.
    await expect.poll(() => dialog.isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await dialog.locator("select").inputValue()).toBe('{"name":"tslab"}');
    expect(await dialog.locator("optgroup[label='Start Kernel'] option").allInnerTexts()).toEqual([
      "TypeScript (livinglab)",
    ]);
    await dialog.locator(".jp-mod-accept").click();
    await expect.poll(() => kernel.textContent(), { timeout: 60_000 }).toBe("TypeScript (livinglab)");
  }, 120_000);

  // Retried once: now and then JupyterLab drops the Shift+Enter of a freshly opened notebook, and
  // the cell never runs (the kernel stays idle); a retry types into the next cell.
  it("shows a user's mistake as the Dutch problem without a stack trace, and a real bug with one", {
    retry: 1,
    timeout: 600_000,
  }, async () => {
    const mistake = await run(
      'import { checkSuite } from "livinglab";\nawait checkSuite({ suite: "../experiments/om-datakwaliteit/suite.yaml", justification: "kort" });',
    );
    expect(mistake).toContain("Elke run heeft een verantwoording in woorden nodig. (justification_refused)");
    expect(mistake).toContain('bijvoorbeeld justification: "');
    expect(mistake).not.toContain("--justification");
    expect(mistake).not.toMatch(/\n\s+at /);
    expect(mistake).not.toContain("problems:");
    const bug = await run('JSON.parse("{");');
    expect(bug).toContain("SyntaxError");
    expect(bug).toMatch(/\n\s+at /);
  });

  it("stops a long generation on Kernel, Interrupt, and leaves no temporary folder", {
    retry: 1,
    timeout: 600_000,
  }, async () => {
    const cell = await activeCell();
    await cell.locator(".cm-content").click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText(
      'import { generateOm } from "livinglab";\nawait generateOm({ out: "stop-data", zaken: 5_000_000, seed: 1, asOf: "2026-06-30", defects: "all" });',
    );
    await page.keyboard.press("Shift+Enter");
    // The bar under the cell updates in place while the generator works.
    await cell.locator("progress").waitFor({ timeout: 240_000 });
    const scratch = join(lab, "notebooks/stop-data/.livinglab-tmp");
    expect(existsSync(scratch)).toBe(true);
    await page.locator(".lm-MenuBar-itemLabel", { hasText: "Kernel" }).click();
    await page.locator(".lm-Menu-itemLabel", { hasText: /^Interrupt Kernel$/ }).click();
    await expect.poll(() => existsSync(scratch), { timeout: 60_000 }).toBe(false);
    // Gone before the generator wrote a table: it stopped, it did not finish.
    expect(await readdir(join(lab, "notebooks/stop-data"))).toEqual([]);
  });
});
