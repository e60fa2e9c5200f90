import { Document, isMap, isSeq } from "yaml";
import type { PublishedCount } from "../checks/publish-check.js";
import { SUITE_FORMAT } from "../checks/suite-schema.js";
import type { ColumnProfile, DatasetProfile } from "./profile-dataset.js";
import { patternOfShape, shapeWords } from "./shape-words.js";

export { patternOfShape } from "./shape-words.js";

export interface StarterOptions {
  /**
   * The columns whose made-up example was looked up in the data and is not there
   * (`examplesNotInData`). A pattern check of any other column gets no example, and says why.
   */
  examplesNotInData?: ReadonlySet<string>;
}

/** The shape a pattern check is proposed for: the one shape of every filled value of a text column without a code list. */
function onlyShape(column: ColumnProfile, rows: PublishedCount): string | undefined {
  const [shape] = column.shapes;
  const filled = typeof rows === "number" && typeof column.empty === "number" ? rows - column.empty : undefined;
  if (column.category !== "text" || column.values.length > 0 || column.shapes.length !== 1) return undefined;
  return shape && shape.count === filled ? shape.value : undefined;
}

/**
 * The made-up example each proposed pattern check would show, to be looked up in the data
 * before it is written (`examplesNotInData`).
 * @example proposedExamples(profile) // [{ column: "parketnummer", example: "12/345678-90" }]
 */
export function proposedExamples(profile: DatasetProfile): Array<{ column: string; example: string }> {
  return profile.columns.flatMap((c) => {
    const shape = onlyShape(c, profile.rows);
    return shape === undefined ? [] : [{ column: c.name, example: shapeWords(shape).example }];
  });
}

function checksOfColumn(
  dataset: string,
  column: ColumnProfile,
  rows: PublishedCount,
  options: StarterOptions,
): Record<string, unknown>[] {
  const id = (what: string) => `${dataset}-${column.name}-${what}`.toLowerCase().replace(/[^a-z0-9_-]+/g, "-");
  const checks: Record<string, unknown>[] = [];
  if (column.empty === 0) checks.push({ id: id("ingevuld"), kind: "not_null", table: dataset, column: column.name });
  if (typeof rows === "number" && column.distinct === rows && rows > 0) {
    checks.push({ id: id("uniek"), kind: "unique_key", table: dataset, columns: [column.name] });
  }
  const shape = onlyShape(column, rows);
  if (column.category === "text" && column.values.length > 0) {
    // Only a code list: at most 20 values, each in at least five rows, so no value is someone's.
    checks.push({
      id: id("geldig"),
      kind: "accepted_values",
      table: dataset,
      column: column.name,
      values: column.values.map((v) => v.value),
    });
  } else if (shape !== undefined) {
    // Words, so that reports read what the value looks like instead of "een vast patroon".
    const words = shapeWords(shape);
    checks.push({
      id: id("vorm"),
      kind: "pattern",
      table: dataset,
      column: column.name,
      pattern: patternOfShape(shape),
      explanation: words.explanation,
      ...(options.examplesNotInData?.has(column.name) && { example: words.example }),
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
export function starterSuite(profile: DatasetProfile, file: string, options: StarterOptions = {}): string {
  const key =
    profile.columns.find((c) => c.distinct === profile.rows && c.empty === 0)?.name ?? profile.columns[0]?.name ?? "id";
  const suite = {
    format: SUITE_FORMAT,
    name: `${profile.dataset}-start`,
    datasets: { [profile.dataset]: { file, key } },
    checks: profile.columns.flatMap((c) => checksOfColumn(profile.dataset, c, profile.rows, options)),
  };
  const doc = new Document(suite);
  const checks = doc.get("checks");
  for (const node of isSeq(checks) ? checks.items : []) {
    if (isMap(node) && node.get("kind") === "pattern" && !node.has("example")) {
      node.commentBefore = options.examplesNotInData
        ? " Geen voorbeeld: een verzonnen waarde van deze vorm staat ook in de data of lijkt op een persoonsgegeven.\n Geef zelf een verzonnen voorbeeld dat niet in de data staat (example), of laat het weg."
        : " Geen voorbeeld: niet nagegaan of een verzonnen waarde van deze vorm ook in de data staat.\n Geef zelf een verzonnen voorbeeld dat niet in de data staat (example), of laat het weg.";
    }
  }
  return `${HEADER}${doc}`;
}

const HEADER = `# Voorstel van 'livinglab profile': controleer en pas aan voordat u de suite gebruikt.
# Bereiken (value_range) laten de uiterste rijen buiten beschouwing (hoogstens 4 aan elke kant)
# en zijn afgerond, zodat ze geen waarde van één persoon tonen; daarom staan ze op 'warn'.
# Stel ze in op wat in het domein mogelijk is.
`;
