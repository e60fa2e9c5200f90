import { isAbsolute, join, relative } from "node:path";
import { LivingLabError } from "../../errors/problem.js";
import { writeSite } from "../../site/write-site.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";

export const siteCommand: Command = {
  name: "site",
  summary: "Maak de website van het lab (overzicht, experimenten, runs, sjablonen) als losse bestanden",
  usage: `livinglab site --out <map> [--pdf] [--root <map>]

  --out <map>    waar de site komt; werkt vanaf schijf (file://) en op elke webserver
  --pdf          maak ook per experiment een PDF op A4 (met Chromium)
  --root <map>   de map van het lab (standaard: de huidige map)

  De site wordt eerst naast <map> gebouwd en pas aan het eind op zijn plaats gezet.
  Exit 0 als de site er staat, 3 bij een fout.`,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      { out: { type: "string" }, pdf: { type: "boolean" }, root: { type: "string" } },
      "site",
    );
    if (!values.out || positionals.length > 0) {
      throw new LivingLabError({
        code: "usage",
        message: "Geef met --out aan waar de site moet komen.",
        hint: this.usage,
      });
    }
    const workspace = openWorkspace(values.root);
    const site = await writeSite(workspace, { out: values.out, pdf: values.pdf ?? false });
    console.log(`Site gemaakt in ${shown(site.dir)}: ${site.pages} pagina's.`);
    for (const pdf of site.pdfs) console.log(`PDF: ${shown(pdf)}`);
    console.log(`Open ${join(shown(site.dir), "index.html")} in een browser.`);
    return EXIT.ok;
  },
};

/** A path as the user reads it best: relative below the current folder, absolute elsewhere. */
function shown(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere === "" ? "." : fromHere.startsWith("..") || isAbsolute(fromHere) ? path : fromHere;
}
