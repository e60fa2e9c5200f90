import { stringify } from "yaml";
import type { PublishedCount } from "../checks/publish-check.js";
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

function checksOfColumn(dataset: string, column: ColumnProfile, rows: PublishedCount): Record<string, unknown>[] {
  const id = (what: string) => `${dataset}-${column.name}-${what}`.toLowerCase().replace(/[^a-z0-9_-]+/g, "-");
  const checks: Record<string, unknown>[] = [];
  if (column.empty === 0) checks.push({ id: id("ingevuld"), kind: "not_null", table: dataset, column: column.name });
  if (typeof rows === "number" && column.distinct === rows && rows > 0) {
    checks.push({ id: id("uniek"), kind: "unique_key", table: dataset, columns: [column.name] });
  }
  const [shape] = column.shapes;
  const filled = typeof rows === "number" && typeof column.empty === "number" ? rows - column.empty : undefined;
  if (column.category === "text" && column.values.length > 0) {
    // Only a code list: at most 20 values, each in at least five rows, so no value is someone's.
    checks.push({
      id: id("geldig"),
      kind: "accepted_values",
      table: dataset,
      column: column.name,
      values: column.values.map((v) => v.value),
    });
  } else if (column.category === "text" && column.shapes.length === 1 && shape && shape.count === filled) {
    checks.push({
      id: id("vorm"),
      kind: "pattern",
      table: dataset,
      column: column.name,
      pattern: patternOfShape(shape.value),
    });
  }
  if (column.range) {
    // The bounds leave the few most extreme rows out, so they never show one person's value: a warning, not a failure.
    checks.push({
      id: id("bereik"),
      kind: "value_range",
      table: dataset,
      column: column.name,
      min: column.range.from,
      max: column.range.to,
      severity: "warn",
    });
  }
  return checks;
}

/**
 * Proposes a starter suite from a profile: what the data does now, as checks a user can edit.
 * It follows the output rules of the profile: code lists only where every value is common,
 * ranges with the most extreme rows left out.
 * @example await writeFile("suite.yaml", starterSuite(profile, "data/zaken.parquet"));
 */
export function starterSuite(profile: DatasetProfile, file: string): string {
  const key =
    profile.columns.find((c) => c.distinct === profile.rows && c.empty === 0)?.name ?? profile.columns[0]?.name ?? "id";
  const suite = {
    format: SUITE_FORMAT,
    name: `${profile.dataset}-start`,
    datasets: { [profile.dataset]: { file, key } },
    checks: profile.columns.flatMap((c) => checksOfColumn(profile.dataset, c, profile.rows)),
  };
  return `${HEADER}${stringify(suite)}`;
}

const HEADER = `# Voorstel van 'livinglab profile': controleer en pas aan voordat u de suite gebruikt.
# Bereiken (value_range) laten de uiterste rijen buiten beschouwing (hoogstens 4 aan elke kant)
# en zijn afgerond, zodat ze geen waarde van één persoon tonen; daarom staan ze op 'warn'.
# Stel ze in op wat in het domein mogelijk is.
`;
