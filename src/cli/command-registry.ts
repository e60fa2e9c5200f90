import type { Command } from "./command.js";
import { checkCommand } from "./commands/check.js";
import { evaluateCommand } from "./commands/evaluate.js";
import { loadCommand } from "./commands/load.js";
import { profileCommand } from "./commands/profile.js";
import { runCommand } from "./commands/run.js";
import { synthCommand } from "./commands/synth.js";
import { validateCommand } from "./commands/validate.js";

/** Every command of the CLI, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  runCommand,
  validateCommand,
  synthCommand,
  checkCommand,
  profileCommand,
  evaluateCommand,
  loadCommand,
];
