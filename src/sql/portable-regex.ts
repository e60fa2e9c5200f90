/**
 * Regular expressions in the subset that DuckDB (RE2) and PostgreSQL (ARE) read the same way.
 * A pattern is parsed, not pasted: what is outside the subset is refused with the place and a
 * hint, and what is inside is written out again in one canonical form. Character classes become
 * ASCII ranges (`\d` is `[0-9]`, `[[:alpha:]]` is `[A-Za-z]`), because PostgreSQL's classes
 * follow the server's locale and RE2's do not. A well-formed pattern can then be anchored as
 * one group, `^(?:p)$`, and no `)|(` inside it can escape that group.
 */

export interface RegexMistake {
  /** Character position in the pattern, counted from 1. */
  position: number;
  message: string;
  hint: string;
}

export type PortableRegex = { ok: true; canonical: string } | { ok: false; mistake: RegexMistake };

/** PostgreSQL allows at most 255 repetitions in a `{n,m}` count; RE2 allows 1000. */
export const MAX_REPEAT = 255;

const CLASS_ESCAPES: Record<string, string> = { d: "0-9", w: "0-9A-Za-z_", s: "\\t\\n\\v\\f\\r " };
const CONTROL_ESCAPES = new Set(["t", "n", "r", "f", "v"]);
const NAMED_CLASSES: Record<string, string> = {
  alpha: "A-Za-z",
  digit: "0-9",
  alnum: "0-9A-Za-z",
  upper: "A-Z",
  lower: "a-z",
  space: CLASS_ESCAPES.s as string,
  blank: " \\t",
  xdigit: "0-9A-Fa-f",
  punct: "!-\\/:-@\\[-`{-~",
};
/** Characters with a meaning of their own inside `[...]` in either engine. */
const SPECIAL_IN_CLASS = new Set([..."\\]^-["]);
/** Characters that mean something outside a class, in either engine: only these stay escaped there. */
const SPECIAL_OUTSIDE_CLASS = new Set([..."\\^$.|?*+()[]{}"]);

class Mistake extends Error {
  constructor(
    readonly position: number,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/**
 * Parses a pattern in the portable subset and writes it out canonically.
 * @example parsePortableRegex("\\d{2}/[0-9]{6}") // { ok: true, canonical: "[0-9]{2}/[0-9]{6}" }
 */
export function parsePortableRegex(pattern: string): PortableRegex {
  const parser = new Parser([...pattern]);
  try {
    const canonical = parser.alternation();
    if (!parser.atEnd()) {
      throw new Mistake(
        parser.position(),
        "Er staat een ')' zonder '(' ervoor.",
        "Haal de ')' weg, of schrijf '\\)' voor het teken zelf.",
      );
    }
    return { ok: true, canonical };
  } catch (error) {
    if (!(error instanceof Mistake)) throw error;
    return { ok: false, mistake: { position: error.position, message: error.message, hint: error.hint } };
  }
}

/** The canonical pattern anchored as one group: true only when it matches the whole value. */
export function anchored(canonical: string): string {
  return `^(?:${canonical})$`;
}

class Parser {
  private i = 0;

  constructor(private readonly chars: readonly string[]) {}

  atEnd(): boolean {
    return this.i >= this.chars.length;
  }

  position(): number {
    return this.i + 1;
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.i + offset];
  }

  private next(): string {
    const char = this.chars[this.i++];
    if (char === undefined) throw new Mistake(this.i, "Het patroon houdt te vroeg op.", "Maak het patroon af.");
    return char;
  }

  alternation(): string {
    const branches = [this.sequence()];
    while (this.peek() === "|") {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.join("|");
  }

  private sequence(): string {
    let out = "";
    while (!this.atEnd() && this.peek() !== "|" && this.peek() !== ")") out += this.quantified();
    return out;
  }

  private quantified(): string {
    const start = this.position();
    const { text, repeatable } = this.atom();
    const quantifier = this.quantifier();
    if (quantifier === "") return text;
    if (!repeatable) {
      throw new Mistake(
        start,
        "Een herhaling ('*', '+', '?' of '{n}') staat achter iets dat niet herhaald kan worden.",
        "Zet de herhaling achter een teken, een [klasse] of een (groep).",
      );
    }
    if (this.peek() !== undefined && "*+?{".includes(this.peek() as string)) {
      throw new Mistake(
        this.position(),
        "Twee herhalingen staan direct achter elkaar.",
        "Gebruik één herhaling, of zet er een (groep) omheen.",
      );
    }
    return text + quantifier;
  }

  private quantifier(): string {
    const char = this.peek();
    let out = "";
    if (char === "*" || char === "+" || char === "?") {
      this.i++;
      out = char;
    } else if (char === "{") {
      out = this.count();
    } else {
      return "";
    }
    if (this.peek() === "?") {
      this.i++;
      out += "?";
    }
    return out;
  }

  private count(): string {
    const start = this.position();
    const close = this.chars.indexOf("}", this.i);
    const body = close === -1 ? "" : this.chars.slice(this.i + 1, close).join("");
    const match = /^(\d{1,4})(,(\d{0,4}))?$/.exec(body);
    if (!match) {
      throw new Mistake(
        start,
        "Een '{' begint een aantal herhalingen, zoals {3} of {2,5}.",
        "Schrijf '\\{' voor het teken zelf.",
      );
    }
    const min = Number(match[1]);
    const max = match[3] === undefined || match[3] === "" ? undefined : Number(match[3]);
    if (min > MAX_REPEAT || (max !== undefined && max > MAX_REPEAT)) {
      throw new Mistake(
        start,
        `Een aantal herhalingen is hoogstens ${MAX_REPEAT}.`,
        "Gebruik '+' of '*' voor 'veel', of een kleiner aantal.",
      );
    }
    if (max !== undefined && max < min) {
      throw new Mistake(start, `In {${body}} is het tweede getal kleiner dan het eerste.`, "Zet de kleinste eerst.");
    }
    this.i = close + 1;
    return `{${body}}`;
  }

  private atom(): { text: string; repeatable: boolean } {
    const start = this.position();
    const char = this.next();
    switch (char) {
      case "(":
        return { text: this.group(start), repeatable: true };
      case "[":
        return { text: this.bracket(start), repeatable: true };
      case ".":
        return { text: ".", repeatable: true };
      case "^":
      case "$":
        return { text: char, repeatable: false };
      case "\\":
        return { text: this.escape(start), repeatable: true };
      case "*":
      case "+":
      case "?":
        throw new Mistake(
          start,
          `'${char}' herhaalt wat ervoor staat, maar er staat niets voor.`,
          `Schrijf '\\${char}' voor het teken zelf.`,
        );
      case "{":
        throw new Mistake(
          start,
          "Een '{' begint een aantal herhalingen, maar er staat niets voor.",
          "Schrijf '\\{' voor het teken zelf.",
        );
      case "}":
      case "]":
        throw new Mistake(
          start,
          `Een losse '${char}' is in de ene database een teken en in de andere niet.`,
          `Schrijf '\\${char}'.`,
        );
      default:
        return { text: char, repeatable: true };
    }
  }

  private group(start: number): string {
    let open = "(";
    if (this.peek() === "?") {
      if (this.peek(1) !== ":") {
        throw new Mistake(
          start,
          "Alleen gewone groepen '( )' en '(?: )' werken in beide databases.",
          "Laat vooruitkijken, namen en vlaggen zoals (?i) weg.",
        );
      }
      this.i += 2;
      open = "(?:";
    }
    const inner = this.alternation();
    if (this.peek() !== ")") {
      throw new Mistake(
        start,
        "Deze '(' wordt nergens gesloten.",
        "Zet er een ')' achter, of schrijf '\\(' voor het teken zelf.",
      );
    }
    this.i++;
    return `${open}${inner})`;
  }

  private escape(start: number): string {
    const char = this.chars[this.i];
    if (char === undefined) {
      throw new Mistake(start, "Het patroon eindigt met een '\\'.", "Schrijf '\\\\' voor het teken zelf.");
    }
    this.i++;
    const lower = char.toLowerCase();
    if (lower in CLASS_ESCAPES) {
      return `[${char === lower ? "" : "^"}${CLASS_ESCAPES[lower]}]`;
    }
    if (CONTROL_ESCAPES.has(char)) return `\\${char}`;
    // `\/` and `/` are the same character: one canonical form, so a known pattern is known however it is written.
    if (isPunctuation(char)) return SPECIAL_OUTSIDE_CLASS.has(char) ? `\\${char}` : char;
    throw new Mistake(
      start,
      `'\\${char}' betekent niet in beide databases hetzelfde.`,
      "Zet alleen een '\\' voor leestekens; gebruik [0-9], [A-Za-z] of \\d, \\w, \\s.",
    );
  }

  private bracket(start: number): string {
    let negated = false;
    if (this.peek() === "^") {
      negated = true;
      this.i++;
    }
    let items = "";
    let first = true;
    while (this.peek() !== "]" || first) {
      if (this.atEnd()) {
        throw new Mistake(
          start,
          "Deze '[' wordt nergens gesloten.",
          "Zet er een ']' achter, of schrijf '\\[' voor het teken zelf.",
        );
      }
      first = false;
      const item = this.classItem();
      if (item.single !== undefined && this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== undefined) {
        const rangeStart = this.position();
        this.i++;
        const end = this.classItem();
        if (end.single === undefined) {
          throw new Mistake(
            rangeStart,
            "Een reeks als a-z loopt van één teken naar één teken.",
            "Schrijf '\\-' voor het streepje zelf.",
          );
        }
        if ((end.single.codePointAt(0) ?? 0) < (item.single.codePointAt(0) ?? 0)) {
          throw new Mistake(
            rangeStart,
            `De reeks ${item.single}-${end.single} loopt achteruit.`,
            "Zet het kleinste teken eerst.",
          );
        }
        items += `${item.text}-${end.text}`;
      } else {
        items += item.text;
      }
    }
    this.i++;
    return `[${negated ? "^" : ""}${items}]`;
  }

  /** One member of a bracket expression; `single` is set when it stands for one character. */
  private classItem(): { text: string; single?: string } {
    const start = this.position();
    const char = this.next();
    if (char === "[" && (this.peek() === ":" || this.peek() === "." || this.peek() === "=")) {
      const kind = this.peek();
      const close = this.chars.join("").indexOf(`${kind}]`, this.i + 1);
      const name = close === -1 ? "" : this.chars.slice(this.i + 1, close).join("");
      const range = kind === ":" ? NAMED_CLASSES[name] : undefined;
      if (range === undefined) {
        throw new Mistake(
          start,
          `[${kind}${name}${kind}] werkt niet in beide databases.`,
          `Gebruik een van ${Object.keys(NAMED_CLASSES)
            .map((n) => `[:${n}:]`)
            .join(", ")}, of schrijf '\\[' voor het teken zelf.`,
        );
      }
      this.i = close + 2;
      return { text: range };
    }
    if (char === "\\") {
      const escaped = this.chars[this.i];
      if (escaped === undefined) throw new Mistake(start, "Het patroon eindigt met een '\\'.", "Maak het patroon af.");
      this.i++;
      if (escaped in CLASS_ESCAPES) return { text: CLASS_ESCAPES[escaped] as string };
      if (CONTROL_ESCAPES.has(escaped)) return { text: `\\${escaped}`, single: controlChar(escaped) };
      if (isPunctuation(escaped)) return { text: `\\${escaped}`, single: escaped };
      throw new Mistake(
        start,
        `'\\${escaped}' betekent binnen [ ] niet in beide databases hetzelfde.`,
        "Binnen [ ] werken \\d, \\w, \\s en een '\\' voor leestekens.",
      );
    }
    return { text: SPECIAL_IN_CLASS.has(char) ? `\\${char}` : char, single: char };
  }
}

function isPunctuation(char: string): boolean {
  return /^[!-/:-@[-`{-~]$/.test(char);
}

function controlChar(letter: string): string {
  return { t: "\t", n: "\n", r: "\r", f: "\f", v: "\v" }[letter] ?? letter;
}
