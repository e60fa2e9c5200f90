import { openExperiment } from "../../experiments/open-experiment.js";
import { publishSummary } from "../../governance/publish-summary.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";
import { expectPositionals, requireOption } from "../positionals.js";

const USAGE = `livinglab publish <experiment> --to "<lezers>" [--run <run>] [--file <pad>] [--root <map>]

  --to <lezers>        aan wie de samenvatting gaat, bijvoorbeeld de opdrachtgever
  --run <run>          de run die zij samenvat (standaard: de laatste run met uitkomsten)
  --file <pad>         een ander bestand dat de lezers krijgen (standaard: publish schrijft de
                       definitieve samenvatting van de run, rapport/samenvatting-definitief.html)
  --root <map>         de map van het lab (standaard: de huidige map)

  Publiceren kan pas als iemand anders dan de maker deze run heeft goedgekeurd. Een concept,
  een aantal onder de 5 in een tabel, of een e-mailadres, telefoonnummer, IBAN of BSN in het
  bestand wordt geweigerd. Het logboek bewaart de hash van precies het bestand dat de lezers kregen.`;

export const publishCommand: Command = {
  name: "publish",
  summary: "Publiceer de definitieve samenvatting van een gereviewde run, met de hash van het bestand",
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      { to: { type: "string" }, file: { type: "string" }, run: { type: "string" }, root: { type: "string" } },
      "publish",
    );
    const [experiment = ""] = expectPositionals(positionals, 1, 1, USAGE);
    const workspace = openWorkspace(values.root);
    const published = await publishSummary(workspace, await openExperiment(workspace, experiment), {
      aan: requireOption(values.to, "to", USAGE),
      ...(values.file !== undefined && { file: values.file }),
      ...(values.run !== undefined && { run: values.run }),
    });
    console.log(`Publicatie van ${published.file.path} aan ${published.aan} vastgelegd als record ${published.seq}.`);
    return EXIT.ok;
  },
};
