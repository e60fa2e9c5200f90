import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  experimentStatus,
  gateInputFor,
  giveReview,
  isLivingLabError,
  loadPeople,
  type ReviewGiven,
  runGateProblems,
} from "../../src/index.js";
import { asUser } from "../helpers/as-user.js";
import { asPerson, runCli } from "../helpers/cli.js";
import { peopleYaml } from "../helpers/people.js";
import { decideRealOwners, JURIST, makeRealLab, openReal, REVIEWER } from "../helpers/real-lab.js";

/** The test people file, with dates on one person's role (`rol_geldig`), as a lab writes them. */
async function writePeopleWithRoleDates(
  lab: string,
  name: string,
  role: string,
  window: { vanaf?: string; tot?: string },
): Promise<void> {
  const dates = Object.entries(window)
    .map(([k, v]) => `${k}: ${v}`)
    .join(", ");
  const text = peopleYaml().replace(
    new RegExp(`( {2}- naam: ${name.replace(".", "\\.")}\\n.*\\n {4}rollen: .*\\n)`),
    `$1    rol_geldig:\n      ${role}: { ${dates} }\n`,
  );
  expect(text).toContain("rol_geldig");
  await writeFile(join(lab, "people.yaml"), text);
}

/** The day after `day` (JJJJ-MM-DD). */
function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

const approval = { verdict: "goedgekeurd", toelichting: "Opzet en grondslag nagelopen.", plan: true } as const;

describe("roles are judged at the record's date, by the dates in the people file", () => {
  it("a reviewer role counts from its first day and no longer from its 'tot' day", async () => {
    const { lab } = await makeRealLab();
    await decideRealOwners(lab);
    const { workspace, opened } = await openReal(lab);
    const review: ReviewGiven = await asUser(REVIEWER, () => giveReview(workspace, opened, approval));
    const day = review.at.slice(0, 10);
    const next = dayAfter(day);
    const judged = async (window: { vanaf?: string; tot?: string }) => {
      await writePeopleWithRoleDates(lab, REVIEWER, "reviewer", window);
      const input = await gateInputFor(opened);
      return { codes: runGateProblems(input).map((p) => p.code), void: input.governance.reviews[0]?.void };
    };
    // Given the role only the day after: this review was made before, and never counts.
    expect(await judged({ vanaf: next })).toEqual({
      codes: ["gate_review_missing"],
      void: `E. de Wit had op ${day} niet de rol reviewer: die geldt volgens het personenbestand vanaf ${next}.`,
    });
    expect(await judged({ vanaf: day })).toEqual({ codes: [], void: undefined });
    // The role ended on the review's day: from that day on it approves nothing.
    expect(await judged({ tot: day })).toEqual({
      codes: ["gate_review_missing"],
      void: `E. de Wit had op ${day} niet de rol reviewer: die geldt volgens het personenbestand tot ${day}.`,
    });
    expect(await judged({ vanaf: "2020-01-01", tot: next })).toEqual({ codes: [], void: undefined });
    // Status says who has spoken in the role on their record's date.
    await writePeopleWithRoleDates(lab, REVIEWER, "reviewer", { vanaf: next });
    const status = await experimentStatus(workspace, opened.experiment.id);
    // (C. Bakker, jurist and reviewer, spoke in a decision; E. de Wit's review came before his role.)
    expect(status.participation.find((p) => p.role === "reviewer")?.spoken.map((s) => s.who)).toEqual(["C. Bakker"]);
  });

  it("a Mag decision counts only while the decider held the owning role", async () => {
    const { lab } = await makeRealLab();
    await decideRealOwners(lab);
    const { opened } = await openReal(lab);
    const grondslag = async () =>
      (await gateInputFor(opened)).governance.principles.find((p) => p.principle.id === "grondslag");
    const decided = (await grondslag())?.decision;
    const day = decided?.at.slice(0, 10) ?? expect.fail("geen besluit");
    await writePeopleWithRoleDates(lab, JURIST, "jurist", { tot: day });
    const ended = await grondslag();
    expect(ended?.status).toBe("open");
    expect(ended?.ignored.map((i) => i.why)).toEqual([
      `C. Bakker had op ${day} niet de rol jurist: die geldt volgens het personenbestand tot ${day}.`,
    ]);
    await writePeopleWithRoleDates(lab, JURIST, "jurist", { vanaf: dayAfter(day) });
    expect((await grondslag())?.status).toBe("open");
    await writePeopleWithRoleDates(lab, JURIST, "jurist", { vanaf: day, tot: dayAfter(day) });
    expect((await grondslag())?.status).toBe("voldaan");
  });

  it("refuses to act today in a role not yet held, and 'people' shows the dates", async () => {
    const { lab } = await makeRealLab();
    const { workspace, opened } = await openReal(lab);
    const tomorrow = dayAfter(new Date().toISOString().slice(0, 10));
    await writePeopleWithRoleDates(lab, REVIEWER, "reviewer", { vanaf: tomorrow });
    const error = await asUser(REVIEWER, () => giveReview(workspace, opened, { ...approval, role: "reviewer" })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isLivingLabError(error) && error.problems.map((p) => p.code)).toEqual(["role_not_held"]);
    const listed = runCli(["people", "--root", lab]);
    expect(listed.stdout).toMatch(
      new RegExp(`E\\. de Wit\\s+e\\.dewit@lab\\.example\\s+reviewer \\(vanaf ${tomorrow}\\)`),
    );
    expect(runCli(["whoami", "--root", lab], asPerson(REVIEWER)).stdout).toContain("(vandaag geen rol)");
  });

  it("locates dates for a role the person does not hold, and dates that never hold", async () => {
    const { lab } = await makeRealLab();
    await writeFile(
      join(lab, "people.yaml"),
      [
        "schema: 1",
        "mensen:",
        "  - naam: A. de Vries",
        "    email: a.devries@lab.example",
        "    rollen: [data scientist]",
        "    rol_geldig:",
        "      reviewer: { vanaf: 2026-01-01 }",
        "  - naam: E. de Wit",
        "    email: e.dewit@lab.example",
        "    rollen: [reviewer]",
        "    rol_geldig:",
        "      reviewer: { vanaf: 2026-06-01, tot: 2026-01-01 }",
        "",
      ].join("\n"),
    );
    const people = await loadPeople(lab);
    expect(people.problems.map((p) => [p.code, p.line])).toEqual([
      ["people_role_window_without_role", 7],
      ["people_role_window_empty", 12],
    ]);
    const cli = runCli(["people", "--root", lab]);
    expect(cli.code).toBe(3);
    expect(cli.stdout).toContain("people.yaml:7");
    expect(cli.stdout).toContain("Zet reviewer ook in 'rollen'");
  });
});
