import { basename, join } from "node:path";
import { isLivingLabError, LivingLabError, type Problem } from "../errors/problem.js";
import { problemsFromZod } from "../yaml/problems-from-zod.js";
import { readYamlSource } from "../yaml/yaml-source.js";
import { type PrinciplesFile, principlesFileSchema } from "./principle-schema.js";
import { PRINCIPLES_DIR, versionsIn } from "./template-catalog.js";

export interface PrinciplesValidation {
  file: string;
  principles?: PrinciplesFile;
  problems: Problem[];
}

/** Checks one principles file: its schema, unique ids, and a version that matches its file name. */
export async function validatePrinciplesFile(file: string): Promise<PrinciplesValidation> {
  let source: Awaited<ReturnType<typeof readYamlSource>>;
  try {
    source = await readYamlSource(file);
  } catch (error) {
    if (isLivingLabError(error)) return { file, problems: [...error.problems] };
    throw error;
  }
  const parsed = principlesFileSchema.safeParse(source.value);
  if (!parsed.success) return { file, problems: problemsFromZod(parsed.error, source, principlesFileSchema) };
  const problems: Problem[] = [];
  const seen = new Set<string>();
  parsed.data.principles.forEach((p, i) => {
    const path = ["principles", i, "id"];
    if (seen.has(p.id)) {
      problems.push({
        code: "duplicate_principle",
        message: `Het uitgangspunt '${p.id}' staat er twee keer in.`,
        hint: "Geef elk uitgangspunt een eigen id.",
        path,
        ...source.locate(path),
      });
    }
    seen.add(p.id);
  });
  if (basename(file, ".yaml") !== parsed.data.version) {
    problems.push({
      code: "principles_version_mismatch",
      message: `De versie ${parsed.data.version} past niet bij de bestandsnaam ${basename(file)}.`,
      hint: "Een versie staat in <versie>.yaml; maak voor een nieuwe versie een nieuw bestand.",
      path: ["version"],
      ...source.locate(["version"]),
    });
  }
  return problems.length > 0 ? { file, problems } : { file, problems, principles: parsed.data };
}

/**
 * Loads one version of the principles checklist (default: the newest).
 * @example const principes = await loadPrinciples(lab.templatesDir, "1.0.0");
 */
export async function loadPrinciples(templatesDir: string, version?: string): Promise<PrinciplesFile> {
  const dir = join(templatesDir, PRINCIPLES_DIR);
  const versions = await versionsIn(dir);
  const wanted = version ?? versions.at(-1);
  if (wanted === undefined || !versions.includes(wanted)) {
    throw new LivingLabError({
      code: "unknown_checklist_version",
      message:
        wanted === undefined
          ? `Er staat geen lijst met uitgangspunten in ${dir}.`
          : `Versie ${wanted} van de uitgangspunten bestaat niet.`,
      hint:
        versions.length > 0
          ? `Beschikbare versies: ${versions.join(", ")}.`
          : "Zet de uitgangspunten als <versie>.yaml in templates/principes/.",
    });
  }
  const checked = await validatePrinciplesFile(join(dir, `${wanted}.yaml`));
  if (!checked.principles) throw new LivingLabError(checked.problems);
  return checked.principles;
}
