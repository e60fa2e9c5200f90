import { z } from "zod";
import { lit } from "../sql/expr.js";
import { parseSql } from "../sql/parse-select.js";
import { amongRows, defineCheck, type ParamProblem } from "./check-definition.js";

/** Table functions that make rows from their arguments, not from a file or another source. */
const ROW_MAKERS = new Set(["range", "generate_series", "unnest"]);

/**
 * Functions of the database server itself: its files, large objects, other connections, its
 * settings, functions that run a query given as text, and Spark's calls of any Java method.
 * Refused by name on every engine.
 */
const SERVER_FUNCTIONS =
  /^(pg_|lo_|dblink|set_config$|query_to_xml|cursor_to_xml|table_to_xml|schema_to_xml|database_to_xml|reflect$|try_reflect$|java_method$)/;

/** A column the custom SQL reads: of its own table, or `{ table, column }` of another dataset. */
const readColumnSchema = z.union([
  z.string().min(1),
  z.strictObject({ table: z.string().min(1), column: z.string().min(1) }),
]);

export const customSql = defineCheck({
  dimension: "juistheid",
  name: "eigen SQL",
  summary: "Eigen SQL die de afwijkende rijen teruggeeft, met hun sleutel; geef de kolommen die de SQL leest.",
  example: {
    id: "zaken-zonder-feit",
    table: "zaken",
    sql: "SELECT z.zaak_id FROM zaken z WHERE NOT EXISTS (SELECT 1 FROM feiten f WHERE f.zaak_id = z.zaak_id)",
    columns: ["zaak_id", { table: "feiten", column: "zaak_id" }],
  },
  custom: true,
  params: {
    /** One SELECT over the suite's datasets that returns the failing rows of this table, with its key column(s). */
    sql: z.string().min(1),
    /**
     * The columns the SQL reads. The run record and the gates take the check at its word;
     * without this list it counts as reading every column of its table.
     */
    columns: z.array(readColumnSchema).min(1).optional(),
  },
  columns: ({ columns }) => (columns ?? []).map((c) => (typeof c === "string" ? { column: c } : c)),
  validate: async ({ sql }, { datasets }) => {
    const problem = (code: string, message: string, hint: string): ParamProblem[] => [
      { path: ["sql"], code, message, hint },
    ];
    const known = `Eigen SQL leest alleen de datasets van de suite: ${datasets.join(", ")}.`;
    const parsed = await parseSql(sql);
    if (!parsed.ok && parsed.reason === "not_select") {
      return problem(
        "custom_sql_not_select",
        "Eigen SQL is één SELECT die alleen leest; dit is een ander soort opdracht.",
        known,
      );
    }
    if (!parsed.ok) {
      const near = /at or near "([^"]*)"/.exec(parsed.message)?.[1];
      return problem(
        "custom_sql_invalid",
        `De SQL is niet te lezen als SELECT${near === undefined ? "" : ` (bij '${near}')`}.`,
        "Probeer de SQL eerst zelf uit in DuckDB of psql.",
      );
    }
    if (parsed.statements !== 1) {
      return problem(
        "custom_sql_not_one_statement",
        `De SQL bevat ${parsed.statements} opdrachten; eigen SQL is precies één SELECT.`,
        "Haal de andere opdrachten weg; een ';' aan het eind mag.",
      );
    }
    const allowed = new Set([...datasets.map((d) => d.toLowerCase()), ...parsed.ctes]);
    const problems: ParamProblem[] = [];
    for (const table of parsed.tables) {
      if (table.schema === "" && table.catalog === "" && allowed.has(table.name.toLowerCase())) continue;
      const name = [table.catalog, table.schema, table.name].filter(Boolean).join(".");
      problems.push(
        ...problem("custom_sql_unknown_table", `De SQL leest '${name}', en dat is geen dataset van deze suite.`, known),
      );
    }
    for (const fn of parsed.tableFunctions.filter((f) => !ROW_MAKERS.has(f))) {
      problems.push(
        ...problem("custom_sql_refused", `De SQL leest met ${fn}() uit een bestand of een andere bron.`, known),
      );
    }
    for (const fn of new Set(parsed.functions.filter((f) => SERVER_FUNCTIONS.test(f)))) {
      problems.push(
        ...problem(
          "custom_sql_refused",
          `De SQL roept ${fn}() aan, een functie van de databaseserver zelf.`,
          "Eigen SQL rekent alleen met de datasets; functies voor bestanden, verbindingen en instellingen zijn niet toegestaan.",
        ),
      );
    }
    return problems;
  },
  measure: ({ sql }, { key }) => ({
    type: "keys",
    unit: "share",
    select: {
      items: [
        { expr: key, alias: "k" },
        { expr: lit(1), alias: "n" },
      ],
      from: { type: "custom_sql", sql, alias: "custom_query" },
    },
  }),
  describe: () =>
    "Eigen SQL-controle (door de gebruiker geschreven; livinglab controleert alleen dat het één SELECT is die de datasets leest).",
  finding: (_params, found) => `${amongRows(found)} vindt de eigen SQL-controle een afwijking`,
});
