import { posix } from "node:path";

/** The site's pages, as paths from the site root. Every link is made relative from these. */
export const sitePaths = {
  overview: "index.html",
  templates: "sjablonen.html",
  lessons: "lessen.html",
  index: "zoeken.html",
  experiment: (id: string) => `experimenten/${id}/index.html`,
  run: (id: string, number: number) => `experimenten/${id}/run-${number}.html`,
  notebook: (id: string, number: number) => `experimenten/${id}/run-${number}-notebook.html`,
  comparison: (id: string, before: number, after: number) =>
    `experimenten/${id}/vergelijk-run-${before}-met-run-${after}.html`,
  pdf: (id: string) => `experimenten/${id}/${id}.pdf`,
  asset: (name: string) => `assets/${name}`,
} as const;

/**
 * A link from one page to another that works from the file system and from any web server:
 * always relative, always naming the file (a folder does not open its index.html on file://).
 */
export function relativeHref(from: string, to: string): string {
  const relative = posix.relative(posix.dirname(from), to);
  return relative
    .split("/")
    .map((part) => encodeURIComponent(part))
    .join("/");
}
