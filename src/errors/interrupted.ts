import { LivingLabError } from "./problem.js";

/**
 * Work the user stopped (Kernel, Interrupt; an abort signal): not a mistake and not a tool
 * error, so the run log records it by its own kind, `interrupted`.
 */
export class Interrupted extends LivingLabError {
  readonly kind = "interrupted";
}

/** Narrows an unknown thrown value to work the user stopped. */
export function isInterrupted(value: unknown): value is Interrupted {
  return value instanceof Interrupted;
}

/**
 * The problem of stopped work: what stopped, and that nothing was written.
 * @example throw interruptedWork("De checks");
 */
export function interruptedWork(what: string): Interrupted {
  return new Interrupted({
    code: "interrupted",
    message: `Onderbroken: ${what} stopte voordat er een uitkomst was. Er is niets geschreven.`,
    hint: "Start opnieuw wanneer u de uitkomst nodig hebt, eventueel op minder data.",
  });
}
