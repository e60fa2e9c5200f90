import { createHash } from "node:crypto";
import { cp, mkdir, readFile, rm, symlink } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openExperiment,
  openRun,
  openWorkspace,
  PARENT_RUN_VARIABLE,
  type RunRecord,
  readLogRecords,
  renderSite,
} from "../../src/index.js";
import { makeLab, REPO, runCli } from "../helpers/cli.js";

const WHY = "Een notebookrun met parameters, om de keten van notebook, kernel en logboek te toetsen.";
const FIXTURE = join(REPO, "test/fixtures/notebooks/parameters.ipynb");

/** A lab with the example experiment and the test notebook, which imports "livinglab" as a user's notebook does. */
async function notebookLab(): Promise<string> {
  const lab = await makeLab();
  await mkdir(join(lab, "notebooks/node_modules"), { recursive: true });
  await symlink(REPO, join(lab, "notebooks/node_modules/livinglab"));
  await cp(FIXTURE, join(lab, "notebooks/parameters.ipynb"));
  return lab;
}

async function runsOf(lab: string): Promise<RunRecord[]> {
  const records = await readLogRecords(join(lab, "experiments/om-datakwaliteit/runlog.jsonl"));
  return records.filter((r): r is RunRecord => r.type === "run");
}

describe("livinglab notebook run", () => {
  const labs: string[] = [];
  afterAll(async () => {
    for (const lab of labs) await rm(lab, { recursive: true, force: true });
  });

  describe("with parameters from the command line", () => {
    let lab: string;
    let cli: ReturnType<typeof runCli>;
    beforeAll(async () => {
      lab = await notebookLab();
      labs.push(lab);
      cli = runCli(
        [
          "notebook",
          "run",
          "notebooks/parameters.ipynb",
          "--param",
          "zaken=3000",
          "--param",
          "titel=proef",
          "--justification",
          WHY,
        ],
        { cwd: lab },
      );
    }, 300_000);

    it("logs the notebook run with its parameters and hashes, and the analyses it made as its children", async () => {
      expect(cli.stderr).toBe("");
      expect(cli.code).toBe(0);
      const runs = await runsOf(lab);
      const parent = runs.find((r) => r.analysis.name === "notebook");
      expect(parent?.outcome).toBe("completed");
      const source = createHash("sha256")
        .update(await readFile(FIXTURE))
        .digest("hex");
      expect(parent?.analysis.params).toEqual({
        notebook: "notebooks/parameters.ipynb",
        notebook_sha256: source,
        parameters: { zaken: 3000, titel: "proef" },
      });
      const children = runs.filter((r) => r.parent_run === parent?.id);
      expect(children.map((c) => c.analysis.name)).toEqual(["check"]);
      expect(children[0]?.data?.find((d) => d.name === "zaken")?.rows).toBeGreaterThanOrEqual(3000);
      expect(cli.stdout).toContain(`Run ${parent?.id.slice(0, 8)} vastgelegd, met 1 analyses als onderdeel ervan.`);
      const shown = runCli(["log", "show", parent?.id ?? "", "--root", lab], { cwd: lab }).stdout;
      expect(shown).toContain(`onderdelen     1 analyses in deze notebookrun\n    ${children[0]?.id}  check`);
      const child = runCli(["log", "show", children[0]?.id ?? "", "--root", lab], { cwd: lab }).stdout;
      expect(child).toContain(`onderdeel van  run ${parent?.id} (een notebookrun)`);
    });

    it("keeps the executed copy with its outputs and the given values in a cell after the parameters cell", async () => {
      const parent = (await runsOf(lab)).find((r) => r.analysis.name === "notebook");
      const kept = parent?.artifacts.find((a) => a.path.endsWith(".ipynb"));
      expect(kept?.path).toBe(`rapport/runs/${parent?.id}.ipynb`);
      const bytes = await readFile(join(lab, "experiments/om-datakwaliteit", kept?.path ?? ""));
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(kept?.sha256);
      const executed = JSON.parse(bytes.toString("utf8")) as {
        cells: { metadata: { tags?: string[] }; source: string | string[]; outputs?: { text?: string[] }[] }[];
      };
      const text = (s: string | string[]) => (Array.isArray(s) ? s.join("") : s);
      expect(executed.cells[2]?.metadata.tags).toEqual(["injected-parameters"]);
      expect(text(executed.cells[2]?.source ?? "")).toContain('const titel: string = "proef";');
      const shown = executed.cells.flatMap((c) => c.outputs ?? []).map((o) => text(o.text ?? []));
      expect(shown).toContain("proef: 3000 zaken\n");
      expect(shown).toContain(`onderdeel van ${parent?.id}\n`);
      const html = await readFile(join(lab, "experiments/om-datakwaliteit/rapport/runs", `${parent?.id}.html`), "utf8");
      expect(html).toContain("proef: 3000 zaken");
    });
    it("shows the executed notebook on the site, linked from its run page and from the runs it made", async () => {
      const pages = await renderSite(openWorkspace(lab));
      // Runs are numbered in the order they ended: the check the notebook made ends first.
      const notebookPage = pages.get("experimenten/om-datakwaliteit/run-2-notebook.html");
      expect(notebookPage).toContain("proef: 3000 zaken");
      // Both runs are sections of the first page of the run log.
      const runs = pages.get("experimenten/om-datakwaliteit/runs-1.html");
      expect(runs).toContain('<a href="run-2-notebook.html">het uitgevoerde notebook</a>');
      expect(runs).toContain('<a href="runs-1.html#run-2">run 2</a> (een notebookrun)');
    });
  });

  it("ends the run as failed, naming the cell, when a cell fails", async () => {
    const lab = await notebookLab();
    labs.push(lab);
    const cli = runCli(
      ["notebook", "run", "notebooks/parameters.ipynb", "--param", "faal=true", "--justification", WHY],
      {
        cwd: lab,
      },
    );
    expect(cli.code).toBe(3);
    expect(cli.stderr).toContain("Cel 4 van parameters.ipynb gaf een fout; het notebook stopte daar.");
    const [parent, ...others] = await runsOf(lab);
    expect(others).toEqual([]);
    expect(parent?.outcome).toBe("failed");
    expect(parent?.error?.message).toBe("Cel 4 van parameters.ipynb gaf een fout; het notebook stopte daar.");
    expect(parent?.artifacts.map((a) => a.name)).toEqual([`${parent?.id}.ipynb`, `${parent?.id}.html`]);
  }, 300_000);

  it("refuses an unknown parameter before the run, with a did-you-mean, and logs nothing", async () => {
    const lab = await notebookLab();
    labs.push(lab);
    const cli = runCli(
      ["notebook", "run", "notebooks/parameters.ipynb", "--param", "zakken=5", "--justification", WHY],
      {
        cwd: lab,
      },
    );
    expect(cli.code).toBe(3);
    expect(cli.stderr).toContain("Het notebook heeft geen parameter 'zakken'. (parameter_unknown)");
    expect(cli.stderr).toContain("Bedoelt u 'zaken'?");
    const typed = runCli(
      ["notebook", "run", "notebooks/parameters.ipynb", "--param", "zaken=veel", "--justification", WHY],
      {
        cwd: lab,
      },
    );
    expect(typed.stderr).toContain("De parameter 'zaken' is een getal; 'veel' past daar niet bij. (parameter_type)");
    expect(await readLogRecords(join(lab, "experiments/om-datakwaliteit/runlog.jsonl"))).toEqual([]);
  });
});

describe("a child analysis at the door", () => {
  it("is refused when the run it names as parent is not open in its experiment's log", async () => {
    const lab = await makeLab();
    const workspace = openWorkspace(lab);
    const opened = await openExperiment(workspace, "om-datakwaliteit");
    const request = {
      workspace,
      opened,
      analysis: { name: "kind", params: {} },
      reads: { datasets: [], columns: {} },
      justification: WHY,
    };
    process.env[PARENT_RUN_VARIABLE] = "00000000-0000-0000-0000-000000000000";
    try {
      await expect(openRun(request)).rejects.toMatchObject({ problems: [{ code: "parent_run_not_open" }] });
      const parent = await openRun({ ...request, parent: "" });
      process.env[PARENT_RUN_VARIABLE] = parent.id;
      const child = await openRun(request);
      expect(child.started.parent_run).toBe(parent.id);
      await child.end({ outcome: "completed" });
      await parent.end({ outcome: "completed" });
      await expect(openRun(request)).rejects.toMatchObject({ problems: [{ code: "parent_run_not_open" }] });
    } finally {
      delete process.env[PARENT_RUN_VARIABLE];
      await rm(lab, { recursive: true, force: true });
    }
  });
});
