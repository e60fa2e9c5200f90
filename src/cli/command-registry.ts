import type { Command } from "./command.js";
import { correctCommand } from "./commands/correct.js";
import { decideCommand } from "./commands/decide.js";
import { destroyDataCommand } from "./commands/destroy-data.js";
import { logCommand } from "./commands/log.js";
import { publishCommand } from "./commands/publish.js";
import { reviewCommand } from "./commands/review.js";
import { runCommand } from "./commands/run.js";
import { validateCommand } from "./commands/validate.js";

/** Every command of the CLI, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  runCommand,
  validateCommand,
  logCommand,
  reviewCommand,
  decideCommand,
  publishCommand,
  destroyDataCommand,
  correctCommand,
];
