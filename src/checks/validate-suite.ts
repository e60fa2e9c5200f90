import type { Problem } from "../errors/problem.js";
import type { DatasetColumns, ParamProblem } from "./check-definition.js";
import { checkRegistry } from "./check-registry.js";
import { compileCondition } from "./condition.js";
import type { LoadedSuite } from "./load-suite.js";
import { contextOf, type PlanContext } from "./plan-suite.js";
import type { Check } from "./suite-schema.js";

/**
 * Everything wrong with a suite that shows once the columns of its datasets are known and
 * before any row is read: a key column that does not exist, a value that does not fit its
 * column's type, custom SQL that is not one read-only SELECT. All at once, at their lines.
 */
export async function suiteProblems(
  loaded: LoadedSuite,
  checks: readonly Check[],
  plan: PlanContext,
): Promise<Problem[]> {
  const problems = keyProblems(loaded, plan.columns);
  for (const check of checks) {
    const index = loaded.suite.checks.indexOf(check);
    const context = contextOf(check, loaded, plan);
    const found: ParamProblem[] = [
      ...(check.filter
        ? compileCondition(check.filter, (column) => context.typeOf(column)).problems.map((p) => ({
            ...p,
            path: ["filter", ...p.path],
          }))
        : []),
      ...((await checkRegistry[check.kind].validate?.(check, context)) ?? []),
    ];
    for (const problem of found) {
      const path = ["checks", index, ...problem.path];
      problems.push({
        code: problem.code,
        message: `Check '${check.id}': ${problem.message}`,
        hint: problem.hint,
        path,
        ...loaded.locate(path),
      });
    }
  }
  return problems;
}

function keyProblems(loaded: LoadedSuite, columns: DatasetColumns): Problem[] {
  return loaded.datasets.flatMap((dataset) => {
    const names = new Set(columns.get(dataset.name)?.map((c) => c.name));
    return dataset.key
      .filter((key) => !names.has(key))
      .map((key) => {
        const path = ["datasets", dataset.name, "key"];
        return {
          code: "key_column_missing",
          message: `De sleutelkolom '${key}' van dataset '${dataset.name}' staat niet in de data.`,
          hint: `Kolommen in de data: ${[...names].slice(0, 20).join(", ")}${names.size > 20 ? ", ..." : ""}. Pas 'key' aan.`,
          path,
          ...loaded.locate(path),
        };
      });
  });
}
