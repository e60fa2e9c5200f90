import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { flaggedKeysQuery } from "../../src/checks/plan-suite.js";
import {
  type DetectorName,
  DuckDbEngine,
  type Engine,
  findPersonalData,
  loadIntoPostgres,
  loadSuite,
  maskPersonalData,
  PostgresEngine,
  personalDataDetectors,
  runSuite,
} from "../../src/index.js";
import { renderSelect } from "../../src/sql/dialect.js";
import { fileDatabase } from "../helpers/postgres-database.js";
import { testDataDir, testPermit } from "../helpers/test-run.js";

/** Free text as people write it, with what a reader may not see in it (or nothing). */
const corpus: Array<{ text: string; finds: DetectorName[]; secret?: string[] }> = [
  // BSNs that pass the 11-check, in the ways they are written.
  { text: "BSN 111222333 gecontroleerd", finds: ["bsn"], secret: ["111222333"] },
  { text: "BSN111222333", finds: ["bsn"], secret: ["111222333"] },
  { text: "bsn: 111 222 333.", finds: ["bsn"], secret: ["111 222 333"] },
  { text: "nummer 1112.22.333 op het formulier", finds: ["bsn"], secret: ["1112.22.333"] },
  { text: "111-222-333", finds: ["bsn"], secret: ["111-222-333"] },
  { text: "burgerservicenummer 999900018", finds: ["bsn"], secret: ["999900018"] },
  { text: "eerst 111222334, toen 111222333", finds: ["bsn"], secret: ["111222333"] },
  // Phone numbers.
  { text: "Bel 06-12345678 na tienen", finds: ["telefoon"], secret: ["12345678"] },
  { text: "0612345678", finds: ["telefoon"], secret: ["0612345678"] },
  { text: "mobiel 06 1234 5678", finds: ["telefoon"], secret: ["1234 5678"] },
  { text: "06.1234.5678", finds: ["telefoon"], secret: ["1234.5678"] },
  { text: "+31612345678", finds: ["telefoon"], secret: ["612345678"] },
  { text: "+31 6 12345678", finds: ["telefoon"], secret: ["12345678"] },
  { text: "+31 (0)6 12345678", finds: ["telefoon"], secret: ["12345678"] },
  { text: "0031 6 12345678", finds: ["telefoon"], secret: ["12345678"] },
  { text: "kantoor 020-1234567", finds: ["telefoon"], secret: ["1234567"] },
  { text: "+31 20 123 4567", finds: ["telefoon"], secret: ["123 4567"] },
  { text: "(020) 123 4567", finds: ["telefoon"], secret: ["123 4567"] },
  { text: "tel:0612345678.", finds: ["telefoon"], secret: ["0612345678"] },
  // E-mail addresses, also hidden from robots.
  { text: "Mail j.jansen@voorbeeld.example", finds: ["email"], secret: ["j.jansen"] },
  { text: "jan(at)voorbeeld.nl", finds: ["email"], secret: ["jan(at)"] },
  { text: "jan [at] voorbeeld [punt] nl", finds: ["email"], secret: ["jan [at]"] },
  { text: "Mail: JAN@VOORBEELD.NL!", finds: ["email"], secret: ["JAN@"] },
  { text: "J.Jansen+zaak@mail.voorbeeld.nl", finds: ["email"], secret: ["J.Jansen+zaak"] },
  { text: "josé.pérez@voorbeeld.es", finds: ["email"], secret: ["josé.pérez"] },
  // IBANs of several countries, with check digits that are right.
  { text: "IBAN NL91 ABNA 0417 1643 00 graag", finds: ["iban"], secret: ["0417 1643"] },
  { text: "NL91ABNA0417164300", finds: ["iban"], secret: ["0417164300"] },
  { text: "rekening nl91abna0417164300", finds: ["iban"], secret: ["0417164300"] },
  { text: "BE68 5390 0754 7034 voor de borg", finds: ["iban"], secret: ["5390 0754 7034"] },
  { text: "DE89 3704 0044 0532 0130 00", finds: ["iban"], secret: ["3704 0044 0532 0130"] },
  { text: "GB29 NWBK 6016 1331 9268 19", finds: ["iban"], secret: ["6016 1331 9268"] },
  { text: "FR14 2004 1010 0505 0001 3M02 606", finds: ["iban"], secret: ["2004 1010 0505"] },
  { text: "NO9386011117947", finds: ["iban"], secret: ["86011117947"] },
  { text: "BE68 5390 0754 7034 NL91 ABNA 0417 1643 00", finds: ["iban"], secret: ["5390", "0417 1643"] },
  // Several kinds in one text.
  {
    text: "Bel 06-12345678 of mail jan@voorbeeld.nl over BSN 111222333",
    finds: ["bsn", "telefoon", "email"],
    secret: ["12345678", "jan@", "111222333"],
  },
  // Look-alikes that are not personal data: they stay as they are.
  { text: "nummer 123456789 is geen BSN", finds: [] },
  { text: "1112223334", finds: [] },
  { text: "000000000", finds: [] },
  { text: "Op 2026-11-02 is parketnummer 13/123456-26 bekeken: 1,0% wijkt af.", finds: [] },
  { text: "NL91ABNA0417164301 heeft een verkeerd controlegetal", finds: [] },
  { text: "NL91ABNA041716430 is te kort", finds: [] },
  { text: "BE68 5390 0754 7035", finds: [] },
  { text: "jan@voorbeeld zonder domein", finds: [] },
  { text: "06-1234567 is te kort", finds: [] },
  { text: "0417 1643 00 is geen telefoonnummer", finds: [] },
  { text: "mobiel 06 12 34 56 78, vast 0299 12 34 56", finds: ["telefoon"], secret: ["34 56 78", "0299"] },
  { text: "zaak Z000000123, feit F0000000365", finds: [] },
  // Digits inside a run id or a hash: a hexadecimal identifier, not a BSN or a phone number.
  { text: "run 5f0c2a9e-1d3b-4c8a-ace7-08b336684290 is goedgekeurd", finds: [] },
  { text: "run e5c52c32-94ce-47fe-aea1-0336053547c2", finds: [] },
  { text: "sha256 c2356069e9d1e79ca924378153cfbbfb4d4416b1f99d41a2940bfdb66c5319db", finds: [] },
  { text: "bedrag € 1.234.567,89 en versie 1.5.6", finds: [] },
  { text: "a@b.c", finds: [] },
  { text: "", finds: [] },
];

describe("the masker", () => {
  it.each(corpus.map((entry, i) => [i, entry] as const))("case %i: %j", (_, entry) => {
    const found = [...new Set(findPersonalData(entry.text).map((s) => s.detector))].sort();
    expect(found).toEqual([...entry.finds].sort());
    const masked = maskPersonalData(entry.text);
    if (entry.finds.length === 0) expect(masked).toBe(entry.text);
    for (const secret of entry.secret ?? []) expect(masked).not.toContain(secret);
    for (const name of entry.finds) expect(masked).toContain(`[${personalDataDetectors[name].label} verborgen]`);
  });
});

describe.each(["duckdb", "postgres"])("pii_scan finds exactly what the masker finds (%s)", (engineName) => {
  const flagged = new Map<DetectorName, string[]>();

  beforeAll(async () => {
    const dir = await testDataDir("pii-");
    const rows = corpus.map((entry, i) => `('C${i}', '${entry.text.replaceAll("'", "''")}')`).join(",\n");
    const duckdb = await DuckDbEngine.open();
    try {
      const file = join(dir, "teksten.parquet");
      await duckdb.connection.run(
        `COPY (SELECT * FROM (VALUES ${rows}) AS t(id, tekst)) TO '${file.replaceAll("'", "''")}' (FORMAT parquet)`,
      );
    } finally {
      await duckdb.close();
    }
    const names = Object.keys(personalDataDetectors) as DetectorName[];
    const suite = [
      "format: livinglab-suite/2",
      "name: pii-corpus",
      "datasets:",
      "  teksten: { file: teksten.parquet, key: id }",
      "checks:",
      ...names.map((name) => `  - { id: ${name}, kind: pii_scan, table: teksten, column: tekst, detect: [${name}] }`),
    ].join("\n");
    await writeFile(join(dir, "suite.yaml"), `${suite}\n`);
    let engine: Engine;
    if (engineName === "postgres") {
      await loadIntoPostgres(
        await testPermit(),
        { name: "teksten", file: join(dir, "teksten.parquet") },
        { table: "teksten", pgUrl: await fileDatabase() },
      );
      engine = await PostgresEngine.connect(await fileDatabase());
    } else {
      engine = await DuckDbEngine.open();
    }
    try {
      const outcome = await runSuite(engine, await loadSuite(join(dir, "suite.yaml")), await testPermit(), {});
      // The keys each check flags, by the same query the exam joins to its ground truth.
      for (const planned of outcome.plan.checks) {
        const keys = flaggedKeysQuery(planned);
        const rows = keys ? await engine.query(renderSelect(keys, engine.dialect)) : [];
        flagged.set(planned.check.id as DetectorName, rows.map((row) => String(row.k)).sort());
      }
    } finally {
      await engine.close();
    }
  });

  it.each(Object.keys(personalDataDetectors) as DetectorName[])("%s", (name) => {
    const expected = corpus.flatMap((entry, i) => (entry.finds.includes(name) ? [`C${i}`] : [])).sort();
    expect(flagged.get(name)).toEqual(expected);
  });
});
