import { relative } from "node:path";
import { formatProblem } from "../../errors/format-problem.js";
import { LivingLabError } from "../../errors/problem.js";
import { upgradeExperiment } from "../../experiments/upgrade-experiment.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";

export const upgradeCommand: Command = {
  name: "upgrade",
  summary: "Zet een experiment over naar een nieuwere versie van zijn sjabloon",
  usage: `livinglab upgrade <experiment> [--to <versie>] [--root <map>]

  --to <versie>   de doelversie (standaard: de nieuwste)

  Zet 'template:' op de nieuwe versie, voegt de nieuwe vragen leeg toe met hun uitleg als
  commentaar, en toont precies wat u nu nog moet beantwoorden.

Exitcodes:
  0  overgezet, en het experiment is geldig
  2  overgezet, maar er moet nog iets worden beantwoord (de lijst staat erbij)
  3  fout in het gebruik of in het bestand; er is niets veranderd`,
  async run(args) {
    const { values, positionals } = parseOptions(args, { to: { type: "string" }, root: { type: "string" } }, "upgrade");
    const [id] = positionals;
    if (!id || positionals.length > 1) {
      throw new LivingLabError({ code: "usage", message: "Geef precies één experiment op.", hint: this.usage });
    }
    const upgrade = await upgradeExperiment(openWorkspace(values.root), id, values.to);
    const where = relative(process.cwd(), upgrade.file);
    console.log(
      upgrade.from === upgrade.to
        ? `${where} staat al op ${upgrade.to}; er is niets veranderd.`
        : `${where}: ${upgrade.from} → ${upgrade.to}.`,
    );
    if (upgrade.added.length > 0) console.log(`Nieuwe vragen toegevoegd (leeg): ${upgrade.added.join(", ")}.`);
    if (upgrade.problems.length === 0) {
      console.log(
        upgrade.from === upgrade.to ? "Het experiment is geldig." : "Het experiment is geldig onder de nieuwe versie.",
      );
      return EXIT.ok;
    }
    console.log(`Nu nog te beantwoorden of te herstellen (${upgrade.problems.length}):`);
    for (const p of upgrade.problems)
      console.log(formatProblem({ ...p, file: p.file ? relative(process.cwd(), p.file) : undefined }));
    return EXIT.warnings;
  },
};
