import type { Connection } from "../connections/connections-file.js";
import type { Problem } from "../errors/problem.js";
import { closestWord } from "../yaml/closest-word.js";
import type { YamlSource } from "../yaml/yaml-source.js";

/** A declared table: `schema.naam`, each part a plain PostgreSQL name. */
export const DECLARED_TABLE = /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/;

/** Whether any declared dataset names a table or a connection. */
export function declaresTables(answers: Record<string, unknown>): boolean {
  return datasetRows(answers).some(
    (row) => row !== null && typeof row === "object" && ("tabel" in row || "verbinding" in row),
  );
}

function datasetRows(answers: Record<string, unknown>): unknown[] {
  const data = answers.data;
  const rows = data !== null && typeof data === "object" ? (data as Record<string, unknown>).datasets : undefined;
  return Array.isArray(rows) ? rows : [];
}

/**
 * Problems with the tables the datasets declare (`data.datasets[].tabel` and `verbinding`), each
 * at its line: a table needs a connection the lab knows (with "Bedoelt u ...?"), a connection
 * needs a table, and a dataset lives in one place (a table or a `locatie`, not both).
 */
export function tableAnswerProblems(
  connections: ReadonlyMap<string, Connection>,
  answers: Record<string, unknown>,
  source: YamlSource,
): Problem[] {
  return datasetRows(answers).flatMap((row: unknown, index): Problem[] => {
    if (row === null || typeof row !== "object") return [];
    const { naam, tabel, verbinding, locatie } = row as Record<string, unknown>;
    if (tabel === undefined && verbinding === undefined) return [];
    const at = (field: string, code: string, message: string, hint: string): Problem => {
      const path = ["data", "datasets", index, field];
      return { code, message: `Dataset '${String(naam ?? "?")}': ${message}`, hint, path, ...source.locate(path) };
    };
    const known = [...connections.keys()];
    const problems: Problem[] = [];
    if (typeof tabel !== "string" || !DECLARED_TABLE.test(tabel.trim())) {
      problems.push(
        at(
          tabel === undefined ? "verbinding" : "tabel",
          "table_declaration_invalid",
          tabel === undefined
            ? "er staat een verbinding, maar geen tabel."
            : `'${String(tabel)}' is geen tabel in de vorm schema.naam.`,
          "Schrijf bij 'tabel' het schema en de naam van de tabel, zoals om.zaken (kleine letters, cijfers en '_').",
        ),
      );
    }
    if (typeof verbinding !== "string" || !connections.has(verbinding.trim())) {
      const near = typeof verbinding === "string" ? closestWord(verbinding.trim(), known) : undefined;
      problems.push(
        at(
          verbinding === undefined ? "tabel" : "verbinding",
          "connection_unknown",
          verbinding === undefined
            ? "er staat een tabel, maar geen verbinding."
            : `de verbinding '${String(verbinding)}' staat niet in verbindingen.yaml.${near ? ` Bedoelt u '${near}'?` : ""}`,
          known.length > 0
            ? `Kies een verbinding uit verbindingen.yaml: ${known.join(", ")}.`
            : "Zet de verbinding in verbindingen.yaml in de map van het lab (verbindingen: <naam>: postgres: postgres://gebruiker@server/database), zonder wachtwoord.",
        ),
      );
    }
    if (locatie !== undefined) {
      problems.push(
        at(
          "locatie",
          "table_and_location",
          "er staat een tabel én een locatie.",
          "Een dataset staat op één plek: laat 'locatie' weg als de data in de tabel staat.",
        ),
      );
    }
    return problems;
  });
}
