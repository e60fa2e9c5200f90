import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  listReviews,
  openExperiment,
  openRun,
  openWorkspace,
  readLogRecords,
  samePerson,
  verifyRunLog,
} from "../../src/index.js";
import { makeLab, runCli } from "../helpers/cli.js";

const JUSTIFICATION = "Run voor de governancetest: een run die daarna wordt gereviewd en gepubliceerd.";
const as = (name: string) => ({
  env: { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1", LIVINGLAB_USER: name },
});

describe("governance events in the run log", () => {
  it("records decisions, reviews, publications, destruction and corrections, refusing a review by the author", async () => {
    const lab = await makeLab();
    const dir = join(lab, "experiments/om-datakwaliteit");
    const cli = (who: string, ...args: string[]) => runCli([...args, "--root", lab], as(who));
    cli("Analist A", "run", "om-datakwaliteit", "--justification", JUSTIFICATION);

    const own = cli(
      "analist a",
      "review",
      "om-datakwaliteit",
      "--verdict",
      "goedgekeurd",
      "--note",
      "Ziet er goed uit.",
    );
    expect(own.code).toBe(3);
    expect(own.stderr).toContain("een review moet van iemand anders komen. (review_by_author)");

    const review = cli(
      "Reviewer B",
      "review",
      "om-datakwaliteit",
      "--verdict",
      "goedgekeurd",
      "--note",
      "Controles nagelopen.",
    );
    expect(review.stderr).toBe("");
    expect(review.stdout).toMatch(
      /Review \(goedgekeurd\) van run [0-9a-f]{8} door Reviewer B vastgelegd als record 3\./,
    );

    const decide = cli(
      "Jurist C",
      "decide",
      "om-datakwaliteit",
      "grondslag",
      "--status",
      "niet_van_toepassing",
      "--note",
      "Alleen synthetische data.",
      "--decided-by",
      "jurist",
    );
    expect(decide.code).toBe(0);
    expect(
      cli("Jurist C", "decide", "om-datakwaliteit", "grondslagg", "--status", "voldaan", "--note", "Typfout.").stderr,
    ).toContain("Er is geen uitgangspunt 'grondslagg'.");

    const publish = cli("Analist A", "publish", "om-datakwaliteit", "--to", "Hoofd informatievoorziening OM");
    expect(publish.code).toBe(0);
    const destroy = cli(
      "Analist A",
      "destroy-data",
      "om-datakwaliteit",
      "data",
      "--reason",
      "Bewaartermijn van de proef verlopen.",
    );
    expect(destroy.stdout).toMatch(/\d bestand\(en\) vernietigd en vastgelegd als record 6/);
    expect(existsSync(join(dir, "data"))).toBe(false);

    const before = await readFile(join(dir, "runlog.jsonl"), "utf8");
    const correct = cli(
      "Analist A",
      "correct",
      "om-datakwaliteit",
      "2",
      "--note",
      "De run gebruikte de levering van september.",
    );
    expect(correct.stdout).toContain("Correctie op record 2 vastgelegd als record 7.");
    expect((await readFile(join(dir, "runlog.jsonl"), "utf8")).startsWith(before)).toBe(true);

    const records = await readLogRecords(join(dir, "runlog.jsonl"));
    expect(records.map((r) => r.type)).toEqual([
      "run_started",
      "run",
      "review_given",
      "principle_decided",
      "summary_published",
      "data_destroyed",
      "correction",
    ]);
    const [published, destroyed, correction] = records.slice(4);
    expect(published).toMatchObject({
      file: { path: "rapport/samenvatting-definitief.html" },
      aan: "Hoofd informatievoorziening OM",
      run: records[1]?.id,
    });
    const gone = destroyed?.type === "data_destroyed" ? destroyed.files.map((f) => f.path) : [];
    expect(gone).toEqual(
      expect.arrayContaining(["data/feiten.parquet", "data/verdachten.parquet", "data/zaken.parquet"]),
    );
    expect(correction).toMatchObject({
      refers_to: { seq: 2, id: records[1]?.id, type: "run", hash: records[1]?.hash },
    });

    const reviews = await listReviews(dir);
    expect(reviews).toEqual([
      expect.objectContaining({
        seq: 3,
        reviewer: { name: "Reviewer B", source: "env" },
        verdict: "goedgekeurd",
        author: "Analist A",
        run: records[1]?.id,
      }),
    ]);

    const table = runCli(["log", "om-datakwaliteit", "--root", lab]).stdout;
    expect(table).toMatch(/^1 .*Analist A.*check.*niet in orde.*Run voor de governancetest.*\[1× gecorrigeerd\]/m);
    expect(table).toMatch(/^3 .*Reviewer B.*review.*goedgekeurd/m);
    expect(table).toMatch(/^4 .*besluit grondslag.*niet van toepassing/m);
    expect(table).toMatch(/^7 .*correctie op 2/m);
    const show = runCli(["log", "show", records[1]?.id.slice(0, 8) ?? "", "--root", lab]).stdout;
    expect(show).toContain("Correctie (record 7");
    expect(show).toContain("datasets");
    // Each metric in the unit the run recorded for it.
    expect(show).toMatch(/^ {4}zaken-aantal-rijen +[\d.]+ \(aantal\)$/m);
    expect(show).toMatch(/^ {4}zaken-zaak-id-ingevuld +[\d,]+% \(aandeel\)$/m);
    expect(await verifyRunLog(join(dir, "runlog.jsonl"))).toMatchObject({ intact: true, records: 7 });
  });

  it("shows a run that started and never ended as unfinished", async () => {
    const lab = await makeLab();
    const workspace = openWorkspace(lab);
    const om = await openExperiment(workspace, "om-datakwaliteit");
    const crashed = await openRun({
      workspace,
      opened: om,
      analysis: { name: "verkenning", params: {} },
      reads: { datasets: [], columns: {} },
      justification: JUSTIFICATION,
    });
    const table = runCli(["log", "om-datakwaliteit", "--root", lab]).stdout;
    expect(table).toMatch(/^1 .*verkenning\s+onvoltooid/m);
    expect(runCli(["log", "show", crashed.id, "--root", lab]).stdout).toContain("nee: de run is onvoltooid");
  });

  it("treats the same name or the same e-mail address as the same person", () => {
    expect(samePerson("Analist A <a@lab.example>", "analist a")).toBe(true);
    expect(samePerson("Analist A <a@lab.example>", "Iemand anders <A@lab.example>")).toBe(true);
    expect(samePerson("Analist A <a@lab.example>", "Reviewer B <b@lab.example>")).toBe(false);
  });
});
