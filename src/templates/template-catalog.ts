import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { LivingLabError } from "../errors/problem.js";
import { closestWord } from "../yaml/closest-word.js";
import { readYamlWithSchema } from "../yaml/parse-with-schema.js";
import { type PrinciplesFile, principlesFileSchema } from "./principle-schema.js";
import { type Template, templateSchema } from "./template-schema.js";

const PRINCIPLES_DIR = "principes";

/** A template reference as an experiment pins it: `name@1.2.0`. */
export interface TemplateRef {
  name: string;
  version: string;
}

export function parseTemplateRef(ref: string): TemplateRef | undefined {
  const match = /^([a-z][a-z0-9-]*)@(\d+\.\d+\.\d+)$/.exec(ref);
  return match?.[1] && match[2] ? { name: match[1], version: match[2] } : undefined;
}

/** Every template name in the catalog with its available versions, oldest first. */
export async function listTemplateVersions(templatesDir: string): Promise<Map<string, string[]>> {
  const entries = await readdir(templatesDir, { withFileTypes: true });
  const catalog = new Map<string, string[]>();
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === PRINCIPLES_DIR) continue;
    const files = await readdir(join(templatesDir, entry.name));
    const versions = files.filter((f) => /^\d+\.\d+\.\d+\.yaml$/.test(f)).map((f) => f.slice(0, -5));
    catalog.set(entry.name, versions.sort(compareVersions));
  }
  return catalog;
}

/** Loads and checks one template version. Unknown names and versions are user errors. */
export async function loadTemplate(templatesDir: string, ref: TemplateRef): Promise<Template> {
  const catalog = await listTemplateVersions(templatesDir);
  const versions = catalog.get(ref.name);
  if (!versions) {
    const suggestion = closestWord(ref.name, catalog.keys());
    throw new LivingLabError({
      code: "unknown_template",
      message: `Het sjabloon '${ref.name}' bestaat niet.`,
      hint: suggestion
        ? `Bedoelt u '${suggestion}'? Bekijk de catalogus met 'livinglab templates'.`
        : "Bekijk de catalogus met 'livinglab templates'.",
    });
  }
  if (!versions.includes(ref.version)) {
    throw new LivingLabError({
      code: "unknown_template_version",
      message: `Versie ${ref.version} van sjabloon '${ref.name}' bestaat niet.`,
      hint: `Beschikbare versies: ${versions.join(", ")}.`,
    });
  }
  const { value } = await readYamlWithSchema(join(templatesDir, ref.name, `${ref.version}.yaml`), templateSchema);
  return value;
}

/** Loads the newest version of the principles checklist. */
export async function loadPrinciples(templatesDir: string): Promise<PrinciplesFile> {
  const dir = join(templatesDir, PRINCIPLES_DIR);
  const files = (await readdir(dir)).filter((f) => /^\d+\.\d+\.\d+\.yaml$/.test(f));
  const newest = files
    .map((f) => f.slice(0, -5))
    .sort(compareVersions)
    .at(-1);
  if (!newest) {
    throw new LivingLabError({
      code: "principles_missing",
      message: `Er staat geen lijst met uitgangspunten in ${dir}.`,
      hint: "Zet de uitgangspunten als <versie>.yaml in templates/principes/.",
    });
  }
  const { value } = await readYamlWithSchema(join(dir, `${newest}.yaml`), principlesFileSchema);
  return value;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
