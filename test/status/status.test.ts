import { describe, expect, it } from "vitest";
import { experimentStatus, formatStatus, openWorkspace, renderStatusTable } from "../../src/index.js";
import { asPerson, makeLab, REPO, runCli } from "../helpers/cli.js";

/** A fixed day, so retention dates read the same whenever the tests run. */
const TODAY = "2026-11-30";

describe("livinglab status", () => {
  it("shows sections, principles by weighing and which gates are closed and why", async () => {
    const status = await experimentStatus(openWorkspace(REPO), "om-doorlooptijden", { today: TODAY });
    await expect(`${formatStatus(status)}\n`).toMatchFileSnapshot("golden/status-om-doorlooptijden.txt");
    const run = runCli(["status", "om-doorlooptijden"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Run op de data van dit experiment: dicht");
  });

  it("opens the run gate on real personal data only once the owners decided in the log and a colleague reviewed", async () => {
    const lab = await makeLab(["om-doorlooptijden"]);
    const workspace = openWorkspace(lab);
    const states = async () =>
      (await experimentStatus(workspace, "om-doorlooptijden", { today: TODAY })).gates.map((g) => g.state);
    expect(await states()).toEqual(["bij_elke_run", "dicht", "dicht"]);
    const cli = (who: string, ...args: string[]) => {
      const run = runCli([...args, "--root", lab], asPerson(who));
      expect(run.stderr).toBe("");
    };
    cli(
      "C. Bakker",
      "review",
      "om-doorlooptijden",
      "--plan",
      "--verdict",
      "goedgekeurd",
      "--note",
      "Grondslag en opzet nagelopen.",
    );
    // A review alone is not enough: the file only proposes the Mag principles.
    expect(await states()).toEqual(["bij_elke_run", "dicht", "dicht"]);
    cli(
      "J. de Vries",
      "decide",
      "om-doorlooptijden",
      "grondslag",
      "--status",
      "voldaan",
      "--note",
      "Wjsg art. 39f.",
      "--decided-by",
      "jurist",
    );
    for (const principle of ["proportionaliteit", "privacy-by-design"]) {
      cli(
        "D. Visser",
        "decide",
        "om-doorlooptijden",
        principle,
        "--status",
        "voldaan",
        "--note",
        "Beoordeeld.",
        "--decided-by",
        "privacy officer",
      );
    }
    const open = await experimentStatus(workspace, "om-doorlooptijden", { today: TODAY });
    // Without a run there is no summary to make final: a review of the plan does not do that.
    expect(open.gates.map((g) => g.state)).toEqual(["bij_elke_run", "open", "dicht"]);
    expect(open.principles.Mag.map((p) => p.standing.label)).toEqual(["voldaan", "voldaan", "voldaan"]);
  });

  it("works on an incomplete experiment and names what is missing per section", async () => {
    const lab = await makeLab([]);
    runCli(["new", "proef", "--template", "datakwaliteit", "--root", lab], { cwd: lab });
    const status = await experimentStatus(openWorkspace(lab), "proef");
    expect(status.sections.every((s) => !s.complete)).toBe(true);
    expect(status.sections.find((s) => s.id === "data")?.missing).toContain("Controlesuite");
    expect(status.principles.Mag.map((p) => p.status)).toEqual(["open", "open", "open"]);
    expect(status.gates[1]).toMatchObject({ state: "dicht", reasons: [expect.stringContaining("niet geldig")] });
    const run = runCli(["status", "proef", "--root", lab], { cwd: lab });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("Problemen in het bestand");
  });

  it("renders as an HTML table for notebooks", async () => {
    const html = renderStatusTable(await experimentStatus(openWorkspace(REPO), "om-termijnrisico"));
    expect(html).toContain("<th>Weging</th>");
    expect(html).toContain(
      "<td>Deugdelijke methode en toelaatbare foutmarges</td><td>voorgesteld: voldaan</td><td>3</td>",
    );
    expect(html).toContain("Run op de data van dit experiment");
  });
});
