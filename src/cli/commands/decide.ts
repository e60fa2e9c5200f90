import { openExperiment } from "../../experiments/open-experiment.js";
import { decidePrinciple } from "../../runlog/governance.js";
import { principleStatuses } from "../../templates/principle-schema.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";
import { expectPositionals, oneOf, requireOption } from "../positionals.js";

const USAGE = `livinglab decide <experiment> <uitgangspunt> --status <status> --note "<toelichting>" [--decided-by <rol>] [--score <0-5>] [--root <map>]

  <uitgangspunt>       id van het uitgangspunt, bijvoorbeeld grondslag
  --status <status>    ${principleStatuses.join(", ")}
  --note <tekst>       waarom u zo besluit
  --decided-by <rol>   wie besloot, bijvoorbeeld jurist of opdrachtgever
  --score <0-5>        een score, waar het sjabloon er een vraagt
  --root <map>         de map van het lab (standaard: de huidige map)

  Het besluit in het logboek geldt; het experimentbestand is het voorstel van de auteur.
  status, de poorten en de site tonen waar voorstel en besluit verschillen.`;

export const decideCommand: Command = {
  name: "decide",
  summary: "Leg een besluit over een uitgangspunt vast in het logboek",
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      {
        status: { type: "string" },
        note: { type: "string" },
        "decided-by": { type: "string" },
        score: { type: "string" },
        root: { type: "string" },
      },
      "decide",
    );
    const [experiment = "", principle = ""] = expectPositionals(positionals, 2, 2, USAGE);
    const status = oneOf(requireOption(values.status, "status", USAGE), principleStatuses, {
      message: `Onbekende status '${values.status}'.`,
      hint: `Kies uit: ${principleStatuses.join(", ")}.`,
    });
    const workspace = openWorkspace(values.root);
    const decision = await decidePrinciple(workspace, await openExperiment(workspace, experiment), {
      principle,
      status,
      toelichting: requireOption(values.note, "note", USAGE),
      ...(values["decided-by"] !== undefined && { beslotenDoor: values["decided-by"] }),
      ...(values.score !== undefined && { score: Number(values.score) }),
    });
    console.log(`Besluit over '${decision.principle}' (${decision.status}) vastgelegd als record ${decision.seq}.`);
    return EXIT.ok;
  },
};
