import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { labStyle } from "./lab-style.js";

const require = createRequire(import.meta.url);

/** Stylesheets every page links, in this order: design tokens, NL Design System components, the lab's own. */
export const siteStylesheets = ["rijkshuisstijl-tokens.css", "nl-design-system-componenten.css", "lab.css"] as const;

const copied = {
  "rijkshuisstijl-tokens.css": "@rijkshuisstijl-community/design-tokens/dist/index.css",
  "nl-design-system-componenten.css": "@rijkshuisstijl-community/components-css/dist/index.css",
} as const;

/**
 * The site's assets by file name. The NL Design System CSS is copied from its npm packages
 * into the site, so pages work without a network.
 */
export async function readSiteAssets(): Promise<Map<string, string>> {
  const assets = new Map<string, string>();
  for (const [name, specifier] of Object.entries(copied)) {
    assets.set(name, await readFile(require.resolve(specifier), "utf8"));
  }
  assets.set("lab.css", labStyle);
  return assets;
}
