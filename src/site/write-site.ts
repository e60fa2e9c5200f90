import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { LivingLabError } from "../errors/problem.js";
import type { Workspace } from "../workspace.js";
import { printExperimentPdfs } from "./print-pdf.js";
import { experimentPages, renderSite } from "./render-site.js";

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
  const files = await renderSite(workspace, { pdf: options.pdf ?? false });
  const staging = join(dirname(dir), `.${basename(dir)}.nieuw-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    for (const [path, content] of files) {
      const file = join(staging, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
    }
    await writeFile(join(staging, MARKER), "Gemaakt door 'livinglab site'; wordt bij elke bouw vervangen.\n");
    const pdfs = options.pdf ? await printExperimentPdfs(staging, experimentPages(files)) : [];
    const old = join(dirname(dir), `.${basename(dir)}.oud-${process.pid}`);
    if (existsSync(dir)) await rename(dir, old);
    await rename(staging, dir);
    await rm(old, { recursive: true, force: true });
    const pages = [...files.keys()].filter((p) => p.endsWith(".html")).length;
    return { dir, pages, pdfs: pdfs.map((p) => join(dir, p.slice(staging.length + 1))) };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
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
