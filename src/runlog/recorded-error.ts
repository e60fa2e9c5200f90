import { z } from "zod";
import { isEngineError } from "../engines/engine-error.js";
import { isInterrupted } from "../errors/interrupted.js";
import { isLivingLabError } from "../errors/problem.js";
import { maskPersonalData } from "../personal-data/mask-personal-data.js";

/**
 * What the run log keeps of an error: its code, its kind and a Dutch message we wrote. Never
 * the text of a database or of an exception, which may quote a value from the data; that is
 * shown on the user's screen only. Schema 1 and 2 records before this held only `message`.
 */
export const recordedErrorSchema = z.object({
  message: z.string(),
  code: z.string().optional(),
  /** `data`, `resource`, `connection`, `interrupted` or `query` (from the database), `input` or `internal`. */
  kind: z.string().optional(),
});
export type RecordedError = z.infer<typeof recordedErrorSchema>;

/**
 * The error as the run log records it. A database's error by its code and our text; a user's
 * mistake by its problems' codes and our messages (which name files and lines, never values,
 * and are masked all the same); anything else as an internal error, without its text.
 * @example recordedError(new EngineError("engine_data_value", "Conversion Error: ... 'Jan' ..."))
 */
export function recordedError(error: unknown): RecordedError {
  if (isEngineError(error)) return { code: error.code, kind: error.kind, message: error.message };
  if (isLivingLabError(error)) {
    const [first] = error.problems;
    return {
      code: first?.code ?? "input_error",
      kind: isInterrupted(error) ? error.kind : "input",
      message: maskPersonalData(error.problems.map((p) => p.message).join(" ")),
    };
  }
  return {
    code: "internal_error",
    kind: "internal",
    message: "Interne fout in livinglab; de melding stond alleen op het scherm van wie de run deed.",
  };
}
