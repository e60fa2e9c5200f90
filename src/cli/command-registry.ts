import type { Command } from "./command.js";
import { runCommand } from "./commands/run.js";
import { serveCommand } from "./commands/serve.js";
import { siteCommand } from "./commands/site.js";
import { validateCommand } from "./commands/validate.js";

/** Every command of the CLI, in the order `--help` lists them. */
export const commands: readonly Command[] = [runCommand, validateCommand, siteCommand, serveCommand];
