import { isLivingLabError } from "../errors/problem.js";

/**
 * What went wrong in a database, by kind: `data` (a value that does not fit, a bad line in a
 * file), `resource` (memory, disk, a file that cannot be read), `connection`, `interrupted`,
 * `query` (SQL that does not fit the data) and `unknown`.
 */
export type EngineErrorKind = "data" | "resource" | "connection" | "interrupted" | "query" | "unknown";

/** Each code with its kind and our own Dutch text: never the database's, which may quote a value from the data. */
export const engineErrorTexts = {
  engine_data_value: {
    kind: "data",
    message: "Een waarde in de data past niet bij het type van haar kolom, of valt buiten het bereik daarvan.",
    hint: "Zoek de waarde op met de melding van de database hieronder en verbeter de data, of geef de kolom een ruimer type.",
  },
  engine_csv_line: {
    kind: "data",
    message: "Een regel van een CSV-bestand kan niet worden gelezen zoals de rest van het bestand.",
    hint: "De melding van de database hieronder noemt de regel. Verbeter die regel, of sla het bestand op als Parquet.",
  },
  engine_out_of_memory: {
    kind: "resource",
    message: "De database had niet genoeg geheugen voor deze analyse.",
    hint: "Sluit andere programma's, of splits de analyse in kleinere delen.",
  },
  engine_io: {
    kind: "resource",
    message: "De database kon een bestand niet lezen of schrijven.",
    hint: "Controleer of het bestand bestaat, leesbaar en heel is, en of de schijf niet vol is.",
  },
  engine_connection: {
    kind: "connection",
    message: "De verbinding met de database viel weg.",
    hint: "Controleer of de databaseserver bereikbaar is en probeer het opnieuw.",
  },
  engine_interrupted: {
    kind: "interrupted",
    message: "De database heeft de analyse afgebroken.",
    hint: "Probeer het opnieuw; vraag de beheerder van de server als het weer gebeurt.",
  },
  engine_query: {
    kind: "query",
    message: "De database kon een query niet uitvoeren op deze data.",
    hint: "Controleer de namen van tabellen en kolommen in de suite en in eigen SQL.",
  },
  engine_error: {
    kind: "unknown",
    message: "De database meldde een fout.",
    hint: "Zie de melding van de database hieronder.",
  },
} as const satisfies Record<string, { kind: EngineErrorKind; message: string; hint: string }>;

export type EngineErrorCode = keyof typeof engineErrorTexts;

/**
 * A database's error, by code and kind, with our own Dutch message. The database's own text
 * (`engineMessage`) may quote values from the data: front-ends may show it to the user on
 * their screen, but it is never stored in the run log or an output.
 */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly kind: EngineErrorKind;
  readonly hint: string;

  constructor(
    code: EngineErrorCode,
    readonly engineMessage: string,
  ) {
    super(engineErrorTexts[code].message);
    this.name = "EngineError";
    this.code = code;
    this.kind = engineErrorTexts[code].kind;
    this.hint = engineErrorTexts[code].hint;
  }
}

/** Narrows an unknown thrown value to a database's error. */
export function isEngineError(value: unknown): value is EngineError {
  return value instanceof EngineError;
}

/**
 * Runs a call to a database and turns what it throws into an EngineError, by the engine's own
 * `classify`. Our own errors pass through as they are.
 */
export async function engineCall<T>(classify: (error: Error) => EngineErrorCode, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof Error) || error instanceof EngineError || isLivingLabError(error)) throw error;
    throw new EngineError(classify(error), error.message);
  }
}
