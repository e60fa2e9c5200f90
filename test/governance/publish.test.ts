import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  giveReview,
  isLivingLabError,
  openExperiment,
  openWorkspace,
  publicationProblems,
  publishSummary,
  runExperiment,
  type Workspace,
} from "../../src/index.js";
import { asUser } from "../helpers/as-user.js";
import { makeLab } from "../helpers/cli.js";
import { signingEnv } from "../helpers/people.js";

// The publisher: governance events are signed, so someone from the lab signs.
Object.assign(process.env, signingEnv("F. Smit"));

const WHY = "Test van publiceren: alleen een definitieve samenvatting zonder kleine aantallen of persoonsgegevens.";
let workspace: Workspace;
let dir: string;
let runId: string;

beforeAll(async () => {
  const lab = await makeLab();
  workspace = openWorkspace(lab);
  const run = await asUser("A. de Vries", () =>
    runExperiment({ workspace, experiment: "om-datakwaliteit", justification: WHY }),
  );
  runId = run.record.id;
  dir = join(lab, "experiments/om-datakwaliteit");
  const opened = await openExperiment(workspace, "om-datakwaliteit");
  await asUser("C. Bakker", () => giveReview(workspace, opened, { verdict: "goedgekeurd", toelichting: "Nagelopen." }));
});

async function publishCodes(file: string): Promise<string[]> {
  const opened = await openExperiment(workspace, "om-datakwaliteit");
  const error = await publishSummary(workspace, opened, { aan: "Opdrachtgever", file }).catch((e: unknown) => e);
  return isLivingLabError(error) ? error.problems.map((p) => p.code) : [];
}

describe("publish", () => {
  it("refuses the concept summary, even after the run was approved", async () => {
    expect(await publishCodes("rapport/samenvatting.html")).toEqual(["publish_concept"]);
  });

  it("refuses a table with counts under the minimum cell size, and one with a personal value", async () => {
    await writeFile(join(dir, "rapport/tabel.csv"), "afdoening,aantal\ndagvaarding,120\nsepot,2\ntransactie,1\n");
    expect(await publishCodes("rapport/tabel.csv")).toEqual(["publish_small_count"]);
    await writeFile(join(dir, "rapport/tabel.html"), "<table><tr><td>Amsterdam</td><td>3</td></tr></table>");
    expect(await publishCodes("rapport/tabel.html")).toEqual(["publish_small_count"]);
    await writeFile(join(dir, "rapport/brief.txt"), "Vragen? Mail j.jansen@voorbeeld.nl of bel 06-12345678.\n");
    expect(await publishCodes("rapport/brief.txt")).toEqual(["publish_personal_data"]);
  });

  it("refuses a count of rows that leaves fewer than five over, or is below five, in running text too", () => {
    const codes = (text: string) => publicationProblems(text, runId).map((p) => p.code);
    expect(codes("<p>Bij 997 van 1.000 rijen ontbreekt de afdoening.</p>")).toEqual(["publish_small_count"]);
    expect(codes("<p>Bij 3 van de 1.000 rijen ontbreekt de afdoening.</p>")).toEqual(["publish_small_count"]);
    expect(codes("Bij 12.497 van 12.500 zaken klopt de datum.")).toEqual(["publish_small_count"]);
    // Bounds, and counts of checks or groups, are not counts of people.
    expect(codes("<p>Bij > 995 van 1.000 rijen, en bij < 5 van 1.000 rijen.</p>")).toEqual([]);
    expect(codes("<p>3 van de 5 controles zijn in orde; 1 van 11 groepen wijkt af.</p>")).toEqual([]);
    expect(codes("<p>Bij 120 van 1.000 rijen ontbreekt de afdoening.</p>")).toEqual([]);
  });

  it("publishes the final summary of the approved run, with the hash of what its readers got", async () => {
    const opened = await openExperiment(workspace, "om-datakwaliteit");
    const published = await publishSummary(workspace, opened, { aan: "Hoofd informatievoorziening OM" });
    expect(published).toMatchObject({
      file: { path: "rapport/samenvatting-definitief.html" },
      run: runId,
      run_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      review: expect.any(String),
    });
    // The hash is of the bytes the readers got: the final summary as it was written.
    const written = await readFile(join(dir, "rapport/samenvatting-definitief.html"));
    expect(published.file.sha256).toBe(createHash("sha256").update(written).digest("hex"));
    expect(written.toString("utf8")).toContain(`content="definitief; run=${runId}"`);
    // The final summary of this run is not the summary of another run.
    const page = `<meta name="livinglab-samenvatting" content="definitief; run=${runId}">`;
    expect(publicationProblems(page, "een-andere-run").map((p) => p.code)).toEqual(["publish_other_run"]);
    expect(publicationProblems(page, runId)).toEqual([]);
  });
});
