/** The analyses the log records, in words a business owner reads. */
const analysisText: Record<string, string> = {
  check: "controles",
  profile: "profiel van de data",
  evaluate: "examen tegen de bekende fouten",
  load: "data laden",
  notebook: "notebook",
};

/** An analysis's name from the log in Dutch words; a name the site does not know is shown as "analyse <naam>". */
export function analysisWords(name: string): string {
  return analysisText[name] ?? `analyse ${name}`;
}

/** The engines in words: which database did the work. */
const engineText: Record<string, string> = {
  duckdb: "DuckDB (ingebouwde database)",
  postgres: "PostgreSQL-databaseserver",
};

/** An engine's name from the log in words. */
export function engineWords(name: string): string {
  return engineText[name] ?? `database ${name}`;
}
