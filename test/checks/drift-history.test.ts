import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkSuite, generateOm, openWorkspace } from "../../src/index.js";
import { makeLab } from "../helpers/cli.js";

const WHY = "Test van de drift: alleen runs op dezelfde data horen bij de geschiedenis van de suite.";
let lab: string;
let suite: string;
let own: string;
let other: string;

beforeAll(async () => {
  lab = await makeLab();
  suite = join(lab, "experiments/om-datakwaliteit/suite.yaml");
  own = join(lab, "experiments/om-datakwaliteit/eigen");
  other = join(lab, "experiments/om-datakwaliteit/andere");
  await generateOm({ out: own, zaken: 400, seed: 5, asOf: "2026-06-30", defects: "all" });
  await generateOm({ out: other, zaken: 400, seed: 6, asOf: "2026-06-30", defects: "none" });
});

const drift = async (dataDir: string) => {
  const run = await checkSuite({ suite, dataDir, justification: WHY, workspace: openWorkspace(lab) });
  return run.result.checks.find((c) => c.id === "zaken-afdoening-drift");
};

describe("drift compares like with like", () => {
  it("does not compare a run on another copy of the data with the runs on the suite's own", async () => {
    expect((await drift(own))?.outcome).toBe("not_evaluated");
    // The other copy has no earlier runs of its own, whatever the log holds for the first.
    expect((await drift(other))?.outcome).toBe("not_evaluated");
    const again = await drift(own);
    expect(again?.outcome).not.toBe("not_evaluated");
    expect(again?.metric).toBe(0);
  });
});
