import { type ParseArgsConfig, parseArgs } from "node:util";
import { LivingLabError } from "../errors/problem.js";

type Options = NonNullable<ParseArgsConfig["options"]>;
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/** Strict option parsing; an unknown or malformed option is a usage error (exit 3). */
export function parseOptions<O extends Options>(args: string[], options: O, command: string): Parsed<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new LivingLabError({
      code: "usage",
      message: error instanceof Error ? error.message : String(error),
      hint: `Zie 'livinglab ${command} --help'.`,
    });
  }
}
