import type { Command } from "./command.js";

/**
 * Every command of the CLI, in the order `--help` lists them, loaded only when it runs: a call
 * of `livinglab log` does not load DuckDB, the charts or the web site.
 */
export const commandLoaders = {
  run: async () => (await import("./commands/run.js")).runCommand,
  validate: async () => (await import("./commands/validate.js")).validateCommand,
  templates: async () => (await import("./commands/templates.js")).templatesCommand,
  new: async () => (await import("./commands/new.js")).newCommand,
  status: async () => (await import("./commands/status.js")).statusCommand,
  upgrade: async () => (await import("./commands/upgrade.js")).upgradeCommand,
  site: async () => (await import("./commands/site.js")).siteCommand,
  serve: async () => (await import("./commands/serve.js")).serveCommand,
  synth: async () => (await import("./commands/synth.js")).synthCommand,
  check: async () => (await import("./commands/check.js")).checkCommand,
  profile: async () => (await import("./commands/profile.js")).profileCommand,
  evaluate: async () => (await import("./commands/evaluate.js")).evaluateCommand,
  load: async () => (await import("./commands/load.js")).loadCommand,
  log: async () => (await import("./commands/log.js")).logCommand,
  review: async () => (await import("./commands/review.js")).reviewCommand,
  decide: async () => (await import("./commands/decide.js")).decideCommand,
  publish: async () => (await import("./commands/publish.js")).publishCommand,
  "destroy-data": async () => (await import("./commands/destroy-data.js")).destroyDataCommand,
  correct: async () => (await import("./commands/correct.js")).correctCommand,
} satisfies Record<string, () => Promise<Command>>;

export type CommandName = keyof typeof commandLoaders;

/** Every command, loaded (for the overview in `--help`). */
export async function loadCommands(): Promise<Command[]> {
  return Promise.all(Object.values(commandLoaders).map((load) => load()));
}

/** The command called `name`, loaded, or undefined when there is none. */
export function loadCommand(name: string): Promise<Command> | undefined {
  return Object.hasOwn(commandLoaders, name) ? commandLoaders[name as CommandName]() : undefined;
}
