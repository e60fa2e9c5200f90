import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/cli.js";

describe("the example notebooks", () => {
  it("are committed with outputs cleared, so no result of a run is saved in git", async () => {
    const names = (await readdir(join(REPO, "notebooks"))).filter((n) => n.endsWith(".ipynb"));
    expect(names).toContain("04-dataframes.ipynb");
    for (const name of names) {
      const notebook = JSON.parse(await readFile(join(REPO, "notebooks", name), "utf8")) as {
        cells: { cell_type: string; outputs?: unknown[]; execution_count?: number | null }[];
      };
      for (const cell of notebook.cells.filter((c) => c.cell_type === "code")) {
        expect(cell.outputs, name).toEqual([]);
        expect(cell.execution_count, name).toBeNull();
      }
    }
  });
});
