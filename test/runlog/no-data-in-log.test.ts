import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  correctRecord,
  decidePrinciple,
  EngineError,
  loggedRun,
  type NewLogRecord,
  openExperiment,
  openWorkspace,
  readRunLog,
  runLogPath,
} from "../../src/index.js";
import { maskFreeText } from "../../src/runlog/mask-free-text.js";
import { makeLab, runCli } from "../helpers/cli.js";
import { signingEnv } from "../helpers/people.js";

/** What may never enter the log: a BSN that passes the 11-check, a name and an e-mail address. */
// Governance events are signed, so someone from the lab signs: a jurist, who may decide on the legal basis.
Object.assign(process.env, signingEnv("C. Bakker"));

const BSN = "111222333";
const NAME = "Jan Jansen";
const EMAIL = "jan.jansen@voorbeeld.nl";
const JUSTIFICATION = "Verkenning van de bedragen in het bestand, om te zien of ze kloppen.";

/** A CSV that DuckDB reads as numbers, until a line far past its sample holds personal data. */
async function writeBadCsv(file: string): Promise<void> {
  const lines = ["id,bedrag"];
  for (let i = 1; i <= 30_000; i++) lines.push(`${i},${i * 3}`);
  lines.push(`30001,BSN ${BSN} ${NAME} ${EMAIL}`);
  await writeFile(file, `${lines.join("\n")}\n`);
}

function expectNoPersonalData(text: string): void {
  for (const value of [BSN, NAME, EMAIL, "jansen", "Could not convert"]) expect(text).not.toContain(value);
}

describe("no data value ever enters the run log", () => {
  it("records a database error that quotes a BSN, a name and an e-mail address by code and kind", async () => {
    const lab = await makeLab();
    const workspace = openWorkspace(lab);
    const om = await openExperiment(workspace, "om-datakwaliteit");
    const csv = join(om.dir, "bedragen.csv");
    await writeBadCsv(csv);

    // Read as a dataset, the file is named in a problem of our own; read in a query of one's own, by code.
    const attached = loggedRun(workspace, om, { analysis: "som", justification: JUSTIFICATION }, async (run) => {
      await run.readDataset("bedragen", csv);
      return run.query("SELECT sum(bedrag) AS som FROM bedragen");
    });
    await expect(attached).rejects.toMatchObject({ problems: [{ code: "csv_unreadable" }] });
    const own = loggedRun(workspace, om, { analysis: "som", justification: JUSTIFICATION }, async (run) =>
      run.query(`SELECT sum(bedrag) AS som FROM read_csv('${csv.replaceAll("'", "''")}')`),
    );
    const thrown = await own.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(EngineError);
    // The user sees the database's words (on their own screen); the log gets our code and text.
    expect((thrown as EngineError).engineMessage).toContain(NAME);
    const cast = loggedRun(workspace, om, { analysis: "omzetten", justification: JUSTIFICATION }, async (run) => {
      await run.query(`SELECT CAST('${NAME} ${EMAIL} ${BSN}' AS INTEGER)`);
    });
    await expect(cast).rejects.toMatchObject({ code: "engine_data_value", kind: "data" });

    const runs = await readRunLog(runLogPath(om.dir));
    expect(runs.map((r) => r.error)).toEqual([
      { code: "csv_unreadable", kind: "input", message: expect.stringContaining("is niet te lezen") },
      { code: "engine_csv_line", kind: "data", message: expect.stringContaining("CSV-bestand") },
      { code: "engine_data_value", kind: "data", message: expect.stringContaining("past niet bij het type") },
    ]);
    expectNoPersonalData(await readFile(runLogPath(om.dir), "utf8"));
  });

  it("names the file when the main job cannot read it, and keeps the database's message out of the log", async () => {
    const lab = await makeLab();
    const dir = join(lab, "experiments/om-datakwaliteit");
    await rm(join(dir, "synth.yaml"));
    await writeBadCsv(join(dir, "bedragen.csv"));
    await writeFile(
      join(dir, "suite.yaml"),
      [
        "format: livinglab-suite/2",
        "name: bedragen",
        "datasets:",
        "  bedragen: { file: bedragen.csv, key: id }",
        "checks:",
        "  - { id: bedrag-ingevuld, kind: not_null, table: bedragen, column: bedrag }",
        "",
      ].join("\n"),
    );
    const run = runCli(["run", "om-datakwaliteit", "--root", lab, "--justification", JUSTIFICATION]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("(csv_unreadable)");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const [record] = await readRunLog(runLogPath(dir));
    expect(record).toMatchObject({ outcome: "error", error: { code: "csv_unreadable", kind: "input" } });
    expectNoPersonalData(await readFile(runLogPath(dir), "utf8"));
  });

  it("masks personal data in every text a person writes into the log", async () => {
    const lab = await makeLab();
    const workspace = openWorkspace(lab);
    const om = await openExperiment(workspace, "om-datakwaliteit");
    const { record } = await loggedRun(
      workspace,
      om,
      {
        analysis: { name: "verkenning", params: { vraag: `zaken van ${EMAIL}` } },
        justification: `Nagaan wat er bekend is over BSN ${BSN}; vragen via ${EMAIL} of 06-12345678.`,
      },
      async () => undefined,
    );
    expect(record.justification).toBe(
      "Nagaan wat er bekend is over BSN [BSN verborgen]; vragen via [e-mailadres verborgen] of [telefoonnummer verborgen].",
    );
    expect(record.analysis.params).toEqual({ vraag: "zaken van [e-mailadres verborgen]" });
    await decidePrinciple(workspace, om, {
      principle: "grondslag",
      status: "niet_van_toepassing",
      toelichting: `Besproken met ${EMAIL}, BSN ${BSN} kwam niet voor.`,
      // The role is checked against the people file now, so free text goes in the explanation.
      beslotenDoor: "jurist",
    });
    await correctRecord(workspace, om, { refersTo: "1", correctie: `Gebeld met 06.1234.5678 over ${BSN}.` });
    const log = await readFile(runLogPath(om.dir), "utf8");
    expectNoPersonalData(log);
    expect(log).not.toContain("1234.5678");
    expect(log).toContain("Besproken met [e-mailadres verborgen], BSN [BSN verborgen] kwam niet voor.");
  });

  it("masks the answers a run records as stated in advance, and keeps the hash of what the experiment said", () => {
    const sha256 = "1234567890".repeat(6).slice(0, 64);
    const masked = maskFreeText({
      type: "run_started",
      stated_in_advance: { sha256, answers: { "evaluatie.succescriteria": [`Akkoord van ${EMAIL}, BSN ${BSN}`] } },
    } as unknown as NewLogRecord) as unknown as { stated_in_advance: { sha256: string; answers: unknown } };
    expect(masked.stated_in_advance).toEqual({
      sha256,
      answers: { "evaluatie.succescriteria": ["Akkoord van [e-mailadres verborgen], BSN [BSN verborgen]"] },
    });
  });
});
