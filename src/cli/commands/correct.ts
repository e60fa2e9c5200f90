import { openExperiment } from "../../experiments/open-experiment.js";
import { correctRecord } from "../../runlog/governance.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";
import { expectPositionals, requireOption } from "../positionals.js";

const USAGE = `livinglab correct <experiment> <record> --note "<correctie>" [--root <map>]

  <record>             nummer of id van het record dat niet klopt (zie 'livinglab log <experiment>')
  --note <tekst>       wat er niet klopt en wat wel
  --root <map>         de map van het lab (standaard: de huidige map)

  Een correctie is een nieuw record dat naar het oude verwijst; het oude blijft zoals het was.`;

export const correctCommand: Command = {
  name: "correct",
  summary: "Leg een correctie op een eerder record vast (het oude record blijft staan)",
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      { note: { type: "string" }, root: { type: "string" } },
      "correct",
    );
    const [experiment = "", ref = ""] = expectPositionals(positionals, 2, 2, USAGE);
    const workspace = openWorkspace(values.root);
    const correction = await correctRecord(workspace, await openExperiment(workspace, experiment), {
      refersTo: ref,
      correctie: requireOption(values.note, "note", USAGE),
    });
    console.log(`Correctie op record ${correction.refers_to.seq} vastgelegd als record ${correction.seq}.`);
    return EXIT.ok;
  },
};
