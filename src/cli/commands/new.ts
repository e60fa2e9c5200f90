import { relative } from "node:path";
import { LivingLabError } from "../../errors/problem.js";
import { deriveExperiment } from "../../experiments/derive-experiment.js";
import { createExperiment } from "../../experiments/scaffold-experiment.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";

export const newCommand: Command = {
  name: "new",
  summary: "Begin een experiment: experiments/<id>/experiment.yaml met alle vragen van een sjabloon",
  usage: `livinglab new <id> --template <naam> [--root <map>]
livinglab new <id> --from <experiment> [--root <map>]

  <id>               de naam van de nieuwe map onder experiments/ (kleine letters, cijfers en -)
  --template <naam>  het sjabloon, in zijn nieuwste versie (zie 'livinglab templates'),
                     of een bepaalde versie als naam@versie, zoals datakwaliteit@1.0.0

  Elke vraag staat erin, leeg, met haar uitleg als commentaar. Er wordt niets ingevuld
  en niets overschreven: bestaat de map al, dan stopt het commando.

  --from <experiment>  begin vanuit een eerder experiment: zijn antwoorden en controles (de
                     YAML-bestanden ernaast) komen mee, en 'voortgekomen_uit' legt vast waarvandaan.
                     Besluiten, reviews, het eindoordeel, de lessen en het logboek blijven achter:
                     elk uitgangspunt staat weer open.`,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      { template: { type: "string" }, from: { type: "string" }, root: { type: "string" } },
      "new",
    );
    const [id] = positionals;
    if (!id || positionals.length > 1 || (values.template === undefined) === (values.from === undefined)) {
      throw new LivingLabError({
        code: "usage",
        message: "Geef precies één id, en een sjabloon met --template of een eerder experiment met --from.",
        hint: "Bijvoorbeeld: livinglab new om-doorlooptijden --template basis",
      });
    }
    const workspace = openWorkspace(values.root);
    const file = values.from
      ? await deriveExperiment(workspace, id, values.from)
      : await createExperiment(workspace, id, values.template ?? "");
    console.log(`Aangemaakt: ${relative(process.cwd(), file)}`);
    console.log(
      `Vul de antwoorden in en controleer met 'livinglab validate ${id}'; de stand ziet u met 'livinglab status ${id}'.`,
    );
    return EXIT.ok;
  },
};
