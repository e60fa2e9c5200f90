import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  decidePrinciple,
  experimentStatus,
  formatStatus,
  loadTemplate,
  openExperiment,
  openWorkspace,
  renderStatusTable,
  validateTemplateFile,
} from "../../src/index.js";
import { asUser } from "../helpers/as-user.js";
import { makeLab, REPO } from "../helpers/cli.js";
import { writeTestPeople } from "../helpers/people.js";

const TODAY = "2026-11-30";

/** A template that extends basis@1.2.0 and declares who weighs, as a lab would write it. */
async function writeTemplate(lab: string, rollen: string): Promise<string> {
  const dir = join(lab, "templates", "eigen");
  await mkdir(dir, { recursive: true });
  const file = join(dir, "1.0.0.yaml");
  await writeFile(
    file,
    [
      "schema: 1",
      "id: eigen",
      "version: 1.0.0",
      "title: Eigen sjabloon",
      "purpose: Om te proberen.",
      "extends: basis@1.2.0",
      "sections:",
      "  principes:",
      "    weging:",
      `      rollen: ${rollen}`,
      "",
    ].join("\n"),
  );
  return file;
}

describe("templates say which roles take part in the weighing", () => {
  it("accepts roles of the people file and inherits them through extends", async () => {
    const lab = await makeLab([]);
    const file = await writeTemplate(lab, "[privacy officer, data-eigenaar, opdrachtgever]");
    const checked = await validateTemplateFile(join(lab, "templates"), file);
    expect(checked.problems).toEqual([]);
    expect(checked.template?.principles.weighingRoles).toEqual(["privacy officer", "data-eigenaar", "opdrachtgever"]);
    const basis = await loadTemplate(join(REPO, "templates"), { name: "basis", version: "1.3.0" });
    expect(basis.principles.weighingRoles).toEqual(["privacy officer", "data-eigenaar", "opdrachtgever", "reviewer"]);
    for (const [name, version] of [
      ["datakwaliteit", "1.4.0"],
      ["patroonherkenning", "1.3.0"],
    ] as const) {
      const t = await loadTemplate(join(REPO, "templates"), { name, version });
      expect(t.principles.weighingRoles, name).toEqual(basis.principles.weighingRoles);
    }
    // An older version says nothing: the roles are then derived.
    const old = await loadTemplate(join(REPO, "templates"), { name: "basis", version: "1.2.0" });
    expect(old.principles.weighingRoles).toBeUndefined();
  });

  it("refuses an unknown role with the file, the line and the known roles", async () => {
    const lab = await makeLab([]);
    const file = await writeTemplate(lab, "[privacy officer, privacy-officer, dataeigenaar]");
    const { problems } = await validateTemplateFile(join(lab, "templates"), file);
    expect(problems.map((p) => [p.code, p.line, p.path])).toEqual([
      ["unknown_role", 10, ["sections", "principes", "weging", "rollen", 1]],
      ["unknown_role", 10, ["sections", "principes", "weging", "rollen", 2]],
    ]);
    expect(problems[0]?.file).toBe(file);
    expect(problems[0]?.message).toBe("De rol 'privacy-officer' bestaat niet.");
    expect(problems[0]?.hint).toBe(
      "Bedoelt u 'privacy officer'? De rollen zijn: data scientist, reviewer, privacy officer, jurist, opdrachtgever, data-eigenaar.",
    );
    expect(problems[1]?.hint).toContain("Bedoelt u 'data-eigenaar'?");
  });
});

describe("status shows who has and has not yet spoken, per role the template names", () => {
  it("lists exactly the declared roles, who spoke, and a role nobody holds", async () => {
    const lab = await makeLab(["om-doorlooptijden"]);
    // Nobody in this lab is data-eigenaar.
    await writeTestPeople(lab, [
      { naam: "B. Jansen", email: "b.jansen@lab.example", rollen: ["data scientist"] },
      { naam: "D. Visser", email: "d.visser@lab.example", rollen: ["privacy officer"] },
      { naam: "E. de Wit", email: "e.dewit@lab.example", rollen: ["reviewer"] },
      { naam: "F. Smit", email: "f.smit@lab.example", rollen: ["opdrachtgever"] },
    ]);
    const workspace = openWorkspace(lab);
    const experiment = join(lab, "experiments", "om-doorlooptijden", "experiment.yaml");
    expect(await readFile(experiment, "utf8")).toMatch(/^template: basis@1\.4\.0$/m);
    const opened = await openExperiment(workspace, "om-doorlooptijden");
    await asUser("D. Visser", () =>
      decidePrinciple(workspace, opened, {
        principle: "proportionaliteit",
        status: "voldaan",
        toelichting: "Vijf kolommen.",
        beslotenDoor: "privacy officer",
      }),
    );
    const status = await experimentStatus(workspace, "om-doorlooptijden", { today: TODAY });
    expect(status.participationFrom).toEqual({ from: "sjabloon", template: "basis@1.4.0" });
    expect(status.participation.map((p) => [p.role, p.spoken.map((s) => s.who), p.holders])).toEqual([
      ["privacy officer", ["D. Visser"], ["D. Visser"]],
      ["data-eigenaar", [], []],
      ["opdrachtgever", [], ["F. Smit"]],
      ["reviewer", [], ["E. de Wit"]],
    ]);
    const text = formatStatus(status);
    expect(text).toContain(
      "Wie heeft gesproken (ondertekend besluit of review, per rol die het sjabloon basis@1.4.0 noemt):",
    );
    expect(text).toContain("  ● privacy officer: D. Visser (besluit, record 1)");
    expect(text).toContain("  ○ data-eigenaar: nog niemand; niemand in het personenbestand heeft deze rol");
    expect(text).toContain("  ○ opdrachtgever: nog niemand (F. Smit heeft deze rol)");
    const html = renderStatusTable(status);
    expect(html).toContain("per rol die het sjabloon basis@1.4.0 noemt");
    expect(html).toContain("niemand in het personenbestand heeft deze rol");
  });

  it("derives the roles for an older template version and says so", async () => {
    const lab = await makeLab(["om-doorlooptijden"]);
    const file = join(lab, "experiments", "om-doorlooptijden", "experiment.yaml");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace(/^template: basis@1\.4\.0$/m, "template: basis@1.2.0"));
    const status = await experimentStatus(openWorkspace(lab), "om-doorlooptijden", { today: TODAY });
    expect(status.participationFrom).toEqual({ from: "afgeleid", template: "basis@1.2.0" });
    expect(status.participation.map((p) => p.role)).toEqual([
      "opdrachtgever",
      "jurist",
      "privacy officer",
      "data scientist",
      "reviewer",
    ]);
    expect(formatStatus(status)).toContain(
      "Wie heeft gesproken (ondertekend besluit of review, per rol; het sjabloon basis@1.2.0 noemt geen rollen, dus afgeleid uit de eigenaren van de uitgangspunten en de reviewer):",
    );
  });
});
