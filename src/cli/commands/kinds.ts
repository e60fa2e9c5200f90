import { renderKindReference } from "../../checks/kind-reference.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";

export const kindsCommand: Command = {
  name: "kinds",
  summary: "Toon elke soort controle: dimensie, parameters, standaardwaarden en een voorbeeld",
  usage: `livinglab kinds

  Dezelfde tekst staat in docs/soorten-controles.md.`,
  async run(args) {
    parseOptions(args, {}, "kinds");
    process.stdout.write(renderKindReference());
    return EXIT.ok;
  },
};
