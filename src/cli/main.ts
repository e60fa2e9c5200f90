#!/usr/bin/env node
import { isEngineError } from "../engines/engine-error.js";
import { formatProblems } from "../errors/format-problem.js";
import { isLivingLabError } from "../errors/problem.js";
import { EXIT } from "./command.js";
import { loadCommand, loadCommands } from "./command-registry.js";

const help = async () => `livinglab – werkbank voor experimenten van het Big Data Living Lab

Gebruik: livinglab <commando> [opties]

Commando's:
${(await loadCommands()).map((c) => `  ${c.name.padEnd(12)} ${c.summary}`).join("\n")}

Gebruik 'livinglab <commando> --help' voor de opties van een commando.

Exitcodes:
  0  alles in orde
  1  een controle is afgekeurd
  2  alleen waarschuwingen
  3  fout in gebruik of invoer, of een fout in het programma`;

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(await help());
    return name === undefined ? EXIT.error : EXIT.ok;
  }
  const command = await loadCommand(name);
  if (!command) {
    console.error(`Onbekend commando '${name}'.\n\n${await help()}`);
    return EXIT.error;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (isLivingLabError(error)) {
      console.error(formatProblems(error.problems));
      return EXIT.error;
    }
    if (isEngineError(error) && error.kind !== "query" && error.kind !== "unknown") {
      // The database's own words may quote a value from the data: shown here, never stored.
      console.error(formatProblems([{ code: error.code, message: error.message, hint: error.hint }]));
      console.error(`Melding van de database (alleen hier getoond, niet bewaard):\n${error.engineMessage}`);
      return EXIT.error;
    }
    console.error("Interne fout in livinglab (geen fout van u). Meld dit met de tekst hieronder.");
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (isEngineError(error)) console.error(`Melding van de database:\n${error.engineMessage}`);
    return EXIT.error;
  }
}

process.exitCode = await main(process.argv.slice(2));
