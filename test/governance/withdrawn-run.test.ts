import { beforeAll, describe, expect, it } from "vitest";
import {
  correctRecord,
  giveReview,
  openExperiment,
  openWorkspace,
  publishSummary,
  runExperiment,
  type Workspace,
} from "../../src/index.js";
import { asUser } from "../helpers/as-user.js";
import { makeLab } from "../helpers/cli.js";

const WHY = "Test van een ingetrokken run: review en publish gaan over dezelfde run als de samenvatting.";
let workspace: Workspace;
let kept: string;
let withdrawn: string;

beforeAll(async () => {
  workspace = openWorkspace(await makeLab());
  const run = () =>
    asUser("A. de Vries", () => runExperiment({ workspace, experiment: "om-datakwaliteit", justification: WHY }));
  kept = (await run()).record.id;
  withdrawn = (await run()).record.id;
  const opened = await openExperiment(workspace, "om-datakwaliteit");
  await asUser("A. de Vries", () =>
    correctRecord(workspace, opened, { refersTo: withdrawn, correctie: "Deze run las de verkeerde levering." }),
  );
});

describe("a run withdrawn by a correction", () => {
  it("is not what review and publish take by default: both take the run the summary shows", async () => {
    const opened = await openExperiment(workspace, "om-datakwaliteit");
    const review = await asUser("C. Bakker", () =>
      giveReview(workspace, opened, { verdict: "goedgekeurd", toelichting: "Controles nagelopen." }),
    );
    expect(review.run).toBe(kept);
    const published = await publishSummary(workspace, opened, { aan: "Hoofd informatievoorziening OM" });
    expect(published.run).toBe(kept);
    expect(published.review).toBe(review.id);
  });
});
