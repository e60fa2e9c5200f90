import { join } from "node:path";
import { DuckDbEngine } from "../../src/index.js";

/**
 * The exam's answer key, written apart from the generator: for each defect kind, the SQL that
 * finds the affected rows in the written files. A generator bug shows up as a difference
 * between these rows and its ground truth.
 */

export interface Hit {
  table_name: string;
  row_key: string;
}

const PARKETNUMMER = "'[0-9]{2}/[0-9]{6}-[0-9]{2}'";
const REQUIRED = {
  verdachten: ["verdachte_id", "geboortejaar", "geslacht", "woongemeente"],
  zaken: [
    "zaak_id",
    "parketnummer",
    "arrondissement",
    "parketcode",
    "verdachte_id",
    "instroomdatum",
    "zaaktype",
    "status",
    "bron",
    "laatst_gewijzigd",
  ],
  feiten: ["feit_id", "zaak_id", "feitcode", "wetsartikel", "categorie", "pleegdatum"],
};
const KEYS = { verdachten: "verdachte_id", zaken: "zaak_id", feiten: "feit_id" };
type Table = keyof typeof KEYS;

function rows(table: Table, where: string): string {
  return `SELECT '${table}' AS table_name, ${KEYS[table]} AS row_key FROM ${table} WHERE ${where}`;
}

function notIn(column: string, list: readonly string[]): string {
  return `${column} NOT IN (${list.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")})`;
}

/** The SQL per kind; `codes` are the code lists of the datasheet. */
export function defectQueries(asOf: string, codes: Record<string, string[]>): Record<string, string> {
  const list = (name: string) => codes[name] ?? [];
  const date = `DATE '${asOf}'`;
  const duplicates = (t: Table) =>
    rows(t, `${KEYS[t]} IN (SELECT ${KEYS[t]} FROM ${t} GROUP BY 1 HAVING count(*) > 1)`);
  return {
    missing_value: (Object.keys(REQUIRED) as Table[])
      .map((t) => rows(t, REQUIRED[t].map((c) => `${c} IS NULL`).join(" OR ")))
      .join(" UNION ALL "),
    malformed_parketnummer: rows("zaken", `NOT regexp_full_match(parketnummer, ${PARKETNUMMER})`),
    invalid_code: [
      rows("verdachten", `${notIn("geslacht", list("geslacht"))} OR ${notIn("woongemeente", list("woongemeente"))}`),
      rows(
        "zaken",
        ["arrondissement", "parketcode", "zaaktype", "status", "bron", "afdoening"]
          .map((c) => notIn(c, list(c)))
          .join(" OR "),
      ),
      rows("feiten", `${notIn("feitcode", list("feitcode"))} OR ${notIn("categorie", list("categorie"))}`),
    ].join(" UNION ALL "),
    duplicate_key: ["verdachten", "zaken", "feiten"].map((t) => duplicates(t as Table)).join(" UNION ALL "),
    decision_before_registration: rows("zaken", "afdoeningsdatum < instroomdatum"),
    future_date: [
      rows(
        "zaken",
        `pleegdatum > ${date} OR instroomdatum > ${date} OR afdoeningsdatum > ${date} OR CAST(laatst_gewijzigd AS DATE) > ${date}`,
      ),
      rows("feiten", `pleegdatum > ${date}`),
    ].join(" UNION ALL "),
    status_without_decision: rows("zaken", "status = 'afgedaan' AND (afdoening IS NULL OR afdoeningsdatum IS NULL)"),
    orphan_reference: [
      rows(
        "zaken",
        "verdachte_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM verdachten v WHERE v.verdachte_id = zaken.verdachte_id)",
      ),
      rows("feiten", "zaak_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM zaken z WHERE z.zaak_id = feiten.zaak_id)"),
    ].join(" UNION ALL "),
    implausible_age: rows(
      "zaken",
      `EXISTS (SELECT 1 FROM verdachten v WHERE v.verdachte_id = zaken.verdachte_id
         AND (year(zaken.pleegdatum) - v.geboortejaar < 12 OR year(zaken.pleegdatum) - v.geboortejaar > 100))`,
    ),
    stale_open_case: rows(
      "zaken",
      `status <> 'afgedaan' AND laatst_gewijzigd < CAST(${date} AS TIMESTAMP) - INTERVAL 1 YEAR`,
    ),
    parket_mismatch: rows(
      "zaken",
      `regexp_full_match(parketnummer, ${PARKETNUMMER}) AND left(parketnummer, 2) <> parketcode`,
    ),
    pii_in_remark: rows(
      "zaken",
      `len(list_filter(regexp_extract_all(opmerking, '(?:^|[^0-9])([0-9]{9})(?:[^0-9]|$)', 1), s -> elfproef(s))) > 0
       OR regexp_matches(opmerking, '(?:\\+31|0031|(?:^|[^0-9])0)[ -]?6[ -]?(?:[0-9][ -]?){8}')
       OR regexp_matches(opmerking, '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}')
       OR len(list_filter(regexp_extract_all(opmerking, 'NL[0-9]{2}[A-Z]{4}[0-9]{10}'), s -> iban_ok(s))) > 0`,
    ),
    group_completeness_gap: `
      WITH per AS (
        SELECT arrondissement, count(*) AS n, count(*) FILTER (WHERE pleegdatum IS NULL) AS missing FROM zaken GROUP BY 1
      ), totals AS (SELECT sum(n) AS n, sum(missing) AS missing FROM per)
      SELECT 'zaken' AS table_name, arrondissement AS row_key FROM per, totals
      WHERE per.missing / per.n >= 0.10
        AND per.missing / per.n >= 3 * (totals.missing - per.missing) / (totals.n - per.n)`,
  };
}

const MACROS = [
  `CREATE MACRO elfproef(s) AS (${[9, 8, 7, 6, 5, 4, 3, 2, -1]
    .map((w, i) => `${w} * CAST(s[${i + 1}] AS INTEGER)`)
    .join(" + ")}) % 11 = 0`,
  `CREATE MACRO iban_ok(s) AS CAST(
     (ascii(s[5]) - 55)::VARCHAR || (ascii(s[6]) - 55)::VARCHAR || (ascii(s[7]) - 55)::VARCHAR || (ascii(s[8]) - 55)::VARCHAR
     || s[9:18] || '2321' || s[3:4] AS HUGEINT) % 97 = 1`,
];

/** Opens the three tables of a generated folder (Parquet or CSV) with the helper macros. */
export async function openGenerated(dir: string, format: "parquet" | "csv" = "parquet"): Promise<DuckDbEngine> {
  const engine = await DuckDbEngine.open();
  for (const table of ["verdachten", "zaken", "feiten", "ground_truth"]) {
    // The generator's own output, checked by the test itself: no experiment, so no run and no door.
    const file = join(dir, `${table}.${format}`).replaceAll("'", "''");
    await engine.connection.run(
      `CREATE VIEW ${table} AS SELECT * FROM ${format === "csv" ? "read_csv" : "read_parquet"}('${file}')`,
    );
  }
  for (const macro of MACROS) await engine.connection.run(macro);
  return engine;
}

/** The hits of every kind, each sorted, found by SQL on the files alone. */
export async function findDefects(
  engine: DuckDbEngine,
  asOf: string,
  codes: Record<string, string[]>,
): Promise<Record<string, Hit[]>> {
  const found: Record<string, Hit[]> = {};
  for (const [kind, sql] of Object.entries(defectQueries(asOf, codes))) {
    const hits = await engine.query(`SELECT * FROM (${sql}) ORDER BY table_name, row_key`);
    found[kind] = hits.map((h) => ({ table_name: String(h.table_name), row_key: String(h.row_key) }));
  }
  return found;
}

/** The ground truth of a generated folder, per kind, each sorted like findDefects. */
export async function groundTruth(engine: DuckDbEngine): Promise<Record<string, Hit[]>> {
  const rows = await engine.query("SELECT * FROM ground_truth ORDER BY kind, table_name, row_key");
  const truth: Record<string, Hit[]> = {};
  for (const row of rows) {
    const kind = String(row.kind);
    const hits = truth[kind] ?? [];
    hits.push({ table_name: String(row.table_name), row_key: String(row.row_key) });
    truth[kind] = hits;
  }
  return truth;
}
