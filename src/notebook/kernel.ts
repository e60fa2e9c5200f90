import { escapeHtml } from "../report/html.js";

/** What tslab puts on `globalThis` in its kernel; its `require` resolves from the notebook's folder. */
interface TslabGlobal {
  require(id: string): unknown;
}

interface TslabDisplay {
  html(s: string): void;
}

function tslabGlobal(): TslabGlobal | undefined {
  return (globalThis as { __tslab__?: TslabGlobal }).__tslab__;
}

/** True inside a tslab notebook kernel. */
export function inKernel(): boolean {
  return tslabGlobal() !== undefined;
}

let interrupts: AbortController | undefined;

/**
 * In a notebook kernel: a signal that Kernel, Interrupt aborts (the kernel gets SIGINT), so the
 * library's long work stops and removes its temporary files instead of running on under the
 * next cell. Each interrupt aborts the work of that moment; later work gets a fresh signal.
 * Outside a kernel: undefined (a command stops on Ctrl+C as any process does).
 */
export function interruptSignal(): AbortSignal | undefined {
  if (!inKernel()) return undefined;
  if (!interrupts) {
    interrupts = new AbortController();
    process.on("SIGINT", () => {
      interrupts?.abort();
      interrupts = new AbortController();
    });
  }
  return interrupts.signal;
}

/**
 * Shows progress of long work: in a notebook a bar that updates in place under the cell, on a
 * terminal a line that overwrites itself; elsewhere (a pipe, a log file) nothing.
 */
export function progressReporter(label: string): ((done: number, total: number) => void) | undefined {
  const kernel = tslabGlobal();
  if (kernel) {
    let shown: TslabDisplay | undefined;
    return (done, total) => {
      shown ??= (kernel.require("tslab") as { newDisplay(): TslabDisplay }).newDisplay();
      const percent = Math.round((done / Math.max(total, 1)) * 100);
      shown.html(
        `<label>${escapeHtml(label)}: <progress value="${done}" max="${total}"></progress> ${percent}% (${escapeHtml(done.toLocaleString("nl-NL"))} van ${escapeHtml(total.toLocaleString("nl-NL"))})</label>`,
      );
    };
  }
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    const percent = Math.round((done / Math.max(total, 1)) * 100);
    process.stderr.write(`\r${label}: ${percent}%${done >= total ? "\n" : ""}`);
  };
}
