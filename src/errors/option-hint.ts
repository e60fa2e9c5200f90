import type { Problem } from "./problem.js";

/**
 * Each option a problem's hint may name: as the command line writes it, and as a library call
 * in a notebook does. Hints that name an option are written once, through `optionHint`.
 */
export const optionWords = {
  out: { cli: "--out", library: "out" },
  zaken: { cli: "--zaken 1000", library: "zaken: 1000" },
  seed: { cli: "--seed 1", library: "seed: 1" },
  data: { cli: "--data", library: "dataDir" },
  enginePostgres: { cli: "--engine postgres", library: 'engine: "postgres"' },
  pgUrl: {
    cli: "--pg-url postgres://gebruiker@host:poort/database",
    library: 'pgUrl: "postgres://gebruiker@host:poort/database"',
  },
  sparkUrl: { cli: "--spark-url sc://host:poort", library: 'sparkUrl: "sc://host:poort"' },
  memory: { cli: "--memory", library: "resources: { memoryLimit }" },
  threads: { cli: "--threads", library: "resources: { threads }" },
  suite: { cli: "--suite <suite.yaml>", library: 'suite: "<suite.yaml>"' },
} as const satisfies Record<string, { cli: string; library: string }>;

export type OptionName = keyof typeof optionWords;

/**
 * A hint that names options, in the words of each front-end: `hint` for the command line,
 * `notebookHint` for a library call (what a notebook shows).
 * @example optionHint((o) => `Kies met ${o("out")} een map die u mag maken.`)
 */
export function optionHint(
  text: (option: (name: OptionName) => string) => string,
): Pick<Problem, "hint" | "notebookHint"> {
  return { hint: text((name) => optionWords[name].cli), notebookHint: text((name) => optionWords[name].library) };
}
