import { join } from "node:path";
import { DuckDbEngine } from "../../src/index.js";
import { testDataDir } from "./test-run.js";

/**
 * Small literal tables with hostile names and values, written as Parquet so both engines
 * read the same typed data. Keys tell which rows a check should flag.
 */
export const MINI_TABLES: Record<string, string> = {
  zaken: `SELECT * FROM (VALUES
    ('Z1', '13/000001-24', 'Amsterdam', 'afgedaan', 'dagvaarding', DATE '2024-01-10', DATE '2024-03-01', TIMESTAMP '2024-03-01 10:00:00', 'V1', DATE '2024-01-01', NULL),
    ('Z2', '13/000002-24', 'Amsterdam', 'afgedaan', NULL, DATE '2024-01-10', DATE '2024-01-05', TIMESTAMP '2024-01-05 10:00:00', 'V2', DATE '2024-01-02', 'Bel 06-12345678 na tienen'),
    ('Z3', '9/3-24', 'Den Haag', 'ingeschreven', NULL, DATE '2024-02-01', NULL, TIMESTAMP '2022-01-01 09:00:00', 'V9', DATE '2025-07-01', 'BSN 999900018 gecontroleerd'),
    ('Z4', NULL, 'Den Haag', 'in_behandeling', NULL, DATE '2024-02-02', NULL, TIMESTAMP '2024-09-01 09:00:00', 'V1', NULL, 'Mail j.jansen@voorbeeld.example'),
    ('Z5', '09/000005-24', 'den haag', 'afgedaan', 'Sepot', DATE '2024-02-03', DATE '2024-03-03', TIMESTAMP '2024-03-03 12:00:00', 'V3', DATE '2024-01-03', 'IBAN NL91 ABNA 0417 1643 00 graag'),
    ('Z5', '13/000006-24', 'Amsterdam', 'afgedaan', 'dagvaarding', DATE '2024-02-03', DATE '2024-03-03', TIMESTAMP '2024-03-03 12:00:00', 'V2', DATE '2024-01-03', 'nummer 123456789 is geen BSN; NL91ABNA0417164301 geen IBAN'),
    ('Z6', '  ', 'Amsterdam', 'afgedaan', 'dagvaarding', DATE '2024-02-04', DATE '2024-02-04', TIMESTAMP '2024-02-04 12:00:00', 'V3', DATE '2024-01-04', 'Zaak met ''quotes''; DROP TABLE zaken; --')
  ) AS t(zaak_id, parketnummer, arrondissement, status, afdoening, instroomdatum, afdoeningsdatum, laatst_gewijzigd, verdachte_id, pleegdatum, opmerking)`,
  verdachten: `SELECT * FROM (VALUES ('V1', 1990), ('V2', 2020), ('V3', 1910)) AS t(verdachte_id, geboortejaar)`,
  vreemd: `SELECT * FROM (VALUES
    ('K1', 'a''b', 1), ('K2', 'x;y', 2), ('K3', 'ñandú', 3), ('K4', 'a''b', 4), ('K5', NULL, 5)
  ) AS t("sleutel ""id""", "straße; DROP", "getal€")`,
};

/** Writes the mini tables as Parquet into a fresh folder of the test lab's experiment (see `testDataDir`) and returns it. */
export async function writeMiniData(): Promise<string> {
  const dir = await testDataDir("mini-");
  const engine = await DuckDbEngine.open();
  try {
    for (const [name, select] of Object.entries(MINI_TABLES)) {
      const file = join(dir, `${name}.parquet`).replaceAll("'", "''");
      await engine.connection.run(`COPY (${select}) TO '${file}' (FORMAT parquet)`);
    }
  } finally {
    await engine.close();
  }
  return dir;
}

/** What each check of mini-suite.yaml must find: outcome, failing count, sample, every flagged key. */
export const MINI_EXPECTED: Record<
  string,
  { outcome: string; failing: number; sample?: string[]; flagged?: string[]; metric?: number }
> = {
  "not-null": { outcome: "failed", failing: 2, sample: ["Z4", "Z6"] },
  "not-null-fraction": { outcome: "passed", failing: 2, sample: ["Z4", "Z6"], metric: 2 / 7 },
  "not-null-warn": { outcome: "warned", failing: 2, sample: ["Z4", "Z6"] },
  pattern: { outcome: "failed", failing: 2, sample: ["Z3", "Z6"] },
  accepted: { outcome: "failed", failing: 1, sample: ["Z5"] },
  "accepted-any-case": { outcome: "passed", failing: 0, sample: [] },
  "accepted-filtered": { outcome: "failed", failing: 1, sample: ["Z5"], metric: 1 / 5 },
  unique: { outcome: "failed", failing: 2, sample: ["Z5"], flagged: ["Z5"] },
  "unique-composite": { outcome: "passed", failing: 0 },
  "row-count": { outcome: "failed", failing: 0, metric: 7 },
  "range-date": { outcome: "failed", failing: 1, sample: ["Z3"] },
  "range-number": { outcome: "failed", failing: 2, sample: ["K1", "K5"] },
  "date-order": { outcome: "failed", failing: 1, sample: ["Z2"] },
  conditional: { outcome: "failed", failing: 1, sample: ["Z2"] },
  freshness: { outcome: "failed", failing: 1, sample: ["Z3"], metric: 1 / 2 },
  referential: { outcome: "failed", failing: 1, sample: ["Z3"] },
  derived: { outcome: "failed", failing: 4, sample: ["Z2", "Z5", "Z5", "Z6"], flagged: ["Z2", "Z5", "Z6"] },
  disparity: { outcome: "failed", failing: 1, sample: ["Den Haag"], metric: 3.5 },
  pii: { outcome: "failed", failing: 4, sample: ["Z2", "Z3", "Z4", "Z5"] },
  drift: { outcome: "not_evaluated", failing: 0 },
  custom: { outcome: "failed", failing: 1, sample: ["Z2"] },
  "hostile-not-null": { outcome: "failed", failing: 1, sample: ["K5"] },
  "hostile-accepted": { outcome: "failed", failing: 1, sample: ["K3"] },
  "hostile-unique": { outcome: "failed", failing: 2, sample: ["a'b"] },
  "hostile-pattern": { outcome: "failed", failing: 1, sample: ["K3"] },
};
