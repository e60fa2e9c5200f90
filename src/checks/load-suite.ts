import { dirname } from "node:path";
import { dataPath, sameNameIn } from "../engines/data-path.js";
import type { DatasetSource } from "../engines/engine.js";
import { LivingLabError, type Problem, type SourceLocation } from "../errors/problem.js";
import { readYamlWithSchema } from "../yaml/parse-with-schema.js";
import type { YamlSource } from "../yaml/yaml-source.js";
import { checkRegistry } from "./check-registry.js";
import { type Suite, suiteSchema } from "./suite-schema.js";

export interface LoadedDataset extends DatasetSource {
  key: string[];
  /** Where the suite names the dataset (its `file`, when it has one), for problems about where its data lives. */
  at?: SourceLocation;
}

export interface LoadedSuite {
  file: string;
  /** SHA-256 of the suite file's bytes that were parsed: the version that runs, as the run records it. */
  sha256: string;
  suite: Suite;
  datasets: LoadedDataset[];
  /** Where in the suite file the value at `path` is written, for problems found later. */
  locate(path: ReadonlyArray<string | number>): SourceLocation;
}

/**
 * Reads a check suite; dataset files resolve against `dataDir` or the suite's own folder. A dataset
 * without `file` or `table` is read where the experiment declares it (`locatie`), see src/door/data-location.ts.
 * @example const suite = await loadSuite("experiments/om-datakwaliteit/suite.yaml");
 */
export async function loadSuite(file: string, dataDir?: string): Promise<LoadedSuite> {
  const { source, value: suite } = await readYamlWithSchema(file, suiteSchema);
  const problems = problemsOfSuite(suite, source);
  if (problems.length > 0) throw new LivingLabError(problems);
  // `dataDir` points the suite at another copy of its data: the same file names, elsewhere.
  // A URI (s3a://, hdfs://, abfss://) stays as written: the cluster reads it, not this machine.
  const datasets = Object.entries(suite.datasets).map(([name, spec]) => ({
    name,
    key: spec.key,
    at: source.locate(["datasets", name, ...(spec.file !== undefined ? ["file"] : [])]),
    ...(spec.table !== undefined && { table: spec.table }),
    ...(spec.file !== undefined && {
      file: dataDir ? sameNameIn(dataDir, spec.file) : dataPath(dirname(file), spec.file),
    }),
  }));
  return { file, sha256: source.sha256, suite, datasets, locate: (path) => source.locate(path) };
}

/** Everything wrong with the links inside a suite, reported at once. */
function problemsOfSuite(suite: Suite, source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  const known = Object.keys(suite.datasets);
  const ids = new Set<string>();
  suite.checks.forEach((check, index) => {
    const at = (field: string, code: string, message: string, hint: string) =>
      problems.push({
        code,
        message,
        hint,
        path: ["checks", index, field],
        ...source.locate(["checks", index, field]),
      });
    if (ids.has(check.id))
      at("id", "duplicate_check_id", `De check-id '${check.id}' komt twee keer voor.`, "Geef elke check een eigen id.");
    ids.add(check.id);
    const tables = [
      check.table,
      ...checkRegistry[check.kind].columns(check).flatMap((use) => (use.table ? [use.table] : [])),
    ];
    for (const table of new Set(tables)) {
      if (!known.includes(table)) {
        at(
          "table",
          "unknown_table",
          `Check '${check.id}' gebruikt tabel '${table}', maar die staat niet onder datasets.`,
          `Bekende tabellen: ${known.join(", ")}.`,
        );
      }
    }
  });
  suite.checks.forEach((check, index) => {
    for (const read of checkRegistry[check.kind].checksRead?.(check) ?? []) {
      if (ids.has(read)) continue;
      problems.push({
        code: "unknown_check",
        message: `Check '${check.id}' leest check '${read}', maar die staat niet in deze suite.`,
        hint: `Bekende checks: ${[...ids].join(", ")}.`,
        path: ["checks", index],
        ...source.locate(["checks", index]),
      });
    }
  });
  const reads = new Map(suite.checks.map((check) => [check.id, checkRegistry[check.kind].checksRead?.(check) ?? []]));
  suite.checks.forEach((check, index) => {
    if (!readsItself(check.id, reads)) return;
    problems.push({
      code: "check_reads_itself",
      message: `Check '${check.id}' leest, via andere checks, zijn eigen uitkomst.`,
      hint: "Laat een check de uitkomst van een andere check volgen, zodat de keten ergens begint.",
      path: ["checks", index],
      ...source.locate(["checks", index]),
    });
  });
  return problems;
}

/** True when following the checks that `id` reads leads back to `id`. */
function readsItself(id: string, reads: ReadonlyMap<string, readonly string[]>): boolean {
  const seen = new Set<string>();
  const todo = [...(reads.get(id) ?? [])];
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    if (next === id) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    todo.push(...(reads.get(next) ?? []));
  }
  return false;
}
