import { openExperiment } from "../../experiments/open-experiment.js";
import { giveReview } from "../../runlog/governance.js";
import { verdicts } from "../../runlog/governance-schema.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";
import { expectPositionals, oneOf, requireOption } from "../positionals.js";

const USAGE = `livinglab review <experiment> --verdict <oordeel> --note "<toelichting>" [--run <run> | --plan] [--role <rol>] [--author <naam>] [--root <map>]

  --verdict <oordeel>  ${verdicts.join(" of ")}
  --note <tekst>       wat u heeft nagekeken en waarom u tot dit oordeel komt
  --run <run>          de run die u reviewt (standaard: de laatste run met uitkomsten)
  --plan               review het plan (het experiment zoals het nu is), niet een run
  --role <rol>         uw rol, bijvoorbeeld privacy officer
  --author <naam>      de maker, als er nog geen run is
  --root <map>         de map van het lab (standaard: de huidige map)

  Een review komt van iemand anders dan de maker; uw eigen werk reviewen wordt geweigerd.
  Een review geldt voor deze versie van het experiment en voor de run die u beoordeelt (met de
  data die die run las). Een latere afkeuring, of een correctie op de review, trekt een
  goedkeuring in. Alleen een goedkeuring van een run maakt de samenvatting van die run definitief.`;

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
        plan: { type: "boolean" },
        role: { type: "string" },
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
      ...(values.plan === true && { plan: true }),
      ...(values.role !== undefined && { role: values.role }),
      ...(values.author !== undefined && { author: values.author }),
    });
    const what = review.run ? `run ${review.run.slice(0, 8)}` : "het plan";
    console.log(`Review (${review.verdict}) van ${what} door ${review.who.name} vastgelegd als record ${review.seq}.`);
    return EXIT.ok;
  },
};
