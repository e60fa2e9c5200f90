import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkSuite, evaluateSuite, generateOm, type KindScore } from "../../src/index.js";
import { defectKinds } from "../../src/synth/defect-kinds.js";
import { makeLab } from "../helpers/cli.js";

const JUSTIFICATION = "Het examen van de standaardsuite op synthetische data, als test van de werkbank.";
let lab: string;
let suite: string;

beforeAll(async () => {
  lab = await makeLab();
  suite = join(lab, "experiments/om-datakwaliteit/suite.yaml");
  for (const defects of ["all", "none"] as const) {
    await generateOm({
      out: join(lab, "experiments/om-datakwaliteit", defects),
      zaken: 6000,
      seed: 20261125,
      asOf: "2026-06-30",
      defects,
    });
  }
});

describe("the exam of the default OM suite", () => {
  let scores: KindScore[];

  beforeAll(async () => {
    const dir = join(lab, "experiments/om-datakwaliteit/all");
    ({ scores } = await evaluateSuite({
      suite,
      dataDir: dir,
      truth: join(dir, "ground_truth.parquet"),
      justification: JUSTIFICATION,
    }));
  });

  it.each([...defectKinds])("finds every %s and nothing else", (kind) => {
    const score = scores.find((s) => s.kind === kind);
    expect(score?.truth_count, `no ${kind} was injected`).toBeGreaterThan(0);
    expect(score).toMatchObject({ recall: 1, precision: 1 });
  });

  it("scores no kind the generator does not know", () => {
    expect(scores.map((s) => s.kind).sort()).toEqual([...defectKinds].sort());
  });
});

describe("the default OM suite on clean data", () => {
  it("passes every check; drift waits for an earlier run and then passes too", async () => {
    const dataDir = join(lab, "experiments/om-datakwaliteit/none");
    const first = await checkSuite({ suite, dataDir, justification: JUSTIFICATION });
    const notPassed = first.result.checks.filter((c) => c.outcome !== "passed");
    expect(notPassed.map((c) => [c.kind, c.outcome])).toEqual([["drift", "not_evaluated"]]);
    const second = await checkSuite({ suite, dataDir, justification: JUSTIFICATION });
    expect(second.result.checks.filter((c) => c.outcome !== "passed")).toEqual([]);
    expect(second.result.outcome).toBe("passed");
    // Each run logs its start and its end record.
    expect(second.record.seq).toBe(first.record.seq + 2);
  });
});
