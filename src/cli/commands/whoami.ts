import { identify } from "../../people/identify.js";
import { loadPeople } from "../../people/load-people.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";
import { expectPositionals } from "../positionals.js";

export const whoamiCommand: Command = {
  name: "whoami",
  summary: "Zeg wie de werkbank in u ziet, en waarom",
  usage: `livinglab whoami [--root <map>]

  Wie u bent voor besluiten en reviews volgt uit de sleutel waarmee u kunt ondertekenen
  (LIVINGLAB_SIGNING_KEY, de SSH-sleutel van git, of de ssh-agent) en het personenbestand
  people.yaml van het lab. De naam in git of LIVINGLAB_USER bewijst niets.

Exitcodes:
  0  u kunt ondertekenen als iemand uit het personenbestand
  1  de werkbank kent u niet (de reden staat erbij)`,
  async run(args) {
    const { values, positionals } = parseOptions(args, { root: { type: "string" } }, "whoami");
    expectPositionals(positionals, 0, 0, this.usage);
    const workspace = openWorkspace(values.root);
    const me = await identify(await loadPeople(workspace.root), workspace.root);
    console.log(me.why);
    if (!me.person) {
      console.log("Besluiten, reviews, publicaties en vernietigingen worden zonder geldige sleutel geweigerd.");
      return EXIT.checksFailed;
    }
    return EXIT.ok;
  },
};
