import type { EngineName } from "../engines/open-engine.js";
import { LivingLabError, type Problem, type SourceLocation } from "../errors/problem.js";
import type { DeclaredDataset } from "../experiments/declared-data.js";
import { type Connection, readConnections } from "./connections-file.js";

/** A dataset an analysis asks for, with where the suite names it. */
interface AskedDataset {
  name: string;
  file?: string;
  table?: string;
  frame?: unknown;
  at?: SourceLocation;
}

/** The engine an analysis runs on, and how it reaches its server. */
export interface EngineChoice {
  engine: EngineName;
  pgUrl?: string;
  /** The connection the declared tables live on, when the declaration chose the engine. */
  connection?: Connection;
}

/**
 * The engine a suite runs on. A suite whose datasets the experiment declares as tables on one
 * connection (`tabel`, `verbinding`) runs on PostgreSQL through that connection, where the data
 * lives; a suite that names no declared table keeps the engine asked for. A suite that mixes
 * a declared table with a file, a DataFrame or an undeclared dataset, or asks for another engine
 * or server, is refused before anything is read or written.
 * @example await engineOfTables(lab, declared, suite.datasets, { engine: undefined }) // { engine: "postgres", pgUrl: "postgres://lab@db/om", ... }
 */
export async function engineOfTables(
  lab: string,
  declared: readonly DeclaredDataset[],
  datasets: readonly AskedDataset[],
  asked: { engine?: EngineName | undefined; pgUrl?: string | undefined },
): Promise<EngineChoice> {
  const tableOf = (d: AskedDataset) => {
    if (d.file !== undefined || d.frame !== undefined) return undefined;
    const found = declared.find((x) => x.name === d.name);
    if (found?.table === undefined || found.connection === undefined) return undefined;
    // A suite may name the declared table itself; any other table is not the declared one.
    return d.table === undefined || d.table === found.table ? found : undefined;
  };
  const inTables = datasets.flatMap((d) => {
    const found = tableOf(d);
    return found ? [found] : [];
  });
  const first = inTables[0];
  if (first?.connection === undefined)
    return { engine: asked.engine ?? "duckdb", ...(asked.pgUrl && { pgUrl: asked.pgUrl }) };
  const where = `tabel ${first.table} (verbinding '${first.connection}')`;
  const problems: Problem[] = [];
  for (const d of datasets) {
    const table = tableOf(d);
    if (table?.connection === first.connection) continue;
    const isDeclared = declared.some((x) => x.name === d.name);
    problems.push({
      code: "data_places_mixed",
      message: `Dataset '${d.name}' ${table ? `staat op een andere verbinding ('${table.connection}')` : isDeclared ? "staat niet in een tabel" : "wordt niet gelezen: het experiment declareert die niet"}, en deze suite leest '${first.name}' uit ${where}. Eén suite leest uit één plek: alles uit tabellen op één verbinding, of alles uit bestanden.`,
      hint: isDeclared
        ? "Zet de checks van deze dataset in een eigen suite, of leg de dataset vast als tabel op dezelfde verbinding ('tabel' en 'verbinding' onder data.datasets)."
        : `Declareer de dataset onder data.datasets, met 'tabel' en 'verbinding: ${first.connection}', en laat het experiment opnieuw reviewen.`,
      ...(d.at ?? {}),
    });
  }
  if (asked.engine !== undefined && asked.engine !== "postgres") {
    problems.push({
      code: "engine_conflicts_with_table",
      message: `Gevraagd is engine ${asked.engine}, maar dataset '${first.name}' staat in ${where}; die wordt daar gelezen, met PostgreSQL.`,
      hint: "Laat --engine weg: het experiment bepaalt waar de data staat.",
    });
  }
  if (asked.pgUrl !== undefined) {
    problems.push({
      code: "pg_url_conflicts_with_table",
      message: `Er is een PostgreSQL-verbinding opgegeven, maar dataset '${first.name}' staat in ${where}.`,
      hint: "Laat --pg-url weg: de verbinding komt uit verbindingen.yaml.",
    });
  }
  const connection = (await readConnections(lab)).get(first.connection);
  if (!connection) {
    problems.push({
      code: "connection_unknown",
      message: `De verbinding '${first.connection}' van dataset '${first.name}' staat niet in verbindingen.yaml.`,
      hint: "Zet de verbinding in verbindingen.yaml in de map van het lab, of kies een verbinding die er staat.",
    });
  }
  if (problems.length > 0 || !connection) throw new LivingLabError(problems);
  return { engine: "postgres", pgUrl: connection.url, connection };
}
