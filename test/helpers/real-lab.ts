import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  DuckDbEngine,
  decidePrinciple,
  giveReview,
  type OpenedExperiment,
  openExperiment,
  openWorkspace,
  type Workspace,
} from "../../src/index.js";
import { asUser } from "./as-user.js";
import { makeLab } from "./cli.js";

export const REAL_ID = "om-doorlooptijden";
export const REAL_DATASET = "zaken_gepseudonimiseerd";
export const JURIST = "C. Bakker";
export const PRIVACY_OFFICER = "D. Visser";
export const REVIEWER = "E. de Wit";

/**
 * A lab with the example that declares real personal data (om-doorlooptijden), a small
 * synthetic stand-in for its data (with one column it does not declare), and a suite that
 * reads only declared columns. The data is made up; the declaration is what the gates see.
 */
export async function makeRealLab(): Promise<{ lab: string; dir: string; data: string; suite: string }> {
  const lab = await makeLab([REAL_ID]);
  const dir = join(lab, "experiments", REAL_ID);
  const data = join(dir, "data", `${REAL_DATASET}.parquet`);
  await mkdir(join(dir, "data"), { recursive: true });
  const engine = await DuckDbEngine.open();
  try {
    await engine.connection.run(`COPY (SELECT 'P' || lpad(CAST(i AS VARCHAR), 6, '0') AS zaak_pseudoniem,
        ['Amsterdam', 'Rotterdam', 'Den Haag'][1 + i % 3] AS arrondissement,
        CASE WHEN i % 4 = 0 THEN 'overtreding' ELSE 'misdrijf' END AS zaaktype,
        DATE '2025-01-01' + CAST(i % 200 AS INTEGER) AS instroomdatum,
        CASE WHEN i % 5 = 0 THEN NULL ELSE DATE '2025-01-01' + CAST(i % 200 + 30 AS INTEGER) END AS afdoeningsdatum,
        'vrije tekst ' || i AS opmerking
      FROM range(600) AS t(i)) TO '${data}' (FORMAT parquet)`);
  } finally {
    await engine.close();
  }
  const suite = join(dir, "suite.yaml");
  await writeFile(
    suite,
    [
      "format: livinglab-suite/2",
      "name: doorlooptijden",
      "reference_date: 2026-06-30",
      "datasets:",
      `  ${REAL_DATASET}: { file: data/${REAL_DATASET}.parquet, key: zaak_pseudoniem }`,
      "checks:",
      `  - { id: arrondissement-ingevuld, kind: not_null, table: ${REAL_DATASET}, column: arrondissement }`,
      `  - { id: afdoening-na-instroom, kind: date_order, table: ${REAL_DATASET}, earlier: instroomdatum, later: afdoeningsdatum }`,
      "",
    ].join("\n"),
  );
  return { lab, dir, data, suite };
}

/** Opens the example with real personal data in a lab. */
export async function openReal(lab: string): Promise<{ workspace: Workspace; opened: OpenedExperiment }> {
  const workspace = openWorkspace(lab);
  return { workspace, opened: await openExperiment(workspace, REAL_ID) };
}

/** What opens the run gate on real personal data: the Mag principles decided by their owners, and a review by a colleague. */
export async function openRealGates(lab: string): Promise<void> {
  const { workspace, opened } = await openReal(lab);
  await asUser(JURIST, () =>
    decidePrinciple(workspace, opened, {
      principle: "grondslag",
      status: "voldaan",
      toelichting: "Wjsg art. 39f, DPIA uitgevoerd.",
      beslotenDoor: "jurist",
    }),
  );
  for (const principle of ["proportionaliteit", "privacy-by-design"]) {
    await asUser(PRIVACY_OFFICER, () =>
      decidePrinciple(workspace, opened, {
        principle,
        status: "voldaan",
        toelichting: "Vijf kolommen, gepseudonimiseerd, vernietiging gedateerd.",
        beslotenDoor: "privacy officer",
      }),
    );
  }
  await asUser(REVIEWER, () =>
    giveReview(workspace, opened, { verdict: "goedgekeurd", toelichting: "Opzet en grondslag nagelopen.", plan: true }),
  );
}
