import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import {
  type Document,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from "yaml";
import { LivingLabError, type Problem, type SourceLocation } from "../errors/problem.js";

/**
 * The largest YAML file the lab reads: far above any template, experiment or suite a person
 * writes (a suite of 10,000 checks is about 1 MB), far below what makes parsing take minutes.
 */
export const MAX_YAML_BYTES = 8 * 1024 * 1024;

/**
 * How many times an alias (`*naam`) may repeat what an anchor holds. A few aliases are handy;
 * many aliases of aliases blow a small file up to gigabytes (an "alias bomb").
 */
export const MAX_YAML_ALIASES = 100;

type DocumentPath = ReadonlyArray<string | number>;

/** A parsed YAML file that remembers where every value came from. */
export interface YamlSource {
  file: string;
  text: string;
  /** SHA-256 of the file's bytes as they were read and parsed; absent for text that came from no file. */
  sha256?: string;
  value: unknown;
  /** Location of the value at `path`, or of its nearest existing parent. */
  locate(path: DocumentPath, options?: { key?: boolean }): SourceLocation;
}

/** Parses YAML text; syntax errors become problems with line and column. */
export function parseYamlSource(text: string, file: string): YamlSource {
  if (text.length > MAX_YAML_BYTES) throw tooLarge(file);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((error) => {
    const pos = lineCounter.linePos(error.pos[0]);
    return {
      code: "yaml_syntax",
      message: `De YAML is niet geldig: ${firstLine(error.message)}`,
      hint: "Controleer inspringing, dubbele punten en aanhalingstekens op deze regel.",
      file,
      line: pos.line,
      column: pos.col,
    };
  });
  if (problems.length > 0) throw new LivingLabError(problems);

  const at = (offset: number): SourceLocation => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  return {
    file,
    text,
    value: plainValues(doc, (offset) => at(offset)),
    locate(path, options = {}) {
      let node: unknown = doc.contents;
      let located: SourceLocation = { file, line: 1, column: 1 };
      if (isNode(node) && node.range) located = at(node.range[0]);
      for (const part of path) {
        const pair = findPair(node, part);
        if (pair === undefined) break;
        const isLast = part === path[path.length - 1];
        const target = options.key && isLast && isPair(pair) ? pair.key : isPair(pair) ? pair.value : pair;
        if (isNode(target) && target.range) located = at(target.range[0]);
        node = isPair(pair) ? pair.value : pair;
      }
      return located;
    },
  };
}

/** Reads and parses a YAML file; a missing file is a user-facing problem. */
export async function readYamlSource(file: string): Promise<YamlSource & { sha256: string }> {
  let bytes: Buffer;
  try {
    if ((await stat(file)).size > MAX_YAML_BYTES) throw tooLarge(file);
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof LivingLabError) throw error;
    throw new LivingLabError({
      code: "file_not_found",
      message: `Het bestand ${file} bestaat niet of is niet leesbaar.`,
      hint: "Controleer het pad; paden zijn relatief aan de map waarin u het commando start.",
      file,
    });
  }
  // One read: what is parsed and what its hash says are the same bytes, whatever happens to the file later.
  return { ...parseYamlSource(bytes.toString("utf8"), file), sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** The document as plain values, refusing an alias bomb before it is expanded. */
function plainValues(doc: Document, at: (offset: number) => SourceLocation): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let first: SourceLocation = at(0);
    visit(doc, {
      Alias(_, node) {
        if (node.range) first = at(node.range[0]);
        return visit.BREAK;
      },
    });
    throw new LivingLabError({
      code: "yaml_too_many_aliases",
      message: `Dit bestand herhaalt via aliassen (*naam) meer dan ${MAX_YAML_ALIASES} keer wat een anker (&naam) bevat.`,
      hint: "Schrijf de waarden uit in plaats van aliassen van aliassen te gebruiken.",
      ...first,
    });
  }
}

function tooLarge(file: string): LivingLabError {
  return new LivingLabError({
    code: "yaml_too_large",
    message: `Het bestand ${file} is groter dan ${MAX_YAML_BYTES / 1024 / 1024} MB; zo groot schrijft niemand een sjabloon, experiment of suite.`,
    hint: "Splits het bestand, bijvoorbeeld in meer suites per tabel.",
    file,
  });
}

function findPair(node: unknown, part: string | number): unknown {
  if (isMap(node)) {
    return node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part));
  }
  if (isSeq(node) && typeof part === "number") return node.items[part] as Node | undefined;
  return undefined;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
