import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { LivingLabError } from "../errors/problem.js";
import { closestWord } from "../yaml/closest-word.js";

export const PRINCIPLES_DIR = "principes";
const VERSION_FILE = /^\d+\.\d+\.\d+\.yaml$/;

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
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || entry.name === PRINCIPLES_DIR) continue;
    catalog.set(entry.name, await versionsIn(join(templatesDir, entry.name)));
  }
  return catalog;
}

/** The versions of `<dir>/<version>.yaml`, oldest first. */
export async function versionsIn(dir: string): Promise<string[]> {
  const files = await readdir(dir).catch(() => []);
  return files
    .filter((f) => VERSION_FILE.test(f))
    .map((f) => f.slice(0, -5))
    .sort(compareVersions);
}

/** The file of one template version; an unknown name or version is a user error. */
export async function templateFile(templatesDir: string, ref: TemplateRef): Promise<string> {
  const catalog = await listTemplateVersions(templatesDir);
  const versions = catalog.get(ref.name);
  if (!versions) {
    const suggestion = closestWord(ref.name, catalog.keys());
    throw new LivingLabError({
      code: "unknown_template",
      message: `Het sjabloon '${ref.name}' bestaat niet.`,
      hint: suggestion
        ? `Bedoelt u '${suggestion}'? Bekijk de catalogus met 'livinglab templates'.`
        : `Bestaande sjablonen: ${[...catalog.keys()].join(", ")}. Bekijk de catalogus met 'livinglab templates'.`,
    });
  }
  if (!versions.includes(ref.version)) {
    throw new LivingLabError({
      code: "unknown_template_version",
      message: `Versie ${ref.version} van sjabloon '${ref.name}' bestaat niet.`,
      hint: `Beschikbare versies: ${versions.join(", ")}.`,
    });
  }
  return join(templatesDir, ref.name, `${ref.version}.yaml`);
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
