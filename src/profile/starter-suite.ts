import { stringify } from "yaml";
import { SUITE_FORMAT } from "../checks/suite-schema.js";
import type { ColumnProfile, DatasetProfile } from "./profile-dataset.js";

/** A regular expression for a shape: `99/999999-99` becomes `[0-9]{2}/[0-9]{6}-[0-9]{2}`. */
export function patternOfShape(shape: string): string {
  const classes: Record<string, string> = { "9": "[0-9]", A: "[A-Z]", a: "[a-z]" };
  let out = "";
  for (const run of shape.match(/(.)\1*/gsu) ?? []) {
    const char = run[0] as string;
    const cls = classes[char] ?? char.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
    out += run.length > 1 ? `${cls}{${run.length}}` : cls;
  }
  return out;
}

function checksOfColumn(dataset: string, column: ColumnProfile, rows: number): Record<string, unknown>[] {
  const id = (what: string) => `${dataset}-${column.name}-${what}`.toLowerCase().replace(/[^a-z0-9_-]+/g, "-");
  const checks: Record<string, unknown>[] = [];
  if (column.empty_share === 0)
    checks.push({ id: id("ingevuld"), kind: "not_null", table: dataset, column: column.name });
  if (column.distinct === rows && rows > 0) {
    checks.push({ id: id("uniek"), kind: "unique_key", table: dataset, columns: [column.name] });
  }
  const filled = column.top_values.reduce((sum, v) => sum + v.count, 0);
  if (column.category === "text" && column.top_values.length > 0 && column.distinct < rows) {
    checks.push({
      id: id("geldig"),
      kind: "accepted_values",
      table: dataset,
      column: column.name,
      values: column.top_values.map((v) => v.value),
    });
  } else if (column.category === "text" && column.shapes.length === 1 && filled === 0) {
    checks.push({
      id: id("vorm"),
      kind: "pattern",
      table: dataset,
      column: column.name,
      pattern: patternOfShape(column.shapes[0]?.value ?? ""),
    });
  }
  if ((column.category === "number" || column.category === "date") && column.min !== null && column.max !== null) {
    const bound = (v: string) => (column.category === "number" ? Number(v) : v.slice(0, 10));
    checks.push({
      id: id("bereik"),
      kind: "value_range",
      table: dataset,
      column: column.name,
      min: bound(column.min),
      max: bound(column.max),
    });
  }
  return checks;
}

/**
 * Proposes a starter suite from a profile: what the data does now, as checks a user can edit.
 * @example await writeFile("suite.yaml", starterSuite(profile, "data/zaken.parquet"));
 */
export function starterSuite(profile: DatasetProfile, file: string): string {
  const key =
    profile.columns.find((c) => c.distinct === profile.rows && c.empty_share === 0)?.name ??
    profile.columns[0]?.name ??
    "id";
  const suite = {
    format: SUITE_FORMAT,
    name: `${profile.dataset}-start`,
    datasets: { [profile.dataset]: { file, key } },
    checks: profile.columns.flatMap((c) => checksOfColumn(profile.dataset, c, profile.rows)),
  };
  return `# Voorstel van 'livinglab profile': controleer en pas aan voordat u de suite gebruikt.\n${stringify(suite)}`;
}
