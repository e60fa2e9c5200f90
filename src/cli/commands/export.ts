import { resolve } from "node:path";
import { LivingLabError } from "../../errors/problem.js";
import { openExperiment } from "../../experiments/open-experiment.js";
import { algoritmeregisterRecord } from "../../export/algoritmeregister-record.js";
import { ALGORITMEREGISTER_STANDARD } from "../../export/algoritmeregister-schema.js";
import { writeFileAtomic } from "../../files/write-file-atomic.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";

const USAGE = `livinglab export algoritmeregister <experiment> [--out <bestand>] [--root <map>]

  Schrijft de antwoorden van het experiment als één registratie volgens de publicatiestandaard
  van het Algoritmeregister (versie ${ALGORITMEREGISTER_STANDARD}), als JSON: elk veld dat de standaard
  noemt, leeg (null) als er niets is ingevuld. Een verplicht veld dat leeg is, een te lange tekst
  of een ongeldig adres is een probleem; er wordt dan niets geschreven.

  --out <bestand>   schrijf naar dit bestand (standaard: naar het scherm)
  --root <map>      de map van het lab (standaard: de huidige map)

Exitcodes:
  0  geschreven
  3  een veld voldoet niet aan de standaard, of een fout in het gebruik`;

export const exportCommand: Command = {
  name: "export",
  summary: "Schrijf de antwoorden van een experiment als registratie voor het Algoritmeregister",
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseOptions(args, { root: { type: "string" }, out: { type: "string" } }, "export");
    const [what, id, ...more] = positionals;
    if (what !== "algoritmeregister" || !id || more.length > 0) {
      throw new LivingLabError({ code: "usage", message: "Onbekende aanroep van 'livinglab export'.", hint: USAGE });
    }
    const workspace = openWorkspace(values.root);
    const record = algoritmeregisterRecord(await openExperiment(workspace, id));
    const json = `${JSON.stringify(record, null, 2)}\n`;
    if (values.out) {
      const written = await writeFileAtomic(resolve(values.out), json);
      console.error(`Registratie voor het Algoritmeregister geschreven naar ${written.path}.`);
    } else {
      process.stdout.write(json);
    }
    return EXIT.ok;
  },
};
