import { z } from "zod";
import type { Problem } from "../errors/problem.js";
import { closestWord } from "./closest-word.js";
import type { YamlSource } from "./yaml-source.js";

type PathPart = string | number;

/**
 * Turns zod issues into Dutch problems that point at the file, line and column,
 * with a "did you mean" for unknown keys.
 */
export function problemsFromZod(error: z.ZodError, source: YamlSource, schema: z.ZodType): Problem[] {
  return error.issues.flatMap((issue) => problemsFromIssue(issue, source, schema));
}

function problemsFromIssue(issue: z.core.$ZodIssue, source: YamlSource, schema: z.ZodType): Problem[] {
  const path = issue.path.filter((part): part is PathPart => typeof part !== "symbol");
  if (issue.code === "unrecognized_keys") {
    const known = knownKeys(schema, path);
    return issue.keys.map((key) => {
      const suggestion = closestWord(key, known);
      return {
        code: "unknown_key",
        message: `Onbekend veld '${key}'.`,
        hint: suggestion ? `Bedoelt u '${suggestion}'?` : `Toegestane velden hier: ${known.join(", ") || "geen"}.`,
        path: [...path, key],
        ...source.locate([...path, key], { key: true }),
      };
    });
  }
  const problem = describeIssue(issue, valueAt(source.value, path));
  return [{ ...problem, path, ...source.locate(path) }];
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): Omit<Problem, "path"> {
  switch (issue.code) {
    case "invalid_type":
      // zod leaves the input out of its issues; look at the file itself. An empty `key:` is null.
      if (input === undefined || input === null) {
        return {
          code: "missing_field",
          message: "Dit verplichte veld ontbreekt.",
          hint: `Vul hier een waarde in (${dutchType(issue.expected)}).`,
        };
      }
      return {
        code: "wrong_type",
        message: `Verwacht ${dutchType(issue.expected)}, gevonden ${dutchType(Array.isArray(input) ? "array" : typeof input)}.`,
        hint: "Pas de waarde aan naar het verwachte soort waarde.",
      };
    case "invalid_value":
      if (input === undefined || input === null) {
        return {
          code: "missing_field",
          message: "Dit verplichte veld ontbreekt.",
          hint: `Kies uit: ${issue.values.map(String).join(", ")}.`,
        };
      }
      return {
        code: "invalid_value",
        message: `Deze waarde is niet toegestaan.`,
        hint: `Kies uit: ${issue.values.map(String).join(", ")}.`,
      };
    case "too_small":
      return {
        code: "too_small",
        message: ownMessage(issue)
          ? issue.message
          : issue.origin === "array"
            ? `Geef minstens ${issue.minimum} ${issue.minimum === 1 ? "punt" : "punten"}.`
            : issue.origin === "string"
              ? "Vul hier tekst in."
              : `De waarde is te klein: minstens ${issue.minimum}.`,
        hint: issue.origin === "array" ? "Zet elk punt op een eigen regel die begint met '- '." : "Pas de waarde aan.",
      };
    case "too_big":
      return {
        code: "too_big",
        message: ownMessage(issue) ? issue.message : `De waarde is te groot: hoogstens ${issue.maximum}.`,
        hint: "Pas de waarde aan.",
      };
    case "invalid_format":
      return { code: "invalid_format", message: issue.message, hint: "Pas de schrijfwijze aan zoals de melding zegt." };
    case "custom":
      return {
        code: String(issue.params?.code ?? "invalid"),
        message: issue.message,
        hint: typeof issue.params?.hint === "string" ? issue.params.hint : "Pas de waarde aan.",
      };
    default:
      return { code: issue.code, message: issue.message, hint: "Pas de waarde aan." };
  }
}

/** True when a schema gave its own (Dutch) message, rather than zod's English default. */
function ownMessage(issue: z.core.$ZodIssue): boolean {
  return !/^(Too small|Too big|Invalid|Expected)\b/.test(issue.message);
}

function valueAt(root: unknown, path: readonly PathPart[]): unknown {
  let current = root;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

function dutchType(type: string): string {
  const names: Record<string, string> = {
    string: "tekst",
    number: "een getal",
    boolean: "ja of nee (true/false)",
    object: "een groep velden",
    array: "een lijst",
    date: "een datum",
    undefined: "niets",
  };
  return names[type] ?? type;
}

/** The keys an object schema accepts at `path`, found by walking the schema. */
function knownKeys(schema: z.ZodType, path: readonly PathPart[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (const part of path) {
    current = unwrap(current);
    if (current instanceof z.ZodObject) current = current.shape[String(part)] as z.ZodType | undefined;
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else return [];
  }
  current = unwrap(current);
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodDefault ||
    current instanceof z.ZodPrefault ||
    current instanceof z.ZodNullable ||
    current instanceof z.ZodPipe
  ) {
    current = (current instanceof z.ZodPipe ? current.in : current.unwrap()) as z.ZodType;
  }
  return current;
}
