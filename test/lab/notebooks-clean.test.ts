import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/cli.js";

interface Cell {
  cell_type: string;
  outputs?: unknown[];
  execution_count?: number | null;
  metadata: Record<string, unknown>;
}

/** How JupyterLab writes a notebook: sorted keys, one space of indent, a final newline. */
function asJupyterSaves(notebook: unknown): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value !== null && typeof value === "object"
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
          )
        : value;
  return `${JSON.stringify(sorted(notebook), null, 1)}\n`;
}

describe("the shipped notebooks", async () => {
  const names = (await readdir(join(REPO, "notebooks"))).filter((n) => n.endsWith(".ipynb"));

  it.each(names)("%s is committed without outputs, for the TypeScript kernel, as JupyterLab saves it", async (name) => {
    const text = await readFile(join(REPO, "notebooks", name), "utf8");
    const notebook = JSON.parse(text) as { cells: Cell[]; metadata: { kernelspec?: { name?: string } } };
    for (const cell of notebook.cells.filter((c) => c.cell_type === "code")) {
      expect(cell.outputs).toEqual([]);
      expect(cell.execution_count).toBeNull();
      expect(cell.metadata.execution).toBeUndefined();
    }
    expect(notebook.metadata.kernelspec?.name).toBe("tslab");
    // Saving it again in JupyterLab (outputs stripped) gives the same bytes: the tree stays clean.
    expect(text).toBe(asJupyterSaves(notebook));
  });

  it("include a notebook with a parameters cell", async () => {
    const notebook = JSON.parse(await readFile(join(REPO, "notebooks/01-om-datakwaliteit.ipynb"), "utf8")) as {
      cells: Cell[];
    };
    expect(
      notebook.cells.filter((c) => (c.metadata.tags as string[] | undefined)?.includes("parameters")),
    ).toHaveLength(1);
  });
});
