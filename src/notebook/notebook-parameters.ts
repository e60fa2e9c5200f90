import { LivingLabError, type Problem } from "../errors/problem.js";
import { closestWord } from "../yaml/closest-word.js";
import { cellText, type Notebook, type NotebookCell } from "./notebook-file.js";

/** The tag of the cell that holds a notebook's parameters with their defaults (papermill's convention). */
export const PARAMETERS_TAG = "parameters";
/** The tag of the cell a notebook run inserts after it, with the values given. */
export const INJECTED_TAG = "injected-parameters";

export type ParameterValue = string | number | boolean;

/** A parameter as its default declares it: `const zaken = 5_000;` gives `zaken`, a number, 5000. */
export interface NotebookParameter {
  name: string;
  type: "number" | "string" | "boolean";
  default: ParameterValue;
}

const DECLARATION =
  /^\s*(?:const|let)\s+([A-Za-z_$][\w$]*)\s*(?::\s*(?:number|string|boolean)\s*)?=\s*(.+?)\s*;?\s*(?:\/\/.*)?$/;

/** The parameters cell (index and defaults), or undefined when the notebook has none. */
export function notebookParameters(notebook: Notebook): { index: number; parameters: NotebookParameter[] } | undefined {
  const index = notebook.cells.findIndex((c) => c.cell_type === "code" && c.metadata.tags?.includes(PARAMETERS_TAG));
  const cell = notebook.cells[index];
  if (!cell) return undefined;
  const parameters: NotebookParameter[] = [];
  for (const line of cellText(cell).split("\n")) {
    const match = DECLARATION.exec(line);
    const value = match?.[2] === undefined ? undefined : literalValue(match[2]);
    if (match?.[1] && value !== undefined) {
      parameters.push({ name: match[1], type: typeof value as NotebookParameter["type"], default: value });
    }
  }
  return { index, parameters };
}

function literalValue(text: string): ParameterValue | undefined {
  if (text === "true" || text === "false") return text === "true";
  if (/^-?\d[\d_]*(\.\d+)?$/.test(text)) return Number(text.replaceAll("_", ""));
  if (/^"(?:[^"\\]|\\.)*"$/.test(text)) return JSON.parse(text) as string;
  if (/^'[^'\\]*'$/.test(text)) return text.slice(1, -1);
  return undefined;
}

/**
 * The values given as `name=value`, typed from the defaults: a number parameter takes a number,
 * a yes/no parameter `true` or `false`. An unknown name or a value of the wrong type is a problem.
 */
export function givenParameters(
  declared: readonly NotebookParameter[],
  given: readonly string[],
  file: string,
): Record<string, ParameterValue> {
  const values: Record<string, ParameterValue> = {};
  const problems: Problem[] = [];
  for (const pair of given) {
    const at = pair.indexOf("=");
    const name = at > 0 ? pair.slice(0, at).trim() : pair;
    const text = at > 0 ? pair.slice(at + 1) : "";
    const parameter = declared.find((p) => p.name === name);
    if (at <= 0) {
      problems.push({
        code: "parameter_syntax",
        message: `'${pair}' is geen parameter met waarde.`,
        hint: "Schrijf --param naam=waarde.",
        file,
      });
    } else if (!parameter) {
      const near = closestWord(
        name,
        declared.map((p) => p.name),
      );
      problems.push({
        code: "parameter_unknown",
        message: `Het notebook heeft geen parameter '${name}'.`,
        hint: near
          ? `Bedoelt u '${near}'?`
          : declared.length > 0
            ? `De parameters zijn: ${declared.map((p) => p.name).join(", ")}.`
            : `Geef het notebook een cel met de tag '${PARAMETERS_TAG}' met standaardwaarden, zoals: const zaken = 1000;`,
        file,
      });
    } else {
      const value = typed(parameter, text);
      if (value === undefined) {
        problems.push({
          code: "parameter_type",
          message: `De parameter '${name}' is ${typeWords[parameter.type]}; '${text}' past daar niet bij.`,
          hint: `De standaardwaarde is ${JSON.stringify(parameter.default)}.`,
          file,
        });
      } else values[name] = value;
    }
  }
  if (problems.length > 0) throw new LivingLabError(problems);
  return values;
}

const typeWords = { number: "een getal", string: "een tekst", boolean: "ja of nee (true of false)" } as const;

function typed(parameter: NotebookParameter, text: string): ParameterValue | undefined {
  if (parameter.type === "string") return text;
  if (parameter.type === "boolean") return text === "true" ? true : text === "false" ? false : undefined;
  const number = /^-?\d[\d_]*(\.\d+)?$/.test(text.trim()) ? Number(text.trim().replaceAll("_", "")) : Number.NaN;
  return Number.isFinite(number) ? number : undefined;
}

/** The cell a run inserts after the parameters cell: the values given, declared with their type. */
export function injectedCell(
  declared: readonly NotebookParameter[],
  values: Record<string, ParameterValue>,
): NotebookCell {
  const lines = Object.entries(values).map(([name, value]) => {
    const type = declared.find((p) => p.name === name)?.type ?? typeof value;
    return `const ${name}: ${type} = ${JSON.stringify(value)};`;
  });
  return {
    cell_type: "code",
    execution_count: null,
    metadata: { tags: [INJECTED_TAG] },
    outputs: [],
    source: `// Ingevoegd door livinglab notebook run: de opgegeven parameters.\n${lines.join("\n")}`,
  };
}
