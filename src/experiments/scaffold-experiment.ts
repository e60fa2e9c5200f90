import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { LivingLabError } from "../errors/problem.js";
import { loadPrinciples } from "../templates/load-principles.js";
import { loadTemplate } from "../templates/load-template.js";
import type { PrinciplesFile } from "../templates/principle-schema.js";
import { listTemplateVersions, parseTemplateRef } from "../templates/template-catalog.js";
import { type Question, sectionIds, type Template } from "../templates/template-schema.js";
import type { Workspace } from "../workspace.js";
import { EXPERIMENT_FILE } from "./open-experiment.js";
import { questionComment } from "./question-comment.js";

const comment = (indent: string, lines: readonly string[]) => lines.filter(Boolean).map((l) => `${indent}# ${l}`);

/** An experiment file with every question of the template present and empty, its help as comments. */
export function scaffoldExperiment(id: string, template: Template, principles: PrinciplesFile): string {
  const ref = `${template.id}@${template.version}`;
  const lines = [
    `# Experiment ${id}, gemaakt met sjabloon ${ref}: ${template.title}.`,
    "# Vul elk antwoord in na de dubbele punt; een leeg antwoord telt als niet beantwoord.",
    `# Controleer met 'livinglab validate experiments/${id}' en bekijk de stand met 'livinglab status ${id}'.`,
    `template: ${ref}`,
    `id: ${id}`,
    "# Uw naam (of e-mailadres) zoals in people.yaml van het lab. Een review moet van iemand anders komen.",
    "auteur:",
    "# Een korte titel in gewone taal.",
    "titel:",
  ];
  for (const sectionId of sectionIds) {
    const section = template.sections[sectionId];
    lines.push("", `# == ${section.title} ==`, `${sectionId}:`);
    if (sectionId === "principes") lines.push(...principleLines(principles, template.principles.scores));
    for (const question of section.questions) lines.push(...questionLines(question, "  "));
  }
  return `${lines.join("\n")}\n`;
}

function questionLines(question: Question, indent: string): string[] {
  const lines = comment(indent, questionComment(question));
  if (question.type !== "table") return [...lines, `${indent}${question.id}:`];
  lines.push(`${indent}${question.id}:`);
  (question.columns ?? []).forEach((column, i) => {
    const cell = questionLines(column, `${indent}    `);
    lines.push(...(i === 0 ? [`${indent}  -${cell[0]?.slice(indent.length + 3)}`, ...cell.slice(1)] : cell));
  });
  return lines;
}

function principleLines(principles: PrinciplesFile, scores: readonly string[]): string[] {
  const lines = comment("  ", [
    "Per uitgangspunt een status: voldaan, niet_voldaan, niet_van_toepassing of open.",
    "Bij elke status behalve open ook: toelichting (waarom), besloten_door (rol en naam) en datum (JJJJ-MM-DD).",
    "Bewijs (optioneel): een lijst met runs (run:<id>), documenten of links.",
  ]);
  for (const p of principles.principles) {
    const score = scores.includes(p.id) ? ["Dit sjabloon vraagt hier ook een score van 0 tot 5."] : [];
    lines.push(...comment("  ", [`${p.title} (${p.weighing}; beoordeeld door: ${p.owner})`, p.question, ...score]));
    lines.push(`  ${p.id}:`, "    status: open");
  }
  return lines;
}

/**
 * Creates `experiments/<id>/experiment.yaml` from the newest version of a template (or the one
 * named as `naam@versie`); refuses to overwrite anything.
 * @example await createExperiment(openWorkspace(), "mijn-experiment", "basis");
 */
/** Makes the folder of a new experiment, or refuses when it exists: nothing is ever overwritten. */
export async function makeExperimentDir(workspace: Workspace, id: string): Promise<string> {
  const dir = join(workspace.experimentsDir, id);
  await mkdir(workspace.experimentsDir, { recursive: true });
  try {
    await mkdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    throw new LivingLabError({
      code: "experiment_exists",
      message: `De map ${dir} bestaat al; er is niets overschreven.`,
      hint: "Kies een ander id, of werk het bestaande experiment bij met 'livinglab upgrade'.",
    });
  }
  return dir;
}

export async function createExperiment(workspace: Workspace, id: string, templateName: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    throw new LivingLabError({
      code: "usage",
      message: `'${id}' is geen geldig experiment-id.`,
      hint: "Gebruik kleine letters, cijfers en -, zoals 'om-doorlooptijden'.",
    });
  }
  const pinned = parseTemplateRef(templateName);
  const versions = (await listTemplateVersions(workspace.templatesDir)).get(templateName) ?? [];
  const ref = pinned ?? { name: templateName, version: versions.at(-1) ?? "0.0.0" };
  const template = await loadTemplate(workspace.templatesDir, ref);
  const principles = await loadPrinciples(workspace.templatesDir, template.principles.checklist);
  const dir = await makeExperimentDir(workspace, id);
  const file = join(dir, EXPERIMENT_FILE);
  await writeFile(file, scaffoldExperiment(id, template, principles), { flag: "wx" });
  return file;
}
