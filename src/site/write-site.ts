import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { LivingLabError } from "../errors/problem.js";
import type { Workspace } from "../workspace.js";
import type { LabView } from "./lab-view.js";
import { printExperimentPdfs } from "./print-pdf.js";
import { readLab } from "./read-lab.js";
import { readSiteAssets } from "./site-assets.js";
import { sitePages } from "./site-pages.js";
import { sitePaths } from "./site-paths.js";

/** Files written at the same time: enough to keep the disk busy, few enough to keep memory flat. */
const WRITES_IN_FLIGHT = 32;

/** Marks a folder as a site this tool wrote, so a rebuild may replace it and nothing else. */
const MARKER = ".livinglab-site";

export interface WriteSiteOptions {
  out: string;
  /** Also print each experiment page to PDF with Chromium. */
  pdf?: boolean;
}

export interface WrittenSite {
  dir: string;
  pages: number;
  pdfs: string[];
}

/**
 * Writes the lab's static site to `out`: built in a fresh folder beside it and swapped in
 * at the end, so a failed build leaves the previous site whole.
 * @example await writeSite(openWorkspace(), { out: "site", pdf: true });
 */
export async function writeSite(workspace: Workspace, options: WriteSiteOptions): Promise<WrittenSite> {
  const dir = resolve(workspace.root, options.out);
  await refuseForeignFolder(dir);
  const lab = await readLab(workspace);
  const staging = join(dirname(dir), `.${basename(dir)}.nieuw-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    const pages = await writePages(staging, lab, options.pdf ?? false);
    await writeFile(join(staging, MARKER), "Gemaakt door 'livinglab site'; wordt bij elke bouw vervangen.\n");
    const pdfs = options.pdf ? await printExperimentPdfs(staging, experimentIds(lab)) : [];
    const old = join(dirname(dir), `.${basename(dir)}.oud-${process.pid}`);
    if (existsSync(dir)) await rename(dir, old);
    await rename(staging, dir);
    await rm(old, { recursive: true, force: true });
    return { dir, pages, pdfs: pdfs.map((p) => join(dir, p.slice(staging.length + 1))) };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Renders and writes every page and asset, a few files at a time; returns the number of pages. */
async function writePages(staging: string, lab: LabView, pdf: boolean): Promise<number> {
  const folders = new Map<string, Promise<unknown>>();
  const inFlight = new Set<Promise<void>>();
  const failures: unknown[] = [];
  const write = async (path: string, content: string) => {
    const file = join(staging, path);
    const folder = dirname(file);
    if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
    await folders.get(folder);
    await writeFile(file, content);
  };
  const queue = async (path: string, content: string) => {
    const writing: Promise<void> = write(path, content)
      .catch((error: unknown) => {
        failures.push(error);
      })
      .finally(() => inFlight.delete(writing));
    inFlight.add(writing);
    if (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight);
    if (failures.length > 0) throw failures[0];
  };
  let pages = 0;
  try {
    for (const page of sitePages(lab, { pdf })) {
      await queue(page.path, page.render());
      pages++;
    }
    for (const [name, content] of await readSiteAssets()) await queue(sitePaths.asset(name), content);
  } finally {
    // Every write has ended before the staging folder is swapped in or removed.
    await Promise.all(inFlight);
  }
  if (failures.length > 0) throw failures[0];
  return pages;
}

function experimentIds(lab: LabView): string[] {
  return lab.experiments.flatMap((entry) => (entry.ok ? [entry.experiment.opened.experiment.id] : []));
}

async function refuseForeignFolder(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  if (!(await stat(dir)).isDirectory()) {
    throw new LivingLabError({
      code: "site_out_is_file",
      message: `${dir} is een bestand, geen map; de site is een map met pagina's.`,
      hint: "Kies met --out een nieuwe of lege map.",
    });
  }
  const entries = await readdir(dir);
  if (entries.length === 0 || entries.includes(MARKER)) return;
  throw new LivingLabError({
    code: "site_out_not_empty",
    message: `De map ${dir} bestaat al en is geen site van livinglab; die wordt niet overschreven.`,
    hint: "Kies met --out een nieuwe of lege map, of een map waar eerder een site in is gemaakt.",
  });
}
