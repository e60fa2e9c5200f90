import { listTemplateCatalog } from "../../templates/template-list.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";

export const templatesCommand: Command = {
  name: "templates",
  summary: "Toon de catalogus van sjablonen, met versies en waarvoor elk dient",
  usage: `livinglab templates [--root <map>]

  Toont elk sjabloon met zijn versies (de nieuwste eerst), waarvan het afleidt en waarvoor het is.
  Begin een experiment met 'livinglab new <id> --template <naam>'.`,
  async run(args) {
    const { values } = parseOptions(args, { root: { type: "string" } }, "templates");
    const catalog = await listTemplateCatalog(openWorkspace(values.root));
    for (const entry of catalog) {
      console.log(`${entry.name}  (versies: ${entry.versions.join(", ")})`);
      console.log(`  ${entry.title}${entry.extends ? ` – bouwt voort op ${entry.extends}` : ""}`);
      console.log(`  ${entry.purpose}`);
      console.log(
        `  ${entry.questions} vragen, waarvan ${entry.required} verplicht; uitgangspunten versie ${entry.checklist}`,
      );
      console.log("");
    }
    return EXIT.ok;
  },
};
