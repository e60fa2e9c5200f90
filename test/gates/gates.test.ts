import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  approveFinalSummary,
  isLivingLabError,
  openExperiment,
  openWorkspace,
  type GateReview as Review,
  readReviews,
  renderSummaryPage,
  requireRunAllowed,
  runExperiment,
  type SuiteResult,
} from "../../src/index.js";
import { asPerson, makeLab, REPO, runCli } from "../helpers/cli.js";

const JUSTIFICATION = "Testrun in een tijdelijke map: nagaan dat de poorten weigeren en toestaan waar het hoort.";
const byOther: Review = { reviewer: "C. Bakker", at: "2026-11-20T10:00:00Z" };
const bySelf: Review = { reviewer: "b.  JANSEN", at: "2026-11-20T10:00:00Z" };

/** The planned-real-data example: Mag principles decided, author B. Jansen. */
async function realData() {
  const opened = await openExperiment(openWorkspace(REPO), "om-doorlooptijden");
  return { experiment: opened.experiment, principles: opened.principles, author: opened.experiment.auteur };
}

function codesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (isLivingLabError(error)) return error.problems.map((p) => p.code);
    throw error;
  }
  return [];
}

describe("gate 1: every run needs a justification", () => {
  it("refuses an empty or placeholder justification, also on synthetic data", async () => {
    const opened = await openExperiment(openWorkspace(REPO), "om-termijnrisico");
    const input = { experiment: opened.experiment, principles: opened.principles, author: "A. de Vries", reviews: [] };
    expect(codesOf(() => requireRunAllowed({ ...input, justification: "" }))).toEqual(["justification_refused"]);
    expect(codesOf(() => requireRunAllowed({ ...input, justification: "todo" }))).toEqual(["justification_refused"]);
    expect(requireRunAllowed({ ...input, justification: JUSTIFICATION })).toBe(JUSTIFICATION);
  });
});

describe("gate 2: a run on declared real personal data", () => {
  it("is refused without a review by someone other than the author", async () => {
    const input = await realData();
    expect(codesOf(() => requireRunAllowed({ ...input, reviews: [], justification: JUSTIFICATION }))).toEqual([
      "gate_review_missing",
    ]);
    // The author reviewing their own work does not count, whatever the spelling of the name.
    expect(codesOf(() => requireRunAllowed({ ...input, reviews: [bySelf], justification: JUSTIFICATION }))).toEqual([
      "gate_review_missing",
    ]);
  });

  it("is allowed with every Mag principle decided and an independent review", async () => {
    const input = await realData();
    expect(requireRunAllowed({ ...input, reviews: [byOther], justification: JUSTIFICATION })).toBe(JUSTIFICATION);
  });

  it("is refused while a Mag principle is open or not met, naming each", async () => {
    const input = await realData();
    const principes = {
      ...input.experiment.principes,
      grondslag: { status: "open" as const },
      proportionaliteit: { ...input.experiment.principes.proportionaliteit, status: "niet_voldaan" as const },
    };
    const experiment = { ...input.experiment, principes };
    const codes = codesOf(() =>
      requireRunAllowed({ ...input, experiment, reviews: [byOther], justification: JUSTIFICATION }),
    );
    expect(codes).toEqual(["gate_mag_open", "gate_mag_not_met"]);
  });

  it("does not count a review of another version of the experiment file", async () => {
    const input = await realData();
    const old = { ...byOther, experiment_sha256: "a".repeat(64) };
    const refused = () =>
      requireRunAllowed({ ...input, reviews: [old], experimentSha256: "b".repeat(64), justification: JUSTIFICATION });
    expect(codesOf(refused)).toEqual(["gate_review_missing"]);
  });

  it("lets synthetic data through while principles are still open", async () => {
    const opened = await openExperiment(openWorkspace(REPO), "om-termijnrisico");
    const input = {
      experiment: opened.experiment,
      principles: opened.principles,
      author: opened.experiment.auteur,
      reviews: [],
    };
    expect(opened.experiment.principes.datakwaliteit?.status).toBe("open");
    expect(requireRunAllowed({ ...input, justification: JUSTIFICATION })).toBe(JUSTIFICATION);
  });
});

describe("gate 3: a summary marked final", () => {
  it("is refused without an independent review and carries the reviewer when allowed", () => {
    expect(codesOf(() => approveFinalSummary({ author: "B. Jansen", reviews: [bySelf] }))).toEqual([
      "gate_final_unreviewed",
    ]);
    const approval = approveFinalSummary({ author: "B. Jansen", reviews: [bySelf, byOther] });
    expect(approval.reviewer).toBe("C. Bakker");
  });
});

describe("the gates inside the main job (runExperiment)", () => {
  async function labDeclaringRealData(): Promise<string> {
    const lab = await makeLab();
    const file = join(lab, "experiments/om-datakwaliteit/experiment.yaml");
    const text = (await readFile(file, "utf8")).replace(
      "    - naam: zaken\n      bron: Synthetische generator van livinglab (geen echte OM-data)\n      persoonsgegevens: false\n      synthetisch: true\n",
      "    - naam: zaken\n      bron: Zaakregistratie OM\n      persoonsgegevens: true\n      bijzondere_gegevens: true\n      grondslag: Wjsg\n      synthetisch: false\n      vernietigen_op: 2027-01-01\n",
    );
    await writeFile(file, text);
    return lab;
  }

  it("refuses a run on declared real personal data without an independent review and writes nothing", async () => {
    const lab = await labDeclaringRealData();
    const dir = join(lab, "experiments/om-datakwaliteit");
    const error = await runExperiment({
      workspace: openWorkspace(lab),
      experiment: "om-datakwaliteit",
      justification: JUSTIFICATION,
    }).catch((e: unknown) => e);
    expect(isLivingLabError(error)).toBe(true);
    const codes = isLivingLabError(error) ? error.problems.map((p) => p.code) : [];
    expect(codes).toEqual(["gate_review_missing"]);
    expect(isLivingLabError(error) && error.problems[0]?.message).toContain("zaken met echte persoonsgegevens");
    for (const written of ["data", "rapport", "runlog.jsonl"]) expect(existsSync(join(dir, written))).toBe(false);
  });

  it("refuses a final summary without review before anything is written", async () => {
    const lab = await makeLab();
    const dir = join(lab, "experiments/om-datakwaliteit");
    const run = runExperiment({
      workspace: openWorkspace(lab),
      experiment: "om-datakwaliteit",
      justification: JUSTIFICATION,
      final: true,
    });
    await expect(run).rejects.toThrow(/niet definitief/);
    for (const written of ["data", "rapport", "runlog.jsonl"]) expect(existsSync(join(dir, written))).toBe(false);
  });

  it("reads approving reviews recorded with 'livinglab review', never a review by the auteur", async () => {
    const lab = await makeLab(["om-doorlooptijden"]);
    const log = join(lab, "experiments/om-doorlooptijden/runlog.jsonl");
    const review = (who: string, verdict: string) =>
      runCli(
        ["review", "om-doorlooptijden", "--root", lab, "--verdict", verdict, "--note", "Opzet en grondslag nagelopen."],
        asPerson(who),
      );
    const byAuteur = review("b. jansen", "goedgekeurd");
    expect(byAuteur.code).toBe(3);
    expect(byAuteur.stderr).toContain("(review_by_author)");
    expect(review("D. Visser", "afgekeurd").code).toBe(0);
    expect(await readReviews(log)).toEqual([]);
    expect(review("C. Bakker", "goedgekeurd").code).toBe(0);
    const [approval] = await readReviews(log);
    expect(approval?.reviewer).toBe("C. Bakker");
    expect(approval?.experiment_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await readReviews(join(lab, "nergens.jsonl"))).toEqual([]);
  });
});

describe("the final mark on the summary page", () => {
  it("shows the reviewer only with an approval from the gate", async () => {
    const opened = await openExperiment(openWorkspace(REPO), "om-datakwaliteit");
    const result: SuiteResult = {
      suite: "om-datakwaliteit",
      engine: "duckdb",
      reference_date: "2026-06-30",
      outcome: "passed",
      checks: [],
    };
    const run = {
      id: "run-1",
      at: "2026-11-21T09:00:00Z",
      who: { name: "A. de Vries", source: "env" as const },
      justification: JUSTIFICATION,
    };
    const draft = renderSummaryPage(opened, result, run);
    expect(draft).toContain("Dit is een concept.");
    const approval = approveFinalSummary({ author: opened.experiment.auteur, reviews: [byOther] });
    const final = renderSummaryPage(opened, result, run, approval);
    expect(final).toContain("Definitief: gereviewd door C. Bakker");
    expect(final).not.toContain("Dit is een concept.");
  });

  it("is refused on the command line with exit 3 and nothing written", async () => {
    const lab = await makeLab();
    const run = runCli(["run", "om-datakwaliteit", "--root", lab, "--justification", JUSTIFICATION, "--definitief"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("De samenvatting kan niet definitief worden");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(lab, "experiments/om-datakwaliteit/rapport"))).toBe(false);
  });
});
