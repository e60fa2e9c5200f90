import { isLivingLabError, type Problem } from "../../src/errors/problem.js";

/** The problems of what `call` threw; fails the test when it did not throw a user's problem. */
export async function problemsOf(call: () => Promise<unknown>): Promise<readonly Problem[]> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isLivingLabError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error.problems;
}
