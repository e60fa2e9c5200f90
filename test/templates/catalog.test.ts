import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  listTemplateCatalog,
  loadPrinciples,
  loadTemplate,
  openWorkspace,
  type Template,
  validatePaths,
} from "../../src/index.js";
import { REPO, runCli } from "../helpers/cli.js";

const lab = openWorkspace(REPO);

function question(template: Template, section: keyof Template["sections"], id: string) {
  return template.sections[section].questions.find((q) => q.id === id);
}

describe("the template catalog", () => {
  it("validates every template, the principles and every example experiment", async () => {
    const report = await validatePaths(lab);
    expect(report.problems).toEqual([]);
    const kinds = report.checked.map((c) => c.kind);
    expect(kinds.filter((k) => k === "sjabloon").length).toBeGreaterThanOrEqual(4);
    expect(kinds).toContain("uitgangspunten");
  });

  it("holds basis, datakwaliteit and a model template, each with a worked example on its newest version", async () => {
    const catalog = await listTemplateCatalog(lab);
    expect(catalog.map((t) => t.name)).toEqual(expect.arrayContaining(["basis", "datakwaliteit", "patroonherkenning"]));
    const pins = await Promise.all(
      (await readdir(lab.experimentsDir)).map(async (id) => {
        const text = await readFile(join(lab.experimentsDir, id, "experiment.yaml"), "utf8");
        return /^template: (\S+)$/m.exec(text)?.[1];
      }),
    );
    for (const entry of catalog) expect(pins).toContain(`${entry.name}@${entry.versions[0]}`);
  });

  it("asks a model experiment for error margins, group comparison and human intervention", async () => {
    const model = await loadTemplate(lab.templatesDir, { name: "patroonherkenning", version: "1.0.0" });
    for (const id of ["foutmarges", "foutmaten", "groepsvergelijking", "menselijke_tussenkomst"]) {
      expect(question(model, "evaluatie", id)?.required, id).toBe(true);
    }
    expect(model.principles.scores).toEqual(["methode", "non-discriminatie", "menselijke-tussenkomst"]);
  });

  it("applies extends: inherits every basis question, adds its own and tightens recommended ones", async () => {
    const basis = await loadTemplate(lab.templatesDir, { name: "basis", version: "1.0.0" });
    const dq = await loadTemplate(lab.templatesDir, { name: "datakwaliteit", version: "1.1.0" });
    expect(dq.lineage).toEqual(["datakwaliteit@1.1.0", "basis@1.0.0"]);
    for (const q of basis.sections.userstory.questions) expect(question(dq, "userstory", q.id)).toBeDefined();
    expect(question(dq, "data", "suite")?.required).toBe(true);
    expect(question(basis, "evaluatie", "foutmarges")?.required).toBeUndefined();
    expect(question(dq, "evaluatie", "foutmarges")?.required).toBe(true);
    const kolommen = (t: Template) => question(t, "data", "datasets")?.columns?.find((c) => c.id === "kolommen");
    expect(kolommen(basis)?.required).toBeUndefined();
    expect(kolommen(dq)?.required).toBe(true);
    // The condition on the legal basis stays, in the inherited table row.
    expect(question(dq, "data", "datasets")?.columns?.find((c) => c.id === "grondslag")?.when).toEqual({
      question: "persoonsgegevens",
      equals: true,
    });
  });

  it("keeps old versions loadable", async () => {
    const old = await loadTemplate(lab.templatesDir, { name: "datakwaliteit", version: "1.0.0" });
    expect(old.lineage).toEqual(["datakwaliteit@1.0.0"]);
    expect(question(old, "data", "suite")).toBeUndefined();
  });

  it("has the ten principles with weighing, owner, evidence and sources in the seeds", async () => {
    const { principles } = await loadPrinciples(lab.templatesDir, "1.0.0");
    expect(principles.map((p) => p.id)).toEqual([
      "doel",
      "grondslag",
      "proportionaliteit",
      "privacy-by-design",
      "datakwaliteit",
      "non-discriminatie",
      "methode",
      "menselijke-tussenkomst",
      "transparantie",
      "evaluatie",
    ]);
    expect(principles.filter((p) => p.weighing === "Mag").map((p) => p.id)).toEqual([
      "grondslag",
      "proportionaliteit",
      "privacy-by-design",
    ]);
    expect(principles.find((p) => p.id === "datakwaliteit")?.evidence.from_tool).toContain("datakwaliteitsrun");
    for (const p of principles) expect(p.sources.length).toBeGreaterThan(0);
  });

  it("lists the catalog with versions and purpose (livinglab templates)", async () => {
    const run = runCli(["templates"]);
    expect(run.code).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot("golden/templates.txt");
  });
});
