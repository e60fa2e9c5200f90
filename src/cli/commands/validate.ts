import { formatValidation } from "../../validation/format-validation.js";
import { validatePaths } from "../../validation/validate-paths.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";

export const validateCommand: Command = {
  name: "validate",
  summary: "Controleer sjablonen, uitgangspunten en experimenten",
  usage: `livinglab validate [pad...] [--root <map>]

  pad       een sjabloon (templates/<naam>/<versie>.yaml), een map, een experimentmap of een experiment-id
  --root    de map van het lab (standaard: de huidige map)

  Zonder paden worden alle sjablonen, de uitgangspunten en alle experimenten gecontroleerd.
  Alle problemen worden tegelijk getoond: bestand:regel:kolom, de plek in het document,
  wat er mis is en wat u kunt doen.

Exitcodes:
  0  alles geldig
  3  er zijn problemen (of een fout in het gebruik)`,
  async run(args) {
    const { values, positionals } = parseOptions(args, { root: { type: "string" } }, "validate");
    const report = await validatePaths(openWorkspace(values.root), positionals);
    const { out, err } = formatValidation(report, process.cwd());
    if (out) console.log(out);
    if (err) console.error(err);
    return report.problems.length === 0 ? EXIT.ok : EXIT.error;
  },
};
