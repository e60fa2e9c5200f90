import type { Command } from "./command.js";
import { checkCommand } from "./commands/check.js";
import { correctCommand } from "./commands/correct.js";
import { decideCommand } from "./commands/decide.js";
import { destroyDataCommand } from "./commands/destroy-data.js";
import { evaluateCommand } from "./commands/evaluate.js";
import { loadCommand } from "./commands/load.js";
import { logCommand } from "./commands/log.js";
import { newCommand } from "./commands/new.js";
import { profileCommand } from "./commands/profile.js";
import { publishCommand } from "./commands/publish.js";
import { reviewCommand } from "./commands/review.js";
import { runCommand } from "./commands/run.js";
import { serveCommand } from "./commands/serve.js";
import { siteCommand } from "./commands/site.js";
import { statusCommand } from "./commands/status.js";
import { synthCommand } from "./commands/synth.js";
import { templatesCommand } from "./commands/templates.js";
import { upgradeCommand } from "./commands/upgrade.js";
import { validateCommand } from "./commands/validate.js";

/** Every command of the CLI, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  runCommand,
  validateCommand,
  templatesCommand,
  newCommand,
  statusCommand,
  upgradeCommand,
  siteCommand,
  serveCommand,
  synthCommand,
  checkCommand,
  profileCommand,
  evaluateCommand,
  loadCommand,
  logCommand,
  reviewCommand,
  decideCommand,
  publishCommand,
  destroyDataCommand,
  correctCommand,
];
