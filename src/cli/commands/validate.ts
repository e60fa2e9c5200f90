import { readdir } from "node:fs/promises";
import { formatProblems } from "../../errors/format-problem.js";
import { isLivingLabError, type Problem } from "../../errors/problem.js";
import { openExperiment } from "../../experiments/open-experiment.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";

export const validateCommand: Command = {
  name: "validate",
  summary: "Controleer experimenten tegen hun sjabloon",
  usage: `livinglab validate [experiment...] [--root <map>]

  Zonder experimenten worden alle experimenten onder experiments/ gecontroleerd.
  Exit 0 als alles geldig is, 3 bij problemen (alle problemen worden tegelijk getoond).`,
  async run(args) {
    const { values, positionals } = parseOptions(args, { root: { type: "string" } }, "validate");
    const workspace = openWorkspace(values.root);
    const targets =
      positionals.length > 0
        ? positionals
        : (await readdir(workspace.experimentsDir, { withFileTypes: true }))
            .filter((e) => e.isDirectory())
            .map((e) => e.name);
    const problems: Problem[] = [];
    for (const target of targets) {
      try {
        const opened = await openExperiment(workspace, target);
        console.log(`✓ ${opened.experiment.id} is geldig (${opened.experiment.template}).`);
      } catch (error) {
        if (!isLivingLabError(error)) throw error;
        problems.push(...error.problems);
      }
    }
    if (problems.length === 0) return EXIT.ok;
    console.error(formatProblems(problems));
    return EXIT.error;
  },
};
