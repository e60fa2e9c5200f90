import { resolve } from "node:path";
import { locationProblem } from "../door/data-location.js";
import type { Problem } from "../errors/problem.js";
import type { YamlSource } from "../yaml/yaml-source.js";

/**
 * Problems with the places the datasets declare (`data.datasets[].locatie`), each at its line:
 * a path that is absolute, leads out of the lab with `..`, or lies in the experiments' folder.
 * The door checks the real path again before it reads (a symbolic link can lead out too).
 */
export function locationAnswerProblems(lab: string, answers: Record<string, unknown>, source: YamlSource): Problem[] {
  const data = answers.data;
  const rows = data !== null && typeof data === "object" ? (data as Record<string, unknown>).datasets : undefined;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row: unknown, index) => {
    if (row === null || typeof row !== "object") return [];
    const { naam, locatie } = row as Record<string, unknown>;
    if (typeof locatie !== "string" || locatie.trim() === "") return [];
    const problem = locationProblem(locatie.trim(), resolve(lab, locatie.trim()), lab);
    if (!problem) return [];
    const path = ["data", "datasets", index, "locatie"];
    return [
      {
        code: problem.code,
        message: `Dataset '${String(naam ?? "?")}': ${problem.message}`,
        hint: problem.hint,
        path,
        ...source.locate(path),
      },
    ];
  });
}
