import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Review } from "./review.js";

const reviewRecordSchema = z.object({
  type: z.enum(["review", "review_given"]),
  /** Issue 6's review records carry a verdict; only an approval counts for the gates. */
  verdict: z.string().optional(),
  at: z.string().min(1),
  who: z.object({ name: z.string().min(1) }).optional(),
  reviewer: z.string().min(1).optional(),
  experiment: z.object({ file_sha256: z.string().optional() }).optional(),
});

/**
 * SEAM for issue 6: reads the reviews from an experiment's run log, as records of type
 * "review". Issue 6 owns the record format and the recording; this reader takes who reviewed
 * (`reviewer`, else `who.name`), when (`at`) and which experiment file (`experiment.file_sha256`),
 * and skips every other line. A missing log means no reviews.
 */
export async function readReviews(runLogFile: string): Promise<Review[]> {
  let text: string;
  try {
    text = await readFile(runLogFile, "utf8");
  } catch {
    return [];
  }
  return text.split("\n").flatMap((line): Review[] => {
    const parsed = reviewRecordSchema.safeParse(safeJson(line));
    if (!parsed.success) return [];
    const { reviewer, who, at, experiment, verdict } = parsed.data;
    if (verdict !== undefined && verdict !== "goedgekeurd") return [];
    const name = reviewer ?? who?.name;
    if (!name) return [];
    const sha = experiment?.file_sha256;
    return [{ reviewer: name, at, ...(sha ? { experiment_sha256: sha } : {}) }];
  });
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
