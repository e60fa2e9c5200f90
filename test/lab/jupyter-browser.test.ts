import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
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
    jupyter = await startJupyter(
      [`--ServerApp.root_dir=${join(lab, "notebooks")}`],
      join(tmpdir(), `livinglab-jupyter-${process.pid}.log`),
    );
    chromium = await launchChromium();
    page = await chromium.context.newPage();
    await page.goto(`${jupyter.base}/lab?token=${TOKEN}`);
    await page.locator(".lm-MenuBar-itemLabel", { hasText: "File" }).waitFor({ timeout: 120_000 });
  }, 180_000);

  afterAll(async () => {
    await chromium?.close();
    jupyter?.stop();
    await rm(lab, { recursive: true, force: true });
    if (jupyter?.log) await rm(jupyter.log, { force: true });
  });

  /** The active cell, held by its place: after Shift+Enter the next cell becomes the active one. */
  async function activeCell(): Promise<Locator> {
    const panel = ".jp-NotebookPanel:not(.lm-mod-hidden)";
    const index = await page.locator(`${panel} .jp-Cell.jp-mod-active`).getAttribute("data-windowed-list-index");
    return page.locator(`${panel} .jp-Cell[data-windowed-list-index="${index}"]`);
  }

  /** What the page, the server and the kernel say, for a cell that did not run. */
  async function diagnosis(cell: Locator): Promise<string> {
    const kernels = await (await fetch(`${jupyter.base}/api/kernels?token=${TOKEN}`)).text().catch(String);
    const sessions = await (await fetch(`${jupyter.base}/api/sessions?token=${TOKEN}`)).text().catch(String);
    const indicator = await page
      .locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator")
      .getAttribute("data-status")
      .catch(String);
    const status = await page.locator(".jp-StatusBar-Widget").allInnerTexts().catch(String);
    const dialogs = await page.locator(".jp-Dialog").allInnerTexts().catch(String);
    const cells = await page
      .locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell")
      .evaluateAll((els) => els.map((e) => `${e.className} | ${e.textContent?.slice(0, 200)}`))
      .catch(String);
    const source = await cell.locator(".cm-content").textContent().catch(String);
    const focused = await page.evaluate(
      () => `${document.activeElement?.tagName}.${document.activeElement?.className}`,
    );
    const log = jupyter.log ? (await readFile(jupyter.log, "utf8").catch(String)).slice(-6000) : "";
    const screenshot = join(tmpdir(), `livinglab-jupyter-${process.pid}.png`);
    await page.screenshot({ path: screenshot }).catch(() => {});
    return [
      `kernels: ${kernels}`,
      `sessions: ${sessions}`,
      `indicator: ${indicator}`,
      `status bar: ${JSON.stringify(status)}`,
      `dialogs: ${JSON.stringify(dialogs)}`,
      `focused: ${focused}`,
      `cell source: ${source}`,
      `cells:\n${Array.isArray(cells) ? cells.join("\n") : cells}`,
      `screenshot: ${screenshot}`,
      `server log:\n${log}`,
    ].join("\n");
  }

  /**
   * Runs the cell and follows its prompt: `[*]:` while the kernel works, then `[n]:` when it ran,
   * or `[ ]:` again when tslab aborted it. tslab aborts every cell that reaches it within 200 ms
   * after a cell that failed (its "stop on error" for a queue of cells, see tslab's
   * JupyterHandlerImpl.handleExecute); a user does not type that fast, a test does. An aborted
   * cell is run again in place, as a user would, at most twice: the abort reply is the signal.
   * With `working`, returns as soon as that element shows while the cell still runs.
   */
  async function execute(cell: Locator, keys: string, working?: Locator): Promise<void> {
    const prompt = cell.locator(".jp-InputPrompt");
    for (let attempt = 1; attempt <= 3; attempt++) {
      await prompt.evaluate((node) => {
        const seen: string[] = [];
        (window as unknown as { livinglabPrompts: string[] }).livinglabPrompts = seen;
        new MutationObserver(() => seen.push(node.textContent ?? "")).observe(node, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      });
      await page.keyboard.press(attempt === 1 ? keys : "ControlOrMeta+Enter");
      const finished = async () => {
        if (working && (await working.isVisible())) return "working";
        const seen = await page.evaluate(() => (window as unknown as { livinglabPrompts: string[] }).livinglabPrompts);
        const started = seen.findIndex((text) => text.includes("*"));
        return started >= 0 ? (seen.slice(started + 1).find((text) => !text.includes("*")) ?? "") : "";
      };
      // The first cell compiles the library in tslab: slow on a loaded machine, so a generous limit.
      try {
        await expect.poll(finished, { timeout: 240_000 }).not.toBe("");
      } catch (error) {
        throw new Error(`${(error as Error).message}\n${await diagnosis(cell)}`);
      }
      if (/\[\d+\]|working/.test(await finished())) return;
      await cell.locator(".cm-content").click();
    }
    throw new Error(`tslab aborted the cell three times\n${await diagnosis(cell)}`);
  }

  /** Types code into the active cell, runs it and returns the text of its output once it ran. */
  async function run(code: string): Promise<string> {
    const cell = await activeCell();
    await cell.locator(".cm-content").click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText(code);
    await execute(cell, "Shift+Enter");
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

  it("shows a user's mistake as the Dutch problem without a stack trace, and a real bug with one", {
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
    timeout: 600_000,
  }, async () => {
    const cell = await activeCell();
    await cell.locator(".cm-content").click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText(
      'import { generateOm } from "livinglab";\nawait generateOm({ out: "stop-data", zaken: 5_000_000, seed: 1, asOf: "2026-06-30", defects: "all" });',
    );
    // The bar under the cell updates in place while the generator works.
    await execute(cell, "Shift+Enter", cell.locator("progress"));
    const scratch = join(lab, "notebooks/stop-data/.livinglab-tmp");
    expect(existsSync(scratch)).toBe(true);
    await page.locator(".lm-MenuBar-itemLabel", { hasText: "Kernel" }).click();
    await page.locator(".lm-Menu-itemLabel", { hasText: /^Interrupt Kernel$/ }).click();
    await expect.poll(() => existsSync(scratch), { timeout: 60_000 }).toBe(false);
    // Gone before the generator wrote a table: it stopped, it did not finish.
    expect(await readdir(join(lab, "notebooks/stop-data"))).toEqual([]);
  });
});
