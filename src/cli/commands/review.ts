import { openExperiment } from "../../experiments/open-experiment.js";
import { giveReview } from "../../runlog/governance.js";
import { verdicts } from "../../runlog/governance-schema.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";
import { expectPositionals, oneOf, requireOption } from "../positionals.js";

const USAGE = `livinglab review <experiment> --verdict <oordeel> --note "<toelichting>" [--run <run>] [--author <naam>] [--root <map>]

  --verdict <oordeel>  ${verdicts.join(" of ")}
  --note <tekst>       wat u heeft nagekeken en waarom u tot dit oordeel komt
  --run <run>          de run die u reviewt (standaard: de laatste afgeronde run)
  --author <naam>      de maker, als er nog geen run is
  --root <map>         de map van het lab (standaard: de huidige map)

  Een review komt van iemand anders dan de maker; uw eigen werk reviewen wordt geweigerd.`;

export const reviewCommand: Command = {
  name: "review",
  summary: "Leg een review vast in het logboek (door iemand anders dan de maker)",
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      {
        verdict: { type: "string" },
        note: { type: "string" },
        run: { type: "string" },
        author: { type: "string" },
        root: { type: "string" },
      },
      "review",
    );
    const [experiment = ""] = expectPositionals(positionals, 1, 1, USAGE);
    const verdict = oneOf(requireOption(values.verdict, "verdict", USAGE), verdicts, {
      message: `Onbekend oordeel '${values.verdict}'.`,
      hint: `Kies ${verdicts.join(" of ")}.`,
    });
    const workspace = openWorkspace(values.root);
    const review = await giveReview(workspace, await openExperiment(workspace, experiment), {
      verdict,
      toelichting: requireOption(values.note, "note", USAGE),
      ...(values.run !== undefined && { run: values.run }),
      ...(values.author !== undefined && { author: values.author }),
    });
    console.log(`Review (${review.verdict}) door ${review.who.name} vastgelegd als record ${review.seq}.`);
    return EXIT.ok;
  },
};
