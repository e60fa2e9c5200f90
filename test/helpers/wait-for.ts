import type { ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Waits until `probe` finds what a child process signals (a file, a folder), or fails when the
 * child ends first. No timing assumption: a slow machine only makes it wait longer.
 */
export async function waitForSignal<T>(child: ChildProcess, probe: () => Promise<T | undefined>): Promise<T> {
  let ended = false;
  child.once("exit", () => {
    ended = true;
  });
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (ended) throw new Error("the child process ended before it gave the signal");
    await sleep(10);
  }
}
