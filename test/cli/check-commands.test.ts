import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  checkKinds,
  checkResultsFileSchema,
  DuckDbEngine,
  dimensions,
  generateOm,
  loadSuite,
  readRunLog,
} from "../../src/index.js";
import { runCli } from "../helpers/cli.js";
import { ENGLISH_WORDS } from "../helpers/layout-checks.js";
import { fileDatabase, fileDatabaseEnv } from "../helpers/postgres-database.js";
import { testLab, testPermit } from "../helpers/test-run.js";

const WHY = "Test van de opdrachtregel: exitcodes, JSON en logboek van de datakwaliteitscontroles.";
let lab: string;
let experiment: string;
let suite: string;
let defects: string;
let clean: string;

beforeAll(async () => {
  // The same lab as the engine-level permit of this file (testPermit), which reads its data.
  lab = await testLab();
  experiment = join(lab, "experiments/om-datakwaliteit");
  suite = join(experiment, "suite.yaml");
  // Other copies of the experiment's data live in its folder: the door reads data nowhere else.
  defects = join(experiment, "all");
  clean = join(experiment, "none");
  await generateOm({ out: defects, zaken: 2000, seed: 4, asOf: "2026-06-30", defects: "all" });
  await generateOm({ out: clean, zaken: 2000, seed: 4, asOf: "2026-06-30", defects: "none" });
});

const log = () => readRunLog(join(experiment, "runlog.jsonl"));

describe("livinglab check", () => {
  it("exits 1 when a check fails, prints the table, writes the JSON and logs the run", async () => {
    const before = (await log()).length;
    const json = join(lab, "out/check.json");
    const run = runCli(["check", suite, "--data", defects, "--json", json, "--justification", WHY]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("NIET IN ORDE");
    const written = JSON.parse(await readFile(json, "utf8"));
    expect(written.format).toBe("livinglab-check-results/3");
    const parsed = checkResultsFileSchema.parse(written);
    expect(new Set(parsed.checks.map((c) => c.unit))).toEqual(new Set(["share", "count", "ratio", "share_change"]));
    // A file others read: no count of one to four rows, no share or keys that would give it away.
    const suppressed = parsed.checks.filter((c) => c.failing_count === "< 5");
    expect(suppressed.length).toBeGreaterThan(0);
    for (const check of suppressed) expect(check).toMatchObject({ metric: null, sample: [] });
    for (const check of parsed.checks.filter((c) => c.counted === "rows")) {
      if (typeof check.failing_count === "number")
        expect(check.failing_count === 0 || check.failing_count >= 5).toBe(true);
    }
    const records = await log();
    expect(records).toHaveLength(before + 1);
    expect(records.at(-1)?.justification).toBe(WHY);
    expect(records.at(-1)?.id).toBe(written.run_id);
    // The run log keeps each metric's unit, so charts over the runs need not guess it.
    expect(records.at(-1)?.metric_units).toEqual(Object.fromEntries(parsed.checks.map((c) => [c.id, c.unit])));
    // The terminal table shows each metric in its unit.
    expect(run.stdout).toMatch(/zaken-aantal-rijen\s+Compleetheid\s+aantal rijen\s+in orde\s+\d\.\d{3}\s/);
    // The same Dutch words as the site: dimension and kind names, never the internal codes or English.
    expect(run.stdout).toMatch(/zaken-parketnummer-vorm\s+Geldigheid\s+vaste vorm\s/);
    const [header = ""] = run.stdout.split("\n");
    expect(header.split(/\s{2,}/)).toEqual([
      "controle",
      "soort",
      "toets",
      "uitkomst",
      "gemeten",
      "afwijkend",
      "voorbeeld (sleutels) of reden",
    ]);
    const outsideKeys = run.stdout.replace(/^\S+/gm, "");
    for (const internal of [...checkKinds, ...dimensions, ...ENGLISH_WORDS])
      expect(outsideKeys, internal).not.toMatch(new RegExp(`(^|[^\\p{L}_-])${internal}($|[^\\p{L}_-])`, "u"));
    expect(run.stdout).toContain("Uitkomst: niet in orde.");
    expect(run.stdout).toMatch(/zaken-pleegdatum-per-arrondissement .* \d+,?\d* keer\s+\d+ van \d+ groepen/);
  });

  it("exits 2 when only a warning check fails, and 0 when all pass", async () => {
    const warn = join(experiment, "waarschuwing.yaml");
    await writeFile(
      warn,
      [
        "format: livinglab-suite/2",
        "name: waarschuwing",
        "datasets:",
        "  zaken: { file: data/zaken.parquet, key: zaak_id }",
        "checks:",
        "  - { id: opmerking-ingevuld, kind: not_null, table: zaken, column: opmerking, severity: warn }",
        "  - { id: zaak-id-uniek, kind: unique_key, table: zaken, columns: [zaak_id] }",
      ].join("\n"),
    );
    const warned = runCli(["check", warn, "--data", clean, "--justification", WHY]);
    expect(warned.stdout).toContain("let op");
    expect(warned.code).toBe(2);
    runCli(["check", suite, "--data", clean, "--justification", WHY]);
    const passed = runCli(["check", suite, "--data", clean, "--justification", WHY]);
    expect(passed.stdout).toContain("Uitkomst: in orde.");
    expect(passed.code).toBe(0);
  });

  it("exits 3 without a justification and writes nothing", async () => {
    const before = (await log()).length;
    const json = join(lab, "out/refused.json");
    const run = runCli(["check", suite, "--data", clean, "--json", json]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("verantwoording");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(json)).toBe(false);
    expect(await log()).toHaveLength(before);
  });

  it("exits 3 for an unknown engine or a missing suite, with a Dutch hint", () => {
    const engine = runCli(["check", suite, "--engine", "oracle", "--justification", WHY]);
    expect(engine.code).toBe(3);
    expect(engine.stderr).toContain("duckdb, postgres");
    const missing = runCli(["check", join(experiment, "bestaat-niet.yaml"), "--justification", WHY]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("bestaat-niet.yaml");
  });

  it("documents the exit codes in its help", () => {
    const help = runCli(["check", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/0 alles in orde, 1 een controle afgekeurd, 2 alleen waarschuwingen/);
  });
});

describe("livinglab load and check --engine postgres", () => {
  it("loads the datasets with COPY and gives the same results as DuckDB, with the same content fingerprints", async () => {
    const env = await fileDatabaseEnv();
    const load = runCli(["load", suite, "--data", defects, "--engine", "postgres", "--justification", WHY], { env });
    expect(load.stderr).toBe("");
    expect(load.code).toBe(0);
    expect(load.stdout).toMatch(/rijen geladen in tabel zaken/);
    const outputs: Record<string, unknown>[] = [];
    const fingerprints: Record<string, Record<string, string>> = {};
    for (const engine of ["duckdb", "postgres"]) {
      const json = join(lab, `out/${engine}.json`);
      const run = runCli(
        ["check", suite, "--data", defects, "--engine", engine, "--json", json, "--justification", WHY],
        { env },
      );
      expect(run.code, run.stderr).toBe(1);
      const { run_id, engine: __, checks, ...rest } = JSON.parse(await readFile(json, "utf8"));
      // Drift compares with the runs before it, which differ between the two; the rest must match.
      outputs.push({ ...rest, checks: checks.filter((c: { kind: string }) => c.kind !== "drift") });
      const record = (await log()).find((r) => r.id === run_id);
      // A file is recorded by its hash (no content fingerprint); a table on the server by its content.
      for (const read of record?.data ?? []) {
        expect(read.file !== undefined).toBe(engine === "duckdb");
        expect(read.content_sha256 !== undefined).toBe(engine === "postgres");
        fingerprints[engine] = {
          ...fingerprints[engine],
          [read.name]:
            read.content_sha256 ?? (await DuckDbEngine.fingerprintFile(join(defects, `${read.name}.parquet`))).sha256,
        };
      }
    }
    expect(outputs[1]).toEqual(outputs[0]);
    // The same rows give the same content fingerprint on both engines, from Parquet and from a server table.
    expect(Object.keys(fingerprints.duckdb ?? {}).sort()).toEqual(["feiten", "verdachten", "zaken"]);
    expect(fingerprints.postgres).toEqual(fingerprints.duckdb);
  });

  it("takes its connection from a URL option as well", async () => {
    const run = runCli([
      "load",
      join(clean, "verdachten.parquet"),
      "--suite",
      suite,
      "--engine",
      "postgres",
      "--justification",
      WHY,
      "--pg-url",
      await fileDatabase(),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/rijen geladen in tabel verdachten/);
  });
});

describe("livinglab evaluate", () => {
  it("prints recall and precision per defect kind and writes them as a JSON list", async () => {
    const json = join(lab, "out/exam.json");
    const run = runCli([
      "evaluate",
      suite,
      "--data",
      defects,
      "--truth",
      join(defects, "ground_truth.parquet"),
      "--json",
      json,
      "--justification",
      WHY,
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Geslaagd");
    const scores = JSON.parse(await readFile(json, "utf8"));
    expect(scores.length).toBe(13);
    for (const score of scores) expect(score).toMatchObject({ recall: 1, precision: 1 });
  });

  it("exits 3 when the ground truth is missing", () => {
    const run = runCli([
      "evaluate",
      suite,
      "--data",
      defects,
      "--truth",
      join(defects, "nee.parquet"),
      "--justification",
      WHY,
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("nee.parquet");
  });
});

describe("livinglab profile", () => {
  it("profiles a dataset and proposes a starter suite that holds on that data", async () => {
    const data = join(experiment, "data");
    await generateOm({ out: data, zaken: 500, seed: 9, asOf: "2026-06-30", defects: "none" });
    const starter = join(experiment, "start.yaml");
    const json = join(lab, "out/profile.json");
    const run = runCli([
      "profile",
      join(data, "zaken.parquet"),
      "--starter",
      starter,
      "--json",
      json,
      "--justification",
      WHY,
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("vormen: 99/999999-99");
    const profile = JSON.parse(await readFile(json, "utf8"));
    // A key has too many values to be a code list, so none of them is shown.
    const key = profile.columns.find((c: { name: string }) => c.name === "zaak_id");
    expect(key.values).toEqual([]);
    const loaded = await loadSuite(starter);
    expect(loaded.suite.checks.map((c) => c.kind)).toEqual(
      expect.arrayContaining(["not_null", "unique_key", "accepted_values", "value_range"]),
    );
    // A pattern says in words what the value looks like, with a made-up example that no row holds.
    const patterns = loaded.suite.checks.filter((c) => c.kind === "pattern") as unknown as Array<{
      column: string;
      explanation?: string;
      example?: string;
    }>;
    expect(patterns.find((c) => c.column === "parketnummer")).toMatchObject({
      explanation: "twee cijfers, een schuine streep, zes cijfers, een streepje en twee cijfers",
      example: "12/345678-90",
    });
    const engine = await DuckDbEngine.open();
    try {
      await (await testPermit()).attach(engine, { name: "zaken", file: join(data, "zaken.parquet") });
      for (const pattern of patterns) {
        expect(pattern.explanation, pattern.column).toBeTruthy();
        if (pattern.example === undefined) continue;
        const [row] = await engine.query(
          `SELECT count(*) AS n FROM zaken WHERE CAST("${pattern.column}" AS VARCHAR) = '${pattern.example.replaceAll("'", "''")}'`,
        );
        expect(Number(row?.n), `${pattern.column}: ${pattern.example}`).toBe(0);
      }
    } finally {
      await engine.close();
    }
    // The ranges leave the most extreme rows out, as warnings: nothing fails on the data it came from.
    const check = runCli(["check", starter, "--justification", WHY]);
    expect(check.stdout).toMatch(/Uitkomst: (in orde|let op)\./);
    expect(check.stdout).not.toContain("vast patroon");
    expect([0, 2]).toContain(check.code);
  });

  it("shows no one's value and no small count: no minimum or maximum, no rare value, no count of one to four", async () => {
    // With every defect: dates in the future, codes that occur once or twice, a few missing values.
    const data = join(experiment, "gebreken");
    await generateOm({ out: data, zaken: 2000, seed: 4, asOf: "2026-06-30", defects: "all" });
    const starter = join(experiment, "start-gebreken.yaml");
    const json = join(lab, "out/profile-gebreken.json");
    const run = runCli([
      "profile",
      join(data, "zaken.parquet"),
      "--starter",
      starter,
      "--json",
      json,
      "--justification",
      WHY,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const engine = await DuckDbEngine.open();
    let extremes: string[];
    let rare: string[];
    try {
      await (await testPermit()).attach(engine, { name: "zaken", file: join(data, "zaken.parquet") });
      const [row] = await engine.query(
        "SELECT CAST(min(pleegdatum) AS VARCHAR) AS a, CAST(max(pleegdatum) AS VARCHAR) AS b, CAST(min(afdoeningsdatum) AS VARCHAR) AS c, CAST(max(afdoeningsdatum) AS VARCHAR) AS d FROM zaken",
      );
      extremes = Object.values(row ?? {}).map(String);
      rare = (
        await engine.query(
          "SELECT zaaktype AS v FROM zaken WHERE zaaktype IS NOT NULL GROUP BY zaaktype HAVING count(*) < 5",
        )
      ).map((r) => String(r.v));
    } finally {
      await engine.close();
    }
    expect(rare.length).toBeGreaterThan(0);
    for (const file of [json, starter]) {
      const text = await readFile(file, "utf8");
      for (const value of [...extremes, ...rare]) expect(text, `${file} shows ${value}`).not.toContain(value);
      expect(text).not.toMatch(/"count": [1-4],/);
    }
    const profile = JSON.parse(await readFile(json, "utf8"));
    expect(profile.format).toBe("livinglab-profile/2");
    const zaaktype = profile.columns.find((c: { name: string }) => c.name === "zaaktype");
    expect(zaaktype.values).toEqual([]);
    const loaded = await loadSuite(starter);
    expect(loaded.suite.checks.filter((c) => c.kind === "accepted_values").map((c) => c.id)).not.toContain(
      "zaken-zaaktype-geldig",
    );
  });
});
