import { appendFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  approveFinalSummary,
  correctRecord,
  decidePrinciple,
  finalSummaryGateProblems,
  gateInputFor,
  giveReview,
  isLivingLabError,
  openExperiment,
  openWorkspace,
  type PlannedReads,
  renderSummaryPage,
  requireRunAllowed,
  runExperiment,
  runGateProblems,
  type SuiteResult,
} from "../../src/index.js";
import { asUser } from "../helpers/as-user.js";
import { makeLab, REPO } from "../helpers/cli.js";
import { JURIST, makeRealLab, openReal, openRealGates, REAL_DATASET, REVIEWER } from "../helpers/real-lab.js";

const JUSTIFICATION = "Testrun in een tijdelijke map: nagaan dat de poorten weigeren en toestaan waar het hoort.";

function codesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (isLivingLabError(error)) return error.problems.map((p) => p.code);
    throw error;
  }
  return [];
}

async function realGateCodes(lab: string, reads?: PlannedReads): Promise<string[]> {
  const { opened } = await openReal(lab);
  return runGateProblems(await gateInputFor(opened, reads ? { reads } : {})).map((p) => p.code);
}

describe("gate 1: every run needs a justification", () => {
  it("refuses an empty or placeholder justification, also on synthetic data", async () => {
    const input = await gateInputFor(await openExperiment(openWorkspace(REPO), "om-termijnrisico"));
    expect(codesOf(() => requireRunAllowed({ ...input, justification: "" }))).toEqual(["justification_refused"]);
    expect(codesOf(() => requireRunAllowed({ ...input, justification: "todo" }))).toEqual(["justification_refused"]);
    expect(requireRunAllowed({ ...input, justification: JUSTIFICATION })).toBe(JUSTIFICATION);
  });
});

describe("gate 2: a run on declared real personal data", () => {
  it("reads the decisions in the log, not the proposal in the experiment file", async () => {
    const { lab } = await makeRealLab();
    const { opened } = await openReal(lab);
    expect(opened.experiment.principes.grondslag?.status).toBe("voldaan");
    const problems = runGateProblems(await gateInputFor(opened));
    expect(problems.map((p) => p.code)).toEqual([
      "gate_mag_open",
      "gate_mag_open",
      "gate_mag_open",
      "gate_review_missing",
    ]);
    expect(problems[0]?.message).toContain("is nog niet besloten in het logboek; het experiment stelt 'voldaan' voor");
  });

  it("opens once the owners decided in the log and a colleague approved this version", async () => {
    const { lab } = await makeRealLab();
    await openRealGates(lab);
    expect(await realGateCodes(lab)).toEqual([]);
  });

  it("closes again when a Mag principle is decided as not met", async () => {
    const { lab } = await makeRealLab();
    await openRealGates(lab);
    const { workspace, opened } = await openReal(lab);
    await asUser(JURIST, () =>
      decidePrinciple(workspace, opened, {
        principle: "grondslag",
        status: "niet_voldaan",
        toelichting: "Geen grondslag.",
      }),
    );
    expect(await realGateCodes(lab)).toEqual(["gate_mag_not_met"]);
  });

  it("does not count a review of another version of the experiment file", async () => {
    const { lab, dir } = await makeRealLab();
    await openRealGates(lab);
    await appendFile(join(dir, "experiment.yaml"), "# Een wijziging na de review.\n");
    const { opened } = await openReal(lab);
    const problems = runGateProblems(await gateInputFor(opened));
    expect(problems.map((p) => p.code)).toEqual(["gate_review_missing"]);
    expect(problems[0]?.message).toContain("Gold een eerdere versie van het experiment.");
  });

  it("refuses a column or a dataset the experiment does not declare", async () => {
    const { lab, data } = await makeRealLab();
    await openRealGates(lab);
    const read = (name: string, columns: string[]) => ({
      datasets: [{ name, file: data, columns }],
      columns: { test: columns.map((c) => `${name}.${c}`) },
    });
    expect(await realGateCodes(lab, read(REAL_DATASET, ["arrondissement", "opmerking"]))).toEqual([
      "gate_column_undeclared",
    ]);
    expect(await realGateCodes(lab, read("zaken", ["arrondissement"]))).toEqual(["gate_dataset_undeclared"]);
    expect(await realGateCodes(lab, read(REAL_DATASET, ["arrondissement", "zaaktype"]))).toEqual([]);
  });

  it("closes when the retention date has passed, on any experiment", async () => {
    const { lab, dir } = await makeRealLab();
    await openRealGates(lab);
    const file = join(dir, "experiment.yaml");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace("vernietigen_op: 2027-06-30", "vernietigen_op: 2020-01-01"),
    );
    // The edit makes the earlier review void too: both reasons are given.
    expect(await realGateCodes(lab)).toEqual(
      expect.arrayContaining(["gate_retention_expired", "gate_mag_contradicted"]),
    );
  });

  it("lets synthetic data through while principles are still open", async () => {
    const opened = await openExperiment(openWorkspace(REPO), "om-termijnrisico");
    expect(opened.experiment.principes.non_discriminatie?.status ?? "open").toBe("open");
    expect(runGateProblems(await gateInputFor(opened))).toEqual([]);
  });
});

describe("reviews are bound to what they judged and can be revoked", () => {
  async function labWithRun() {
    const lab = await makeLab();
    const workspace = openWorkspace(lab);
    const run = await asUser("A. de Vries", () =>
      runExperiment({ workspace, experiment: "om-datakwaliteit", justification: JUSTIFICATION }),
    );
    const opened = await openExperiment(workspace, "om-datakwaliteit");
    const final = async () =>
      finalSummaryGateProblems({ governance: (await gateInputFor(opened)).governance, run: run.record.id }).map(
        (p) => p.code,
      );
    const review = (who: string, verdict: "goedgekeurd" | "afgekeurd", plan = false) =>
      asUser(who, () => giveReview(workspace, opened, { verdict, toelichting: "Nagelopen.", ...(plan && { plan }) }));
    return { workspace, opened, run, final, review };
  }

  it("makes a summary final only with an approval of that run, never of the plan", async () => {
    const { final, review } = await labWithRun();
    await review(REVIEWER, "goedgekeurd", true);
    expect(await final()).toEqual(["gate_final_unreviewed"]);
    await review(REVIEWER, "goedgekeurd");
    expect(await final()).toEqual([]);
  });

  it("revokes an approval by a later rejection, of the same or another reviewer", async () => {
    const { final, review } = await labWithRun();
    await review(REVIEWER, "goedgekeurd");
    await review("F. Smit", "afgekeurd");
    const codes = await final();
    expect(codes).toEqual(["gate_final_unreviewed"]);
  });

  it("withdraws a review that a correction refers to", async () => {
    const { workspace, opened, final, review } = await labWithRun();
    const approval = await review(REVIEWER, "goedgekeurd");
    expect(await final()).toEqual([]);
    await asUser(REVIEWER, () =>
      correctRecord(workspace, opened, { refersTo: approval.id, correctie: "Deze goedkeuring was te vroeg gegeven." }),
    );
    const { governance } = await gateInputFor(opened);
    expect(governance.reviews[0]).toMatchObject({ inForce: false, void: expect.stringContaining("correctie") });
    expect(await final()).toEqual(["gate_final_unreviewed"]);
  });
});

describe("the final mark on the summary page", () => {
  it("shows the reviewer only with an approval of exactly that run", async () => {
    const lab = await makeLab();
    const workspace = openWorkspace(lab);
    const run = await asUser("A. de Vries", () =>
      runExperiment({ workspace, experiment: "om-datakwaliteit", justification: JUSTIFICATION }),
    );
    const opened = await openExperiment(workspace, "om-datakwaliteit");
    await asUser(REVIEWER, () => giveReview(workspace, opened, { verdict: "goedgekeurd", toelichting: "Nagelopen." }));
    const { governance } = await gateInputFor(opened);
    const result: SuiteResult = { ...run.result, checks: [] } satisfies SuiteResult;
    const draft = renderSummaryPage(opened, result, run.record, { governance });
    expect(draft).toContain("Dit is een concept.");
    expect(draft).toContain(`content="concept; run=${run.record.id}"`);
    const approval = approveFinalSummary({ governance, run: run.record.id });
    const final = renderSummaryPage(opened, result, run.record, { governance, approval });
    expect(final).toContain(`Definitief: gereviewd door ${REVIEWER}`);
    expect(final).not.toContain("Dit is een concept.");
    expect(() =>
      renderSummaryPage(opened, result, { ...run.record, id: "een-andere-run" }, { governance, approval }),
    ).toThrow();
  });
});
