import { cp, mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  checkSuite,
  DuckDbEngine,
  destroyData,
  evaluateSuite,
  loadData,
  loggedRun,
  openExperiment,
  openWorkspace,
  profileFile,
  readLogRecords,
} from "../../src/index.js";
import { asUser } from "../helpers/as-user.js";
import { REPO, runCli } from "../helpers/cli.js";
import { fileDatabase } from "../helpers/postgres-database.js";
import { problemsOf } from "../helpers/problems.js";
import { makeRealLab, openReal, openRealGates, REAL_DATASET, REAL_ID } from "../helpers/real-lab.js";
import { useTempDirs } from "../helpers/temp-dirs.js";

const WHY = "Test van waar data mag staan: alleen in het experiment of op een vastgelegde plek in het lab.";
const SYNTH = "om-datakwaliteit";
const tempDir = useTempDirs();

let lab: string;
let real: string;
let realData: string;
let synth: string;
let outside: string;

const records = async (dir: string) => (await readLogRecords(join(dir, "runlog.jsonl"))).length;

async function writeSuite(dir: string, name: string, datasets: string[], table = "zaken"): Promise<string> {
  const file = join(dir, `${name}.yaml`);
  await writeFile(
    file,
    [
      "format: livinglab-suite/2",
      `name: ${name}`,
      "datasets:",
      ...datasets.map((d) => `  ${d}`),
      "checks:",
      `  - { id: ingevuld, kind: not_null, table: ${table}, column: arrondissement }`,
      "",
    ].join("\n"),
  );
  return file;
}

/** Rewrites the synthetic experiment's declaration of `zaken`: a newer template and a `locatie`. */
async function declareZakenAt(location: string): Promise<void> {
  const file = join(synth, "experiment.yaml");
  const text = (await readFile(file, "utf8"))
    .replace(/^template: datakwaliteit@[0-9.]+$/m, "template: datakwaliteit@1.5.0")
    .replace(/( {4}- naam: zaken\n)((?: {6}.*\n)*)/, (_m, head: string, rest: string) => {
      const kept = rest.replace(/ {6}locatie: .*\n/, "");
      return `${head}${kept}      locatie: ${location}\n`;
    });
  await writeFile(file, text);
}

beforeAll(async () => {
  ({ lab, dir: real, data: realData } = await makeRealLab());
  synth = join(lab, "experiments", SYNTH);
  await cp(join(REPO, "experiments", SYNTH), synth, {
    recursive: true,
    filter: (src) => !/\/(data|rapport)$|runlog\.jsonl/.test(src),
  });
  outside = await tempDir("livinglab-buiten-");
  await cp(realData, join(outside, "zaken.parquet"));
  await mkdir(join(lab, "datasets", "om-levering"), { recursive: true });
  await cp(realData, join(lab, "datasets", "om-levering", "zaken.parquet"));
  await mkdir(join(lab, "datasets", "andere"), { recursive: true });
  await cp(realData, join(lab, "datasets", "andere", "zaken.parquet"));
});

/** The rows of a Parquet file saved as CSV: the same content under another file and format. */
async function saveAsCsv(parquet: string, csv: string): Promise<void> {
  const engine = await DuckDbEngine.open();
  try {
    await engine.connection.run(`COPY (SELECT * FROM read_parquet('${parquet}')) TO '${csv}' (FORMAT csv)`);
  } finally {
    await engine.close();
  }
}

describe("where data may live", () => {
  it("a synthetic experiment's suite cannot read another experiment's real data through '..': refused at the suite's line, nothing logged", async () => {
    const suite = await writeSuite(synth, "stiekem", [
      `zaken: { file: ../${REAL_ID}/data/${REAL_DATASET}.parquet, key: zaak_pseudoniem }`,
      `geheim: { file: ../${REAL_ID}/data/${REAL_DATASET}.parquet, key: zaak_pseudoniem }`,
    ]);
    const before = await records(synth);
    const problems = await problemsOf(() => checkSuite({ suite, justification: WHY }));
    expect(problems.map((p) => p.code)).toEqual(["gate_data_location_undeclared", "gate_data_location_undeclared"]);
    const [declaredOnly, undeclared] = problems;
    expect(declaredOnly).toMatchObject({ file: suite, line: 4 });
    expect(declaredOnly?.message).toContain(`experiments/${REAL_ID}/data/${REAL_DATASET}.parquet`);
    expect(declaredOnly?.hint).toContain("locatie: datasets/");
    expect(undeclared).toMatchObject({ file: suite, line: 5 });
    expect(undeclared?.message).toContain("declareert deze dataset niet");
    expect(undeclared?.hint).toMatch(/^Declareer de dataset onder data\.datasets/);
    expect(await records(synth)).toBe(before);
  });

  it("an absolute path outside the lab, and a symbolic link in the experiment that leads out of it, are refused", async () => {
    await symlink(outside, join(synth, "koppeling"));
    const absolute = await writeSuite(synth, "absoluut", [
      `zaken: { file: ${join(outside, "zaken.parquet")}, key: zaak_pseudoniem }`,
    ]);
    const linked = await writeSuite(synth, "koppeling", [
      "zaken: { file: koppeling/zaken.parquet, key: zaak_pseudoniem }",
    ]);
    const before = await records(synth);
    for (const suite of [absolute, linked]) {
      const problems = await problemsOf(() => checkSuite({ suite, justification: WHY }));
      expect(problems.map((p) => p.code)).toEqual(["gate_data_outside_lab"]);
      expect(problems[0]).toMatchObject({ file: suite, line: 4 });
    }
    expect(await records(synth)).toBe(before);
  });

  it("every front-end meets the same rule: CLI check, evaluate and profile, evaluateSuite, profileFile, loggedRun", async () => {
    const suite = join(synth, "suite.yaml");
    const before = await records(synth);
    const cli = runCli(["check", join(synth, "stiekem.yaml"), "--root", lab, "--justification", WHY]);
    expect(cli.code).toBe(3);
    expect(cli.stderr).toContain("gate_data_location_undeclared");
    expect(cli.stderr).toContain("stiekem.yaml:4");
    expect(cli.stderr).not.toMatch(/\n\s+at /);
    const evaluate = runCli([
      "evaluate",
      suite,
      "--data",
      outside,
      "--truth",
      join(outside, "zaken.parquet"),
      "--root",
      lab,
      "--justification",
      WHY,
    ]);
    expect(evaluate.code).toBe(3);
    expect(evaluate.stderr).toContain("gate_data_outside_lab");
    const codes = async (call: () => Promise<unknown>) => (await problemsOf(call)).map((p) => p.code);
    expect(
      await codes(() => evaluateSuite({ suite, dataDir: outside, truth: join(outside, "t.csv"), justification: WHY })),
    ).toContain("gate_data_outside_lab");
    expect(
      await codes(() => profileFile({ target: join(outside, "zaken.parquet"), suite, justification: WHY })),
    ).toEqual(["gate_data_outside_lab"]);
    const opened = await openExperiment(openWorkspace(lab), SYNTH);
    expect(
      await codes(() =>
        loggedRun(openWorkspace(lab), opened, { analysis: "telling", justification: WHY }, async (run) => {
          await run.readDataset("zaken", realData);
          return run.query("SELECT count(*) AS n FROM zaken");
        }),
      ),
    ).toEqual(["gate_data_location_undeclared"]);
    // loggedRun opened a run before the dataset was named: it ends refused, having read nothing.
    const log = await readLogRecords(join(synth, "runlog.jsonl"));
    const ended = log.slice(before).filter((r) => r.type === "run");
    expect(ended.map((r) => r.type === "run" && r.outcome)).toEqual(["refused"]);
    expect(ended.every((r) => r.type === "run" && (r.data ?? []).length === 0)).toBe(true);
  });

  it("a place the experiment declares (locatie) is read without a copy; the record and 'log show' name it", async () => {
    await declareZakenAt("datasets/om-levering/zaken.parquet");
    const suite = await writeSuite(synth, "gedeeld", ["zaken: { key: zaak_pseudoniem }"]);
    const run = await checkSuite({ suite, justification: WHY });
    expect(run.record.outcome).not.toBe("error");
    expect(run.record.datasets).toEqual([
      expect.objectContaining({ name: "zaken", location: "datasets/om-levering/zaken.parquet" }),
    ]);
    expect(run.record.data?.[0]?.file?.location).toBe("datasets/om-levering/zaken.parquet");
    expect(run.record.data?.[0]?.rows).toBe(600);
    const show = runCli(["log", "show", run.record.id, "--root", lab]);
    expect(show.stdout).toContain("datasets/om-levering/zaken.parquet (plek in het lab)");
    const site = join(lab, "site");
    expect(runCli(["site", "--out", site, "--root", lab]).code).toBe(0);
    const runPage = await readFile(join(site, "experimenten", SYNTH, "runs-1.html"), "utf8");
    expect(runPage).toContain("datasets/om-levering/zaken.parquet (plek in het lab)");
    // The suite may name the file too, as long as it lies in the declared place.
    const named = await writeSuite(synth, "genoemd", [
      "zaken: { file: ../../datasets/om-levering/zaken.parquet, key: zaak_pseudoniem }",
    ]);
    expect((await checkSuite({ suite: named, justification: WHY })).record.datasets[0]?.location).toBe(
      "datasets/om-levering/zaken.parquet",
    );
    const elsewhere = await writeSuite(synth, "elders", [
      "zaken: { file: ../../datasets/andere/zaken.parquet, key: zaak_pseudoniem }",
    ]);
    const problems = await problemsOf(() => checkSuite({ suite: elsewhere, justification: WHY }));
    expect(problems.map((p) => p.code)).toEqual(["gate_data_outside_location"]);
  });

  it("a declared place lies inside the lab and outside the experiments' folders: validate names its line, the door its real path", async () => {
    const suite = join(synth, "gedeeld.yaml");
    const file = join(synth, "experiment.yaml");
    for (const [location, code] of [
      [`experiments/${REAL_ID}/data/${REAL_DATASET}.parquet`, "location_in_experiment"],
      ["../buiten/zaken.parquet", "location_outside_lab"],
      [join(outside, "zaken.parquet"), "location_outside_lab"],
    ] as const) {
      await declareZakenAt(location);
      const line = (await readFile(file, "utf8")).split("\n").findIndex((l) => l.includes("locatie:")) + 1;
      const problems = await problemsOf(() => checkSuite({ suite, justification: WHY }));
      expect(problems, location).toEqual([
        expect.objectContaining({ code, file, line, path: ["data", "datasets", 0, "locatie"] }),
      ]);
    }
    // A link in the lab that leads out of it passes 'validate', but not the door.
    await symlink(outside, join(lab, "datasets", "koppeling"));
    await declareZakenAt("datasets/koppeling/zaken.parquet");
    const before = await records(synth);
    const problems = await problemsOf(() => checkSuite({ suite, justification: WHY }));
    expect(problems.map((p) => p.code)).toEqual(["gate_location_outside_lab"]);
    expect(await records(synth)).toBe(before);
    await declareZakenAt("datasets/om-levering/zaken.parquet");
  });

  it("load copies a dataset from its declared place to PostgreSQL, and the server's table gives the same content fingerprint", async () => {
    const suite = join(synth, "gedeeld.yaml");
    const pgUrl = await fileDatabase();
    const { loaded, record } = await loadData({ target: suite, pgUrl, justification: WHY });
    expect(loaded).toEqual([{ table: "zaken", rows: 600 }]);
    expect(record.datasets).toEqual([expect.objectContaining({ location: "datasets/om-levering/zaken.parquet" })]);
    const onDuckDb = await checkSuite({ suite, justification: WHY });
    const onServer = await checkSuite({ suite, engine: "postgres", pgUrl, justification: WHY });
    // The file on DuckDB is recorded by its hash; its rows give the server table's fingerprint.
    expect(onDuckDb.record.data?.[0]?.file?.location).toBe("datasets/om-levering/zaken.parquet");
    const fromFile = await DuckDbEngine.fingerprintFile(join(lab, "datasets/om-levering/zaken.parquet"));
    expect(onServer.record.data?.[0]?.content_sha256).toBe(fromFile.sha256);
    expect(onServer.record.data?.[0]?.table).toBe("zaken");
  });

  it("on real personal data in a shared place the gates hold the same, and the run records the place", async () => {
    const file = join(real, "experiment.yaml");
    await mkdir(join(lab, "datasets", "doorlooptijden"), { recursive: true });
    await cp(realData, join(lab, "datasets", "doorlooptijden", `${REAL_DATASET}.parquet`));
    await writeFile(
      file,
      (await readFile(file, "utf8"))
        .replace(/^template: basis@[0-9.]+$/m, "template: basis@1.4.0")
        .replace(/( {4}- naam: zaken_gepseudonimiseerd\n)/, `$1      locatie: datasets/doorlooptijden\n`),
    );
    const suite = await writeSuite(
      real,
      "gedeeld",
      [`${REAL_DATASET}: { file: ../../datasets/doorlooptijden/${REAL_DATASET}.parquet, key: zaak_pseudoniem }`],
      REAL_DATASET,
    );
    const closed = (await problemsOf(() => checkSuite({ suite, justification: WHY }))).map((p) => p.code);
    expect(closed).toContain("gate_review_missing");
    expect(closed.filter((code) => /location|outside/.test(code))).toEqual([]);
    await openRealGates(lab);
    const { record } = await checkSuite({ suite, justification: WHY });
    expect(record.datasets[0]).toMatchObject({
      name: REAL_DATASET,
      location: `datasets/doorlooptijden/${REAL_DATASET}.parquet`,
    });
    expect(relative(real, join(lab, record.datasets[0]?.location ?? ""))).toBe(record.datasets[0]?.path);
    const { opened } = await openReal(lab);
    expect(opened.experiment.template).toBe("basis@1.4.0");
  });

  it("data destroyed in the experiment is refused from a shared place too: the same file by its hash, the same rows by their content", async () => {
    const shared = join(lab, "datasets", "om-levering");
    await mkdir(join(synth, "kopie"));
    await cp(join(shared, "zaken.parquet"), join(synth, "kopie", "zaken.parquet"));
    await saveAsCsv(join(shared, "zaken.parquet"), join(shared, "zaken.csv"));
    // A run reads the experiment's own copy, so the log knows its content; then the copy is destroyed.
    await checkSuite({
      suite: await writeSuite(synth, "kopie", ["zaken: { file: kopie/zaken.parquet, key: zaak_pseudoniem }"]),
      justification: WHY,
    });
    const workspace = openWorkspace(lab);
    await asUser("A. de Vries", async () =>
      destroyData(workspace, await openExperiment(workspace, SYNTH), { paths: ["kopie"], reden: "Proef afgelopen." }),
    );
    await declareZakenAt("datasets/om-levering");
    const sameFile = await writeSuite(synth, "zelfde-bestand", [
      "zaken: { file: ../../datasets/om-levering/zaken.parquet, key: zaak_pseudoniem }",
    ]);
    const sameRows = await writeSuite(synth, "zelfde-rijen", [
      "zaken: { file: ../../datasets/om-levering/zaken.csv, key: zaak_pseudoniem }",
    ]);
    for (const suite of [sameFile, sameRows]) {
      const codes = (await problemsOf(() => checkSuite({ suite, justification: WHY }))).map((p) => p.code);
      expect(codes, suite).toEqual(["gate_data_destroyed"]);
    }
    await declareZakenAt("datasets/om-levering/zaken.parquet");
  });

  it("a destroyed file that no run read is known by its content too: the same rows as CSV are refused", async () => {
    const shared = join(lab, "datasets", "om-levering");
    await mkdir(join(synth, "nooit-gelezen"));
    await cp(join(shared, "zaken.parquet"), join(synth, "nooit-gelezen", "zaken.parquet"));
    await saveAsCsv(join(shared, "zaken.parquet"), join(shared, "zaken-kopie.csv"));
    const workspace = openWorkspace(lab);
    const destroyed = await asUser("A. de Vries", async () =>
      destroyData(workspace, await openExperiment(workspace, SYNTH), {
        paths: ["nooit-gelezen"],
        reden: "Proef afgelopen.",
      }),
    );
    // Read whole at the destruction, before the file went: its rows and columns, by content.
    expect(destroyed.contents).toEqual([
      expect.objectContaining({ file: destroyed.files[0]?.sha256, method: "livinglab-inhoud/1" }),
    ]);
    await declareZakenAt("datasets/om-levering");
    const sameRows = await writeSuite(synth, "zelfde-rijen-ongelezen", [
      "zaken: { file: ../../datasets/om-levering/zaken-kopie.csv, key: zaak_pseudoniem }",
    ]);
    const codes = (await problemsOf(() => checkSuite({ suite: sameRows, justification: WHY }))).map((p) => p.code);
    expect(codes).toEqual(["gate_data_destroyed"]);
    await declareZakenAt("datasets/om-levering/zaken.parquet");
  });
});
