import { describe, expect, it } from "vitest";
import { answersForInstrument, openExperiment, openWorkspace } from "../../src/index.js";
import { REPO } from "../helpers/cli.js";

describe("answers per instrument", () => {
  it("collects what the Algoritmeregister asks from the answers, also from table columns", async () => {
    const opened = await openExperiment(openWorkspace(REPO), "om-doorlooptijden");
    const register = answersForInstrument(opened, "algoritmeregister");
    expect(register.map((a) => `${a.reference} ← ${a.question}`)).toEqual([
      "goal_and_impact ← doel.doel",
      "name ← doel.naam",
      "description_short ← doel.korte_omschrijving",
      "organization ← doel.organisatie",
      "status ← doel.status_algoritme",
      "contact_email ← doel.contact",
      "publication_category ← doel.publicatiecategorie",
      "source_data ← data.datasets",
      "legal_basis ← data.datasets[].grondslag",
      "impacttoetsen ← data.dpia",
      "risk_management ← evaluatie.foutmarges",
      "human_intervention ← evaluatie.menselijke_beoordeling",
    ]);
    expect(register.find((a) => a.reference === "legal_basis")?.answer).toEqual([
      "Wjsg art. 39f (verstrekking voor beleidsinformatie), bevestigd door de jurist",
    ]);
  });

  it("leaves out questions without an answer", async () => {
    const opened = await openExperiment(openWorkspace(REPO), "om-termijnrisico");
    const iama = answersForInstrument(opened, "iama").map((a) => a.question);
    expect(iama).toContain("evaluatie.menselijke_tussenkomst");
    expect(iama).not.toContain("data.datasets[].grondslag");
  });
});
