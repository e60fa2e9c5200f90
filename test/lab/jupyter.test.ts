import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REPO } from "../helpers/cli.js";
import { getJson, type Jupyter, startJupyter, TOKEN } from "../helpers/jupyter-server.js";

describe("./lab jupyter", () => {
  let lab: Jupyter | undefined;
  afterEach(() => lab?.stop());

  it("serves notebooks/ on localhost with the tslab kernel as the only kernel", async () => {
    lab = await startJupyter();
    const specs = (await getJson(`${lab.base}/api/kernelspecs?token=${TOKEN}`, Date.now() + 10_000)) as {
      default: string;
      kernelspecs: Record<string, { spec: { argv: string[] } }>;
    };
    expect(specs.default).toBe("tslab");
    expect(Object.keys(specs.kernelspecs)).toEqual(["tslab"]);
    expect(specs.kernelspecs.tslab?.spec.argv[0]).toBe(join(REPO, "node_modules/.bin/tslab"));
    const contents = (await getJson(`${lab.base}/api/contents?token=${TOKEN}`, Date.now() + 10_000)) as {
      content: { name: string }[];
    };
    expect(contents.content.map((c) => c.name)).toContain("01-om-datakwaliteit.ipynb");
    expect(contents.content.map((c) => c.name)).not.toContain("node_modules");
  });

  it("saves a notebook without outputs, execution counts or timings, so running a tutorial leaves the tree clean", async () => {
    const root = await mkdtemp(join(tmpdir(), "livinglab-jupyter-save-"));
    try {
      lab = await startJupyter([`--ServerApp.root_dir=${root}`]);
      const shipped = await readFile(join(REPO, "notebooks/01-om-datakwaliteit.ipynb"), "utf8");
      const run = JSON.parse(shipped) as { cells: Record<string, unknown>[]; metadata: Record<string, unknown> };
      // What JupyterLab sends after the cells ran: outputs, counts, timings, the kernel's language details.
      for (const cell of run.cells.filter((c) => c.cell_type === "code")) {
        cell.outputs = [{ output_type: "stream", name: "stdout", text: "Datakwaliteit van de OM-zaakregistratie\n" }];
        cell.execution_count = 3;
        cell.metadata = { ...(cell.metadata as object), execution: { "iopub.status.busy": "2026-11-29T12:00:00Z" } };
      }
      run.metadata.language_info = { name: "typescript", version: "5.9.3", mimetype: "text/typescript" };
      const saved = await fetch(`${lab.base}/api/contents/01-om-datakwaliteit.ipynb?token=${TOKEN}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ type: "notebook", format: "json", content: run }),
      });
      expect(saved.status).toBe(201);
      expect(await readFile(join(root, "01-om-datakwaliteit.ipynb"), "utf8")).toBe(shipped);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
