import { LivingLabError } from "../../errors/problem.js";
import { experimentStatus } from "../../status/experiment-status.js";
import { formatStatus } from "../../status/format-status.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";

export const statusCommand: Command = {
  name: "status",
  summary: "Toon waar een experiment staat: secties, uitgangspunten, open punten en poorten",
  usage: `livinglab status <experiment> [--root <map>]

  Per sectie of ze compleet is, per uitgangspunt de status (gegroepeerd naar Mag, Kan en
  Wenselijk), wat nog open staat, en welke poorten dicht zijn en waarom.

Exitcodes:
  0  het experiment is geldig
  3  het bestand heeft problemen (die staan onderaan), of een fout in het gebruik`,
  async run(args) {
    const { values, positionals } = parseOptions(args, { root: { type: "string" } }, "status");
    const [id] = positionals;
    if (!id || positionals.length > 1) {
      throw new LivingLabError({ code: "usage", message: "Geef precies één experiment op.", hint: this.usage });
    }
    const status = await experimentStatus(openWorkspace(values.root), id);
    console.log(formatStatus(status));
    return status.problems.length === 0 ? EXIT.ok : EXIT.error;
  },
};
