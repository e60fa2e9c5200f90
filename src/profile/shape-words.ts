import { knownPatternOf } from "../checks/known-patterns.js";
import type { Engine } from "../engines/engine.js";
import { findPersonalData } from "../personal-data/find-personal-data.js";
import { renderSelect } from "../sql/dialect.js";
import { bin, call, col, countRows, lit } from "../sql/expr.js";

/** A pattern for a shape the profile found, in words, with a made-up value that fits it. */
export interface ShapeWords {
  explanation: string;
  /** Made up from the shape (or the registry's, for a known pattern); never read from the data. */
  example: string;
}

/** A regular expression for a shape: `99/999999-99` becomes `[0-9]{2}/[0-9]{6}-[0-9]{2}`. */
export function patternOfShape(shape: string): string {
  const classes: Record<string, string> = { "9": "[0-9]", A: "[A-Z]", a: "[a-z]" };
  let out = "";
  for (const run of runsOf(shape)) {
    const char = run[0] as string;
    const cls = classes[char] ?? char.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
    out += run.length > 1 ? `${cls}{${run.length}}` : cls;
  }
  return out;
}

/**
 * The words for a shape's pattern: the registry's for a known pattern (a parketnummer), else
 * the shape read out ("twee cijfers, een schuine streep, ...") with a value made up from it.
 * @example shapeWords("AA-99") // { explanation: "twee hoofdletters, een streepje en twee cijfers", example: "AB-12" }
 */
export function shapeWords(shape: string): ShapeWords {
  const known = knownPatternOf(patternOfShape(shape));
  if (known) return { explanation: known.explanation, example: known.example };
  const parts = runsOf(shape).map((run) => countWords(run.length, wordsFor(run[0] as string)));
  const explanation = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} en ${parts.at(-1)}`;
  return { explanation: explanation ?? "", example: madeUpValue(shape) };
}

/**
 * Whether each made-up example could be shown: it is not a value of its column in the data,
 * and it does not look like personal data. One small query per example, on the data the permit let in.
 * @example await examplesNotInData(engine, "zaken", [{ column: "parketnummer", example: "12/345678-90" }])
 */
export async function examplesNotInData(
  engine: Engine,
  dataset: string,
  examples: ReadonlyArray<{ column: string; example: string }>,
): Promise<Set<string>> {
  const fine = new Set<string>();
  for (const { column, example } of examples) {
    if (findPersonalData(example).length > 0) continue;
    const sql = renderSelect(
      {
        items: [{ expr: countRows(), alias: "n" }],
        from: { type: "table", name: dataset },
        where: bin("=", call("to_text", col(column)), lit(example)),
      },
      engine.dialect,
    );
    const [row] = await engine.query(sql);
    if (Number(row?.n) === 0) fine.add(column);
  }
  return fine;
}

/** Runs of the same character: `99/9` gives `99`, `/`, `9`. */
function runsOf(shape: string): string[] {
  return shape.match(/(.)\1*/gsu) ?? [];
}

const classWords: Record<string, readonly [string, string]> = {
  "9": ["cijfer", "cijfers"],
  A: ["hoofdletter", "hoofdletters"],
  a: ["kleine letter", "kleine letters"],
  "/": ["schuine streep", "schuine strepen"],
  "-": ["streepje", "streepjes"],
  " ": ["spatie", "spaties"],
  ".": ["punt", "punten"],
  ",": ["komma", "komma's"],
  ":": ["dubbele punt", "dubbele punten"],
  _: ["liggend streepje", "liggende streepjes"],
};

const numberWords = [
  "",
  "een",
  "twee",
  "drie",
  "vier",
  "vijf",
  "zes",
  "zeven",
  "acht",
  "negen",
  "tien",
  "elf",
  "twaalf",
];

function wordsFor(char: string): readonly [string, string] {
  return classWords[char] ?? [`teken '${char}'`, `tekens '${char}'`];
}

function countWords(count: number, [one, many]: readonly [string, string]): string {
  return count === 1 ? `een ${one}` : `${numberWords[count] ?? String(count)} ${many}`;
}

/** A value of the shape, made up: digits count 1, 2, ... 9, 0; letters run A, B, C ...; other signs stay. */
function madeUpValue(shape: string): string {
  let digit = 0;
  let capital = 0;
  let small = 0;
  let out = "";
  for (const char of shape) {
    if (char === "9") out += String((++digit % 10) as number);
    else if (char === "A") out += String.fromCharCode(65 + (capital++ % 26));
    else if (char === "a") out += String.fromCharCode(97 + (small++ % 26));
    else out += char;
  }
  return out;
}
