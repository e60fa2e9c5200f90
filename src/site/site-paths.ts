import { posix } from "node:path";

/** Runs per page: each page of the run log shows this many runs in full. */
export const RUNS_PER_PAGE = 20;

/** The page of the run log that holds run `number` (both from 1); a run's page never changes. */
export function runListPageOf(number: number): number {
  return Math.ceil(number / RUNS_PER_PAGE);
}

/** The site's pages, as paths from the site root. Every link is made relative from these. */
export const sitePaths = {
  overview: "index.html",
  templates: "sjablonen.html",
  lessons: "lessen.html",
  index: "zoeken.html",
  experiment: (id: string) => `experimenten/${id}/index.html`,
  /** A page of the run log: page 1 holds runs 1 to RUNS_PER_PAGE, and so on. */
  runs: (id: string, page: number) => `experimenten/${id}/runs-${page}.html`,
  /** One run, on its page of the run log. */
  run: (id: string, number: number) => `experimenten/${id}/runs-${runListPageOf(number)}.html#${runAnchor(number)}`,
  /** A notebook run's executed notebook. */
  notebook: (id: string, number: number) => `experimenten/${id}/run-${number}-notebook.html`,
  /** A run beside the run before it of the same analysis and suite. */
  comparison: (id: string, before: number, after: number) =>
    `experimenten/${id}/vergelijk-run-${before}-met-run-${after}.html`,
  /** Any two runs side by side, as `serve` answers `vergelijk.html?eerder=3&later=7` (the static site has no such page). */
  compareAny: (id: string) => `experimenten/${id}/vergelijk.html`,
  /** A dataset's datasheet: `data-<naam>` for a plain name, `data.<hash>` for any other (see `datasetPath`). */
  dataset: (id: string, page: string) => `experimenten/${id}/${page}.html`,
  pdf: (id: string) => `experimenten/${id}/${id}.pdf`,
  asset: (name: string) => `assets/${name}`,
} as const;

/** The id of a run's section on its page. */
export function runAnchor(number: number): string {
  return `run-${number}`;
}

/**
 * A link from one page to another that works from the file system and from any web server:
 * always relative, always naming the file (a folder does not open its index.html on file://).
 * A `#fragment` (always one of the site's own ids) is kept as it is.
 */
export function relativeHref(from: string, to: string): string {
  const [file = "", fragment] = to.split("#", 2);
  const relative = posix.relative(posix.dirname(from), file);
  const encoded = relative
    .split("/")
    .map((part) => encodeURIComponent(part))
    .join("/");
  return fragment === undefined ? encoded : `${encoded}#${fragment}`;
}
