import { isLivingLabError } from "../errors/problem.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import { type DoorRequest, openRun } from "./open-run.js";
import type { RunEnd, RunPermit } from "./run-permit.js";

/** A refusal by a gate (codes `gate_...`), as opposed to a mistake or a tool error. */
export function isRefusal(error: unknown): boolean {
  return isLivingLabError(error) && error.problems.every((p) => p.code.startsWith("gate_"));
}

/**
 * Runs `work` as one logged run: through the door first, then the work with its permit, then
 * the end record. When the work throws, the run ends as `refused` (a gate said no to a
 * dataset) or `error`, and the error is thrown again.
 * @example const { value } = await throughDoor(request, async (permit) => ({ value: 42, end: { outcome: "completed" } }));
 */
export async function throughDoor<T>(
  request: DoorRequest,
  work: (permit: RunPermit) => Promise<{ value: T; end: Omit<RunEnd, "error"> }>,
): Promise<{ value: T; record: RunRecord; permit: RunPermit }> {
  const permit = await openRun(request);
  let done: { value: T; end: Omit<RunEnd, "error"> };
  try {
    done = await work(permit);
  } catch (error) {
    await permit.end({ outcome: isRefusal(error) ? "refused" : "error", error });
    throw error;
  }
  return { value: done.value, record: await permit.end(done.end), permit };
}
