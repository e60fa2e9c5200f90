/** One CLI command: a thin front-end over the library. */
export interface Command {
  name: string;
  /** One line for the command list, in Dutch. */
  summary: string;
  /** Usage and options, in Dutch, shown by `livinglab <command> --help`. */
  usage: string;
  /** Returns the exit code. Throws LivingLabError for a user's mistake. */
  run(args: string[]): Promise<number>;
}

export const EXIT = { ok: 0, checksFailed: 1, warnings: 2, error: 3 } as const;
