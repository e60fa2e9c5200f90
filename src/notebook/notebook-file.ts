import { readFile } from "node:fs/promises";
import { z } from "zod";
import { LivingLabError } from "../errors/problem.js";

const sourceSchema = z.union([z.string(), z.array(z.string())]);

const cellSchema = z
  .object({
    cell_type: z.string(),
    source: sourceSchema,
    metadata: z
      .object({ tags: z.array(z.string()).optional() })
      .passthrough()
      .default({}),
    outputs: z.array(z.record(z.string(), z.unknown())).optional(),
  })
  .passthrough();
export type NotebookCell = z.infer<typeof cellSchema>;

/** A Jupyter notebook (nbformat 4) as far as livinglab reads it; everything else is kept as it is. */
export const notebookSchema = z
  .object({
    nbformat: z.literal(4),
    cells: z.array(cellSchema),
    metadata: z
      .object({ livinglab: z.object({ experiment: z.string().optional() }).passthrough().optional() })
      .passthrough()
      .default({}),
  })
  .passthrough();
export type Notebook = z.infer<typeof notebookSchema>;

/** The text of a cell, whether the file holds it as one string or as lines. */
export function cellText(cell: NotebookCell): string {
  return typeof cell.source === "string" ? cell.source : cell.source.join("");
}

/** Reads a notebook file; a file that is not a notebook is a problem naming the file. */
export async function readNotebook(file: string): Promise<{ notebook: Notebook; bytes: Buffer }> {
  const bytes = await readFile(file).catch(() => {
    throw new LivingLabError({
      code: "notebook_not_found",
      message: `Het notebook ${file} bestaat niet.`,
      hint: "Geef het pad van een .ipynb-bestand, bijvoorbeeld notebooks/01-om-datakwaliteit.ipynb.",
      file,
    });
  });
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    json = undefined;
  }
  const parsed = notebookSchema.safeParse(json);
  if (!parsed.success) {
    throw new LivingLabError({
      code: "notebook_invalid",
      message: `${file} is geen Jupyter-notebook (nbformat 4).`,
      hint: "Sla het notebook op vanuit JupyterLab en probeer het opnieuw.",
      file,
    });
  }
  return { notebook: parsed.data, bytes };
}
