import { LivingLabError } from "../errors/problem.js";

/** Checks the number of positional arguments; a wrong count is a usage error showing the usage. */
export function expectPositionals(positionals: readonly string[], min: number, max: number, usage: string): string[] {
  if (positionals.length < min || positionals.length > max) {
    throw new LivingLabError({ code: "usage", message: "Verkeerd aantal argumenten.", hint: usage });
  }
  return [...positionals];
}

/** A required option; its absence is a usage error naming it. */
export function requireOption(value: string | undefined, name: string, usage: string): string {
  if (value === undefined) {
    throw new LivingLabError({ code: "usage", message: `De optie --${name} is verplicht.`, hint: usage });
  }
  return value;
}

/** Narrows an option's value to one of `choices`; anything else is a usage error with the given words. */
export function oneOf<T extends string>(
  value: string,
  choices: readonly T[],
  problem: { message: string; hint: string },
): T {
  const choice = choices.find((c) => c === value);
  if (choice === undefined) throw new LivingLabError({ code: "usage", ...problem });
  return choice;
}
