import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkSuite,
  experimentStatus,
  finalSummaryGateProblems,
  gateInputFor,
  isLivingLabError,
  openExperiment,
  openWorkspace,
  readLogRecords,
  renderSite,
  renderStatusTable,
  runExperiment,
  runGateProblems,
} from "../../src/index.js";
import { asUser } from "../helpers/as-user.js";
import { asPerson, makeLab, runCli } from "../helpers/cli.js";
import { makeRealLab, REAL_ID } from "../helpers/real-lab.js";

const WHY = "Test van de governance: elk besluit en elke review verandert status, poorten en site op dezelfde manier.";
const EXAMPLE = "om-datakwaliteit";

/** What status, the gates and the site each say about one experiment, read the way each front-end reads it. */
async function views(lab: string, id: string) {
  const workspace = openWorkspace(lab);
  const status = await experimentStatus(workspace, id);
  const opened = await openExperiment(workspace, id);
  const input = await gateInputFor(opened);
  const latest = input.governance.runs.at(-1)?.record.id;
  const page = (await renderSite(workspace)).get(`experimenten/${id}/index.html`) ?? "";
  return {
    status,
    /** Principle id to the words status shows. */
    standing: (principle: string) =>
      Object.values(status.principles)
        .flat()
        .find((p) => p.id === principle)?.standing,
    runGate: runGateProblems(input),
    finalGate: latest ? finalSummaryGateProblems({ governance: input.governance, run: latest }) : undefined,
    page,
    /** The traffic light of a principle on the experiment page: its word. */
    light: (title: string) =>
      new RegExp(`<span class="lab-light__name">${title}</span><span class="lab-light__status">([^<]*)</span>`).exec(
        page,
      )?.[1],
  };
}

const cli = (lab: string, who: string, ...args: string[]) => {
  const run = runCli([...args, "--root", lab], asPerson(who));
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return run;
};

/** The example lab with one finished run of its suite, made by its author. */
async function labWithRun(edit?: (text: string) => string): Promise<string> {
  const lab = await makeLab();
  if (edit) {
    const file = join(lab, "experiments", EXAMPLE, "experiment.yaml");
    await writeFile(file, edit(await readFile(file, "utf8")));
  }
  await asUser("A. de Vries", () =>
    runExperiment({ workspace: openWorkspace(lab), experiment: EXAMPLE, justification: WHY }),
  );
  return lab;
}

describe("each governance event changes status, the gates and the site the same way", () => {
  it("decide: the log's decision replaces the proposal, and a difference with the file shows", async () => {
    const { lab } = await makeRealLab();
    const before = await views(lab, REAL_ID);
    expect(before.standing("grondslag")?.code).toBe("voorgesteld");
    expect(before.runGate.filter((p) => p.path?.[1] === "grondslag").map((p) => p.code)).toEqual(["gate_mag_open"]);
    expect(before.light("Wettelijke grondslag")).toBe("Voorstel: voldaan (nog niet besloten)");

    cli(
      lab,
      "J. de Vries",
      "decide",
      REAL_ID,
      "grondslag",
      "--status",
      "niet_voldaan",
      "--note",
      "De Wjsg dekt dit gebruik niet.",
      "--decided-by",
      "jurist",
    );
    const after = await views(lab, REAL_ID);
    expect(after.standing("grondslag")).toMatchObject({
      code: "niet_voldaan",
      detail: expect.stringContaining("Het experiment stelt iets anders voor: voldaan"),
    });
    expect(after.runGate.filter((p) => p.path?.[1] === "grondslag").map((p) => p.code)).toEqual(["gate_mag_not_met"]);
    expect(after.light("Wettelijke grondslag")).toBe("Niet voldaan");
    expect(after.page).toContain("De Wjsg dekt dit gebruik niet.");
  });

  it("review (approve): an approval of the run makes its summary final, in status, the gate and the site", async () => {
    const lab = await labWithRun();
    const before = await views(lab, EXAMPLE);
    expect(before.finalGate?.map((p) => p.code)).toEqual(["gate_final_unreviewed"]);
    expect(before.status.gates[2]?.state).toBe("dicht");
    expect(before.page).toContain("Concept – nog niet definitief");
    expect(runCli(["publish", EXAMPLE, "--root", lab, "--to", "Opdrachtgever"]).stderr).toContain(
      "(gate_final_unreviewed)",
    );

    cli(lab, "C. Bakker", "review", EXAMPLE, "--verdict", "goedgekeurd", "--note", "Steekproef nagekeken.");
    const after = await views(lab, EXAMPLE);
    expect(after.finalGate).toEqual([]);
    expect(after.status.gates[2]?.state).toBe("open");
    expect(after.page).toContain("Definitief");
    expect(after.page).not.toContain("Concept – nog niet definitief");
    const publish = cli(lab, "A. de Vries", "publish", EXAMPLE, "--to", "Opdrachtgever");
    expect(publish.stdout).toContain("rapport/samenvatting-definitief.html");
    const final = await readFile(join(lab, "experiments", EXAMPLE, "rapport/samenvatting-definitief.html"), "utf8");
    expect(final).toContain("Definitief: gereviewd door C. Bakker");
  });

  it("review (reject): a later rejection revokes the approval everywhere", async () => {
    const lab = await labWithRun();
    cli(lab, "C. Bakker", "review", EXAMPLE, "--verdict", "goedgekeurd", "--note", "Steekproef nagekeken.");
    cli(lab, "F. Smit", "review", EXAMPLE, "--verdict", "afgekeurd", "--note", "De steekproef is te klein.");
    const after = await views(lab, EXAMPLE);
    expect(after.finalGate?.map((p) => p.code)).toEqual(["gate_final_unreviewed"]);
    expect(after.status.reviews[0]).toMatchObject({
      inForce: false,
      void: expect.stringContaining("Herroepen door de afkeuring van F. Smit"),
    });
    expect(after.status.gates[2]?.state).toBe("dicht");
    expect(after.page).toContain("Concept – nog niet definitief");
    expect(after.page).toContain("Goedkeuring telt niet");
  });

  it("review (correct): a correction withdraws the approval everywhere", async () => {
    const lab = await labWithRun();
    cli(lab, "C. Bakker", "review", EXAMPLE, "--verdict", "goedgekeurd", "--note", "Steekproef nagekeken.");
    const review = (await readLogRecords(join(lab, "experiments", EXAMPLE, "runlog.jsonl"))).find(
      (r) => r.type === "review_given",
    );
    cli(lab, "C. Bakker", "correct", EXAMPLE, String(review?.seq), "--note", "Deze goedkeuring was te vroeg.");
    const after = await views(lab, EXAMPLE);
    expect(after.finalGate?.map((p) => p.code)).toEqual(["gate_final_unreviewed"]);
    expect(after.status.reviews[0]).toMatchObject({
      inForce: false,
      void: expect.stringContaining("Ingetrokken met een correctie"),
    });
    expect(after.page).toContain("Concept – nog niet definitief");
    expect(after.page).toContain("Ingetrokken met een correctie");
  });

  it("destroy-data: the destruction shows in status and on the site, and the data put back is refused", async () => {
    const lab = await labWithRun();
    const dir = join(lab, "experiments", EXAMPLE);
    const backup = join(lab, "kopie");
    await mkdir(backup);
    for (const file of await readdir(join(dir, "data"))) await copyFile(join(dir, "data", file), join(backup, file));
    cli(lab, "A. de Vries", "destroy-data", EXAMPLE, "data", "--reason", "Bewaartermijn van de proef verlopen.");
    const after = await views(lab, EXAMPLE);
    expect(after.status.gates.at(-1)).toMatchObject({
      title: "Vernietigde data",
      reasons: [expect.stringContaining("wordt geweigerd")],
    });
    expect(after.standing("privacy-by-design")).toBeDefined();
    const evidence = Object.values(after.status.principles)
      .flat()
      .find((p) => p.id === "privacy-by-design")?.evidence;
    expect(evidence?.findings.map((f) => f.text).join(" ")).toContain("vernietigd");
    expect(after.page).toContain("Vernietigde data");

    // The destroyed files put back, byte for byte: the gate refuses before anything is logged.
    await mkdir(join(dir, "data"));
    for (const file of await readdir(backup)) await copyFile(join(backup, file), join(dir, "data", file));
    const log = await readFile(join(dir, "runlog.jsonl"), "utf8");
    const refused = await checkSuite({ suite: join(dir, "suite.yaml"), justification: WHY }).catch((e: unknown) => e);
    expect(isLivingLabError(refused) && refused.problems.map((p) => p.code)).toEqual([
      "gate_data_destroyed",
      "gate_data_destroyed",
      "gate_data_destroyed",
    ]);
    expect(await readFile(join(dir, "runlog.jsonl"), "utf8")).toBe(log);
  });
});

describe("a principle marked met that the tool's evidence contradicts shows as contradicted, everywhere", () => {
  it("datakwaliteit proposed as met beside a run with failing checks", async () => {
    const lab = await labWithRun((text) =>
      text.replace(
        / {2}datakwaliteit:\n {4}status: niet_voldaan\n {4}toelichting: [^\n]*\n {4}score: 1/,
        "  datakwaliteit:\n    status: voldaan\n    toelichting: De data is goed genoeg.\n    score: 5",
      ),
    );
    const after = await views(lab, EXAMPLE);
    expect(after.standing("datakwaliteit")).toMatchObject({
      code: "tegengesproken",
      detail: expect.stringMatching(/vallen \d+ van de \d+ controles buiten hun foutmarge/),
    });
    expect(after.light("Betrouwbare data \\(zorgplicht\\)")).toBe("Tegengesproken door de metingen");
    expect(renderStatusTable(after.status)).toContain("tegengesproken");
    const summary = await readFile(join(lab, "experiments", EXAMPLE, "rapport/samenvatting.html"), "utf8");
    expect(summary).toMatch(/Betrouwbare data \(zorgplicht\)<\/strong> \(Kan\): tegengesproken/);
  });

  it("proportionaliteit proposed as met while the suite reads a column the experiment does not declare", async () => {
    const lab = await makeLab();
    const file = join(lab, "experiments", EXAMPLE, "experiment.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace(/\n {8}# Vrije tekst[^\n]*\n {8}- opmerking/, ""));
    const after = await views(lab, EXAMPLE);
    expect(after.standing("proportionaliteit")).toMatchObject({
      code: "tegengesproken",
      detail: expect.stringContaining("zaken.opmerking"),
    });
    expect(after.light("Noodzaak, proportionaliteit en subsidiariteit")).toBe("Tegengesproken door de metingen");
  });
});

describe("margins stated before the first run", () => {
  it("are compared with every run, and a change after the first run shows as such", async () => {
    const lab = await labWithRun();
    const before = await views(lab, EXAMPLE);
    const methode = () => before.standing("methode");
    expect(methode()?.code).toBe("voorgesteld");
    const evidence = (v: Awaited<ReturnType<typeof views>>, id: string) =>
      Object.values(v.status.principles)
        .flat()
        .find((p) => p.id === id)?.evidence;
    expect(evidence(before, "methode")?.verdict).toBe("supports");
    // With 1% per check, the defects of the example data are outside the margin.
    expect(evidence(before, "datakwaliteit")?.findings[0]?.text).toMatch(/buiten hun foutmarge/);

    const file = join(lab, "experiments", EXAMPLE, "experiment.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace("max_afwijkend: 1\n", "max_afwijkend: 50\n"));
    const after = await views(lab, EXAMPLE);
    expect(evidence(after, "methode")?.findings[0]?.text).toMatch(
      /Gewijzigd na de eerste run .*evaluatie\.marges, na de laatste run/,
    );
    expect(after.standing("methode")?.code).toBe("tegengesproken");
    expect(after.light("Deugdelijke methode en toelaatbare foutmarges")).toBe("Tegengesproken door de metingen");

    // The next run records the new margins; the change stays visible against the first run.
    await asUser("A. de Vries", () =>
      runExperiment({ workspace: openWorkspace(lab), experiment: EXAMPLE, justification: WHY }),
    );
    const starts = (await readLogRecords(join(lab, "experiments", EXAMPLE, "runlog.jsonl"))).flatMap((r) =>
      r.type === "run_started" ? [r.stated_in_advance?.answers["evaluatie.marges"]] : [],
    );
    expect(starts).toEqual([[{ geldt_voor: "alle", max_afwijkend: 1 }], [{ geldt_voor: "alle", max_afwijkend: 50 }]]);
    const later = await views(lab, EXAMPLE);
    expect(evidence(later, "methode")?.findings[0]?.text).toMatch(
      /Gewijzigd na de eerste run .*evaluatie\.marges, vóór run/,
    );
  });
});
