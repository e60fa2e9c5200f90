import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium } from "./launch-chromium.js";
import { sitePaths } from "./site-paths.js";

/** Prints each experiment page of a written site to A4 PDF with Chromium, beside the page. */
export async function printExperimentPdfs(siteDir: string, experimentIds: readonly string[]): Promise<string[]> {
  if (experimentIds.length === 0) return [];
  const chromium = await launchChromium();
  const written: string[] = [];
  try {
    const page = await chromium.context.newPage();
    for (const id of experimentIds) {
      await page.goto(pathToFileURL(join(siteDir, sitePaths.experiment(id))).href, { waitUntil: "load" });
      // Paper cannot be unfolded: the PDF shows every folded part open.
      await page.evaluate(() => {
        for (const fold of Array.from(document.querySelectorAll("details"))) fold.open = true;
      });
      const file = join(siteDir, sitePaths.pdf(id));
      await page.pdf({
        path: file,
        format: "A4",
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: `<div style="font-size:8pt;width:100%;text-align:center;color:#555">Pagina <span class="pageNumber"></span> van <span class="totalPages"></span></div>`,
      });
      written.push(file);
    }
  } finally {
    await chromium.close();
  }
  return written;
}
