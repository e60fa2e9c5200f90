import { basename, dirname } from "node:path";
import { isLivingLabError, LivingLabError, type Problem } from "../errors/problem.js";
import { closestWord } from "../yaml/closest-word.js";
import { problemsFromZod } from "../yaml/problems-from-zod.js";
import { readYamlSource, type YamlSource } from "../yaml/yaml-source.js";
import { checkTemplate } from "./check-template.js";
import { extendTemplate } from "./extend-template.js";
import { loadPrinciples } from "./load-principles.js";
import { parseTemplateRef, type TemplateRef, templateFile } from "./template-catalog.js";
import { type Template, type TemplateFile, templateFileSchema } from "./template-schema.js";

export interface TemplateValidation {
  file: string;
  template?: Template;
  problems: Problem[];
}

/**
 * Loads one template version with its `extends` chain applied; any problem in it is a user error.
 * @example const sjabloon = await loadTemplate(lab.templatesDir, { name: "basis", version: "1.0.0" });
 */
export async function loadTemplate(
  templatesDir: string,
  ref: TemplateRef,
  seen: readonly string[] = [],
): Promise<Template> {
  const checked = await validateTemplateFile(templatesDir, await templateFile(templatesDir, ref), seen);
  if (!checked.template) throw new LivingLabError(checked.problems);
  return checked.template;
}

/** Checks one template file and every problem in it at once: schema, extends, questions, principles. */
export async function validateTemplateFile(
  templatesDir: string,
  file: string,
  seen: readonly string[] = [],
): Promise<TemplateValidation> {
  let source: YamlSource;
  try {
    source = await readYamlSource(file);
  } catch (error) {
    if (isLivingLabError(error)) return { file, problems: [...error.problems] };
    throw error;
  }
  const parsed = templateFileSchema.safeParse(source.value);
  if (!parsed.success) return { file, problems: problemsFromZod(parsed.error, source, templateFileSchema) };
  const own = parsed.data;
  const locate = (path: Array<string | number>) => source.locate(path);
  const at = (path: Array<string | number>) => ({ path, ...locate(path) });
  const problems: Problem[] = pathProblems(file, own, at);

  const parent = own.extends
    ? await loadParent(templatesDir, own, [...seen, `${own.id}@${own.version}`], at)
    : undefined;
  if (parent && "problem" in parent) return { file, problems: [...problems, parent.problem] };
  const extended = extendTemplate(own, parent?.template, locate);
  problems.push(...extended.problems, ...checkTemplate(own, extended.template, locate));
  problems.push(...(await principleProblems(templatesDir, own, extended.template, at)));
  return problems.length > 0 ? { file, problems } : { file, problems, template: extended.template };
}

type At = (path: Array<string | number>) => Pick<Problem, "path" | "file" | "line" | "column">;

function pathProblems(file: string, own: TemplateFile, at: At): Problem[] {
  const problems: Problem[] = [];
  if (basename(dirname(file)) !== own.id) {
    problems.push({
      code: "template_id_mismatch",
      message: `Het id '${own.id}' past niet bij de map ${basename(dirname(file))}/.`,
      hint: "Een sjabloon staat in templates/<id>/<versie>.yaml; maak id en map gelijk.",
      ...at(["id"]),
    });
  }
  if (basename(file, ".yaml") !== own.version) {
    problems.push({
      code: "template_version_mismatch",
      message: `De versie ${own.version} past niet bij de bestandsnaam ${basename(file)}.`,
      hint: "Elke versie is een eigen bestand <versie>.yaml; pas een uitgebrachte versie niet aan, maak een nieuwe.",
      ...at(["version"]),
    });
  }
  return problems;
}

async function loadParent(
  templatesDir: string,
  own: TemplateFile,
  seen: readonly string[],
  at: At,
): Promise<{ template: Template } | { problem: Problem }> {
  const target = own.extends ?? "";
  const ref = parseTemplateRef(target);
  if (!ref) throw new Error(`unreachable: extends ${target} passed the schema`);
  if (seen.includes(target)) {
    return {
      problem: {
        code: "extends_cycle",
        message: `'extends' maakt een kring: ${[...seen, target].join(" → ")}.`,
        hint: "Een sjabloon kan niet (via andere) van zichzelf afleiden.",
        ...at(["extends"]),
      },
    };
  }
  try {
    return { template: await loadTemplate(templatesDir, ref, seen) };
  } catch (error) {
    if (!isLivingLabError(error)) throw error;
    const cycle = error.problems.find((p) => p.code === "extends_cycle");
    if (cycle) return { problem: { ...cycle, ...at(["extends"]) } };
    const first = error.problems[0];
    const unknown = first?.code === "unknown_template" || first?.code === "unknown_template_version";
    return {
      problem: unknown
        ? {
            code: "extends_unknown",
            message: `'extends': ${first.message}`,
            hint: first.hint ?? "",
            ...at(["extends"]),
          }
        : {
            code: "extends_invalid",
            message: `Het basissjabloon ${target} is zelf niet geldig.`,
            hint: `Controleer dat eerst met 'livinglab validate templates/${ref.name}/${ref.version}.yaml'.`,
            ...at(["extends"]),
          },
    };
  }
}

async function principleProblems(
  templatesDir: string,
  own: TemplateFile,
  template: Template,
  at: At,
): Promise<Problem[]> {
  let ids: string[];
  try {
    ids = (await loadPrinciples(templatesDir, template.principles.checklist)).principles.map((p) => p.id);
  } catch (error) {
    if (!isLivingLabError(error)) throw error;
    // An unknown checklist version is this file's mistake; a broken principles file reports itself.
    const path = own.sections.principes?.checklist ? ["sections", "principes", "checklist"] : ["extends"];
    return error.problems.map((p) => (p.code === "unknown_checklist_version" ? { ...p, ...at(path) } : p));
  }
  return (own.sections.principes?.scores ?? []).flatMap((id, i) => {
    if (ids.includes(id)) return [];
    const suggestion = closestWord(id, ids);
    return [
      {
        code: "unknown_principle",
        message: `Het uitgangspunt '${id}' bestaat niet.`,
        hint: suggestion ? `Bedoelt u '${suggestion}'?` : `Uitgangspunten: ${ids.join(", ")}.`,
        ...at(["sections", "principes", "scores", i]),
      },
    ];
  });
}
