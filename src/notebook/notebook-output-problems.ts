import type { Problem } from "../errors/problem.js";
import { smallCounts } from "../governance/publish-summary.js";
import { maskPersonalData } from "../personal-data/mask-personal-data.js";
import { MIN_CELL_SIZE } from "../report/html.js";
import type { Notebook } from "./notebook-file.js";

/**
 * Why the executed copy of a notebook may not be kept with its run (empty when it may): an
 * output that shows a personal value the masker finds, or an HTML table with a count below
 * the minimum cell size. The problem names the cell, never the value.
 */
export function notebookOutputProblems(notebook: Notebook, file: string): Problem[] {
  const problems: Problem[] = [];
  notebook.cells.forEach((cell, index) => {
    for (const output of cell.outputs ?? []) {
      const texts = outputTexts(output);
      if (texts.some((text) => maskPersonalData(text) !== text)) {
        problems.push({
          code: "notebook_output_personal_data",
          message: `Cel ${index + 1} toont een persoonsgegeven (een e-mailadres, telefoonnummer, IBAN of BSN).`,
          hint: "Toon sleutels in plaats van tekstvelden, of maskeer de waarden met maskPersonalData.",
          file,
        });
        return;
      }
      const html =
        output.data && typeof output.data === "object"
          ? (output.data as Record<string, unknown>)["text/html"]
          : undefined;
      if (html !== undefined && smallCounts(joined(html)).length > 0) {
        problems.push({
          code: "notebook_output_small_count",
          message: `Cel ${index + 1} toont in een tabel een aantal kleiner dan ${MIN_CELL_SIZE}: zo zijn personen te herkennen.`,
          hint: `Toon aantallen onder ${MIN_CELL_SIZE} als "< ${MIN_CELL_SIZE}", of voeg groepen samen.`,
          file,
        });
        return;
      }
    }
  });
  return problems;
}

function outputTexts(output: Record<string, unknown>): string[] {
  const texts: string[] = [];
  if (output.text !== undefined) texts.push(joined(output.text));
  if (output.evalue !== undefined) texts.push(joined(output.evalue));
  if (output.data && typeof output.data === "object") {
    for (const [type, value] of Object.entries(output.data)) {
      if (type.startsWith("text/") || type.endsWith("json")) texts.push(joined(value));
    }
  }
  return texts;
}

function joined(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join("");
  return typeof value === "string" ? value : JSON.stringify(value);
}
