import { openExperiment } from "../../experiments/open-experiment.js";
import { destroyData } from "../../runlog/governance.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";
import { expectPositionals, requireOption } from "../positionals.js";

const USAGE = `livinglab destroy-data <experiment> <pad>... --reason "<reden>" [--root <map>]

  <pad>                bestanden of mappen, ten opzichte van de map van het experiment
  --reason <tekst>     waarom de data weg moet, bijvoorbeeld een verlopen bewaartermijn
  --root <map>         de map van het lab (standaard: de huidige map)

  Eerst komt de hash van elk bestand in het logboek, daarna worden de bestanden verwijderd.`;

export const destroyDataCommand: Command = {
  name: "destroy-data",
  summary: "Vernietig data en leg vast wat er was (de hash van elk bestand) en waarom",
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      { reason: { type: "string" }, root: { type: "string" } },
      "destroy-data",
    );
    const [experiment = "", ...paths] = expectPositionals(positionals, 2, Number.POSITIVE_INFINITY, USAGE);
    const workspace = openWorkspace(values.root);
    const destroyed = await destroyData(workspace, await openExperiment(workspace, experiment), {
      paths,
      reden: requireOption(values.reason, "reason", USAGE),
    });
    console.log(`${destroyed.files.length} bestand(en) vernietigd en vastgelegd als record ${destroyed.seq}.`);
    return EXIT.ok;
  },
};
