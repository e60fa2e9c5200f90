import { readFile, rename, writeFile } from "node:fs/promises";
import { isMap, isSeq, parseDocument, type YAMLMap } from "yaml";
import { LivingLabError, type Problem } from "../errors/problem.js";
import { conditionHolds } from "../templates/condition.js";
import { loadPrinciples } from "../templates/load-principles.js";
import { loadTemplate } from "../templates/load-template.js";
import { compareVersions, listTemplateVersions, parseTemplateRef } from "../templates/template-catalog.js";
import { type Question, sectionIds } from "../templates/template-schema.js";
import type { Workspace } from "../workspace.js";
import { validateExperiment } from "./open-experiment.js";
import { questionComment } from "./question-comment.js";

export interface ExperimentUpgrade {
  file: string;
  from: string;
  to: string;
  /** Paths of the questions added to the file, empty, with their help as a comment. */
  added: string[];
  /** What the experiment must now answer or fix under the new version. */
  problems: Problem[];
}

/**
 * Moves an experiment to a newer version of its template (default: the newest): re-pins it,
 * adds the new questions empty with their help, and lists exactly what must now be answered.
 * @example const { problems } = await upgradeExperiment(openWorkspace(), "om-datakwaliteit");
 */
export async function upgradeExperiment(
  workspace: Workspace,
  idOrPath: string,
  toVersion?: string,
): Promise<ExperimentUpgrade> {
  const before = await validateExperiment(workspace, idOrPath);
  const from = typeof before.answers.template === "string" ? parseTemplateRef(before.answers.template) : undefined;
  if (!from || !before.source) throw new LivingLabError(before.problems);
  const versions = (await listTemplateVersions(workspace.templatesDir)).get(from.name) ?? [];
  const to = toVersion ?? versions.at(-1) ?? from.version;
  if (compareVersions(to, from.version) < 0) {
    throw new LivingLabError({
      code: "upgrade_downgrade",
      message: `Versie ${to} is ouder dan ${from.version}; terug naar een oudere versie kan niet.`,
      hint: `Nieuwere versies van '${from.name}': ${versions.filter((v) => compareVersions(v, from.version) > 0).join(", ") || "geen"}.`,
    });
  }
  if (to === from.version) {
    // Already there: nothing is written, the list is what the current version still asks.
    return {
      file: before.file,
      from: `${from.name}@${from.version}`,
      to: `${from.name}@${to}`,
      added: [],
      problems: before.problems,
    };
  }
  const template = await loadTemplate(workspace.templatesDir, { name: from.name, version: to });
  const principles = await loadPrinciples(workspace.templatesDir, template.principles.checklist);

  const text = await readFile(before.file, "utf8");
  const doc = parseDocument(text);
  doc.set("template", `${from.name}@${to}`);
  const added: string[] = [];
  const ensureMap = (key: string): YAMLMap => {
    const existing = doc.get(key);
    if (isMap(existing)) return existing;
    const created = doc.createNode({}) as YAMLMap;
    doc.set(key, created);
    return created;
  };
  const root = before.answers;
  const addEmpty = (map: YAMLMap, question: Question, path: string) => {
    if (map.has(question.id)) return;
    const siblings = (map.toJSON() ?? {}) as Record<string, unknown>;
    if (question.when && !conditionHolds(question.when, siblings, root)) return;
    const key = doc.createNode(question.id);
    key.commentBefore = questionComment(question)
      .map((l) => ` ${l}`)
      .join("\n");
    map.add(doc.createPair(key, null));
    added.push(path);
  };
  for (const sectionId of sectionIds) {
    const map = ensureMap(sectionId);
    for (const question of template.sections[sectionId].questions) {
      addEmpty(map, question, `${sectionId}.${question.id}`);
      const rows = map.get(question.id);
      if (question.type !== "table" || !isSeq(rows)) continue;
      rows.items.forEach((row, i) => {
        if (!isMap(row)) return;
        for (const column of question.columns ?? [])
          addEmpty(row, column, `${sectionId}.${question.id}[${i}].${column.id}`);
      });
    }
  }
  const answers = ensureMap("principes");
  for (const p of principles.principles) {
    if (answers.has(p.id)) continue;
    answers.set(p.id, doc.createNode({ status: "open" }));
    added.push(`principes.${p.id}`);
  }
  const temporary = `${before.file}.upgrade`;
  await writeFile(temporary, doc.toString({ nullStr: "", lineWidth: 0 }));
  await rename(temporary, before.file);
  const after = await validateExperiment(workspace, before.file);
  return {
    file: before.file,
    from: `${from.name}@${from.version}`,
    to: `${from.name}@${to}`,
    added,
    problems: after.problems,
  };
}
