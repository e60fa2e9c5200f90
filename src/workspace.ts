import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The folders a lab works in: its experiments and the template catalog. */
export interface Workspace {
  root: string;
  experimentsDir: string;
  templatesDir: string;
}

/** The folder this package is installed in (works from `src/` and from `dist/`). */
export function packageRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), "..");
}

/**
 * Opens the lab at `root` (default: the current folder). Templates come from the lab's own
 * `templates/` folder, or from the package's catalog when the lab has none.
 * @example const lab = openWorkspace("/path/to/lab");
 */
export function openWorkspace(root: string = process.cwd()): Workspace {
  const absolute = resolve(root);
  const own = join(absolute, "templates");
  return {
    root: absolute,
    experimentsDir: join(absolute, "experiments"),
    templatesDir: existsSync(own) ? own : join(packageRoot(), "templates"),
  };
}
