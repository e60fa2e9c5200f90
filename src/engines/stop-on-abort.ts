import { interruptedWork } from "../errors/interrupted.js";
import type { Engine } from "./engine.js";

/**
 * Runs work on an engine that `signal` may stop: an abort interrupts the engine's running
 * statement (and refuses later ones), and the work then ends in `Interrupted`, whatever the
 * engine threw, so a stopped custom check is never recorded as a result.
 * @example const outcome = await stopOnAbort(engine, signal, "De checks", () => runSuite(engine, loaded, permit));
 */
export async function stopOnAbort<T>(
  engine: Engine,
  signal: AbortSignal | undefined,
  what: string,
  work: () => Promise<T>,
): Promise<T> {
  if (!signal) return work();
  if (signal.aborted) throw interruptedWork(what);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping = engine.interrupt?.();
  };
  signal.addEventListener("abort", stop, { once: true });
  try {
    const value = await work();
    if (signal.aborted) throw interruptedWork(what);
    return value;
  } catch (error) {
    // A cancel that could not be sent is a tool error of its own; else the abort explains the failure.
    await stopping;
    if (signal.aborted) throw interruptedWork(what);
    throw error;
  } finally {
    signal.removeEventListener("abort", stop);
  }
}
