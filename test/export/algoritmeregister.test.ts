import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import {
  algoritmeregisterFields,
  algoritmeregisterRecord,
  algoritmeregisterRecordSchema,
  isLivingLabError,
  openExperiment,
  openWorkspace,
} from "../../src/index.js";
import { makeLab, REPO, runCli } from "../helpers/cli.js";

const EXAMPLES = ["om-datakwaliteit", "om-doorlooptijden", "om-termijnrisico"];

async function problemsOf(fn: () => unknown): Promise<Array<{ code: string; message: string; hint?: string }>> {
  try {
    await fn();
  } catch (error) {
    if (isLivingLabError(error)) return [...error.problems];
    throw error;
  }
  return [];
}

describe("the Algoritmeregister export", () => {
  it("names every field of publication standard 1.0.10 and requires the ones it marks 'Verplicht'", () => {
    expect(algoritmeregisterFields).toHaveLength(32);
    const required = algoritmeregisterFields.filter(
      (f) => !algoritmeregisterRecordSchema.shape[f].safeParse(null).success,
    );
    expect(required.sort()).toEqual(
      [
        "contact_email",
        "description_short",
        "lang",
        "name",
        "organization",
        "publication_category",
        "standard_version",
        "status",
      ].sort(),
    );
    // "Tekst (<100 tekens)": 99 characters fit, 100 do not.
    expect(algoritmeregisterRecordSchema.shape.name.safeParse("a".repeat(99)).success).toBe(true);
    expect(algoritmeregisterRecordSchema.shape.name.safeParse("a".repeat(100)).success).toBe(false);
  });

  for (const id of EXAMPLES) {
    it(`writes ${id} as a record that validates against the schema and round-trips`, async () => {
      const record = algoritmeregisterRecord(await openExperiment(openWorkspace(REPO), id));
      expect(Object.keys(record)).toEqual(algoritmeregisterFields);
      expect(record.status).toBe("In ontwikkeling");
      expect(record.lang).toBe("nld");
      const again = algoritmeregisterRecordSchema.parse(JSON.parse(JSON.stringify(record)));
      expect(again).toEqual(record);
    });
  }

  it("livinglab export algoritmeregister writes the JSON file, and refuses a record with a required field left empty", async () => {
    const lab = await makeLab(["om-termijnrisico"]);
    const out = join(lab, "registratie.json");
    const written = runCli(["export", "algoritmeregister", "om-termijnrisico", "--root", lab, "--out", out]);
    expect(written.code).toBe(0);
    const record = algoritmeregisterRecordSchema.parse(JSON.parse(await readFile(out, "utf8")));
    expect(record.publication_category).toBe("Impactvolle algoritmes");
    expect(record.human_intervention).not.toBeNull();

    const file = join(lab, "experiments/om-termijnrisico/experiment.yaml");
    const doc = parseDocument(await readFile(file, "utf8"));
    doc.setIn(["doel", "contact"], null);
    doc.setIn(["doel", "naam"], "n".repeat(120));
    await writeFile(file, doc.toString());
    const problems = await problemsOf(async () =>
      algoritmeregisterRecord(await openExperiment(openWorkspace(lab), "om-termijnrisico")),
    );
    expect(problems.map((p) => p.code).sort()).toEqual([
      "algoritmeregister_field_invalid",
      "algoritmeregister_field_missing",
    ]);
    expect(problems.find((p) => p.code === "algoritmeregister_field_missing")?.message).toContain("Contactgegevens");
    expect(problems.find((p) => p.code === "algoritmeregister_field_invalid")?.message).toContain(
      "hoogstens 99 tekens",
    );
    expect(problems.find((p) => p.code === "algoritmeregister_field_invalid")?.hint).toContain("doel.naam");
    const refused = runCli([
      "export",
      "algoritmeregister",
      "om-termijnrisico",
      "--root",
      lab,
      "--out",
      join(lab, "nee.json"),
    ]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("Contactgegevens");
  });

  it("says which template version to upgrade to when no question feeds a required field", async () => {
    const lab = await makeLab(["om-termijnrisico"]);
    const file = join(lab, "experiments/om-termijnrisico/experiment.yaml");
    const doc = parseDocument(await readFile(file, "utf8"));
    doc.set("template", "patroonherkenning@1.1.0");
    for (const q of ["naam", "korte_omschrijving", "organisatie", "status_algoritme", "contact", "publicatiecategorie"])
      doc.deleteIn(["doel", q]);
    await writeFile(file, doc.toString());
    const problems = await problemsOf(async () =>
      algoritmeregisterRecord(await openExperiment(openWorkspace(lab), "om-termijnrisico")),
    );
    // Five of the six: version 1.1.0 took the organisation from the opdrachtgever.
    expect(problems).toHaveLength(5);
    expect(problems[0]?.hint).toContain("livinglab upgrade");
  });
});
