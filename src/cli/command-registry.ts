import type { Command } from "./command.js";
import { runCommand } from "./commands/run.js";
import { synthCommand } from "./commands/synth.js";
import { validateCommand } from "./commands/validate.js";

/** Every command of the CLI, in the order `--help` lists them. */
export const commands: readonly Command[] = [runCommand, validateCommand, synthCommand];
