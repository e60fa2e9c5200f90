import { describe, expect, it } from "vitest";
import { experimentStatus, openWorkspace, renderStatusTable } from "../../src/index.js";
import { asPerson, makeLab, REPO, runCli } from "../helpers/cli.js";

describe("livinglab status", () => {
  it("shows sections, principles by weighing and which gates are closed and why", async () => {
    const run = runCli(["status", "om-doorlooptijden"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot("golden/status-om-doorlooptijden.txt");
  });

  it("opens the run gate once someone other than the author has reviewed", async () => {
    const lab = await makeLab(["om-doorlooptijden"]);
    const workspace = openWorkspace(lab);
    const closed = await experimentStatus(workspace, "om-doorlooptijden");
    expect(closed.gates.map((g) => g.state)).toEqual(["bij_elke_run", "dicht", "dicht"]);
    const review = runCli(
      [
        "review",
        "om-doorlooptijden",
        "--root",
        lab,
        "--verdict",
        "goedgekeurd",
        "--note",
        "Grondslag en opzet nagelopen.",
      ],
      asPerson("C. Bakker"),
    );
    expect(review.stderr).toBe("");
    const open = await experimentStatus(workspace, "om-doorlooptijden");
    expect(open.gates.map((g) => g.state)).toEqual(["bij_elke_run", "open", "open"]);
  });

  it("works on an incomplete experiment and names what is missing per section", async () => {
    const lab = await makeLab([]);
    runCli(["new", "proef", "--template", "datakwaliteit", "--root", lab], { cwd: lab });
    const status = await experimentStatus(openWorkspace(lab), "proef");
    expect(status.sections.every((s) => !s.complete)).toBe(true);
    expect(status.sections.find((s) => s.id === "data")?.missing).toContain("Controlesuite");
    expect(status.principles.Mag.map((p) => p.status)).toEqual(["open", "open", "open"]);
    const run = runCli(["status", "proef", "--root", lab], { cwd: lab });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("Problemen in het bestand");
  });

  it("renders as an HTML table for notebooks", async () => {
    const html = renderStatusTable(await experimentStatus(openWorkspace(REPO), "om-termijnrisico"));
    expect(html).toContain("<th>Weging</th>");
    expect(html).toContain("<td>Deugdelijke methode en toelaatbare foutmarges</td><td>voldaan</td><td>3</td>");
    expect(html).toContain("Run op echte persoonsgegevens");
  });
});
