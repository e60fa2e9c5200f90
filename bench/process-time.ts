/**
 * Whole processes measured by /usr/bin/time: wall time, CPU time and peak memory (RSS), with the
 * machine's load when each started. Shared by bench/checks-process.ts and bench/peers.ts.
 */
import { spawnSync } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";

export interface Measured {
  wall: number;
  cpu: number;
  peakMb: number;
  load: number;
  /** Stopped at the time limit: the figures are those at the stop. */
  stopped: boolean;
  /** Ended with an error where that may happen (`mayFail`): the error's first line. */
  failed?: string;
  stdout: string;
}

export interface TimeOptions {
  env?: NodeJS.ProcessEnv;
  /** Stop the process after this many seconds (coreutils `timeout`, which waits for it, so its peak memory counts). */
  limitSeconds?: number;
  /** An exit code outside `okCodes` is reported in `failed` instead of stopping the bench. */
  mayFail?: boolean;
}

/** Exit code of `timeout` when it stopped the command. */
const STOPPED = 124;

/** Runs one command under /usr/bin/time; an exit code outside `okCodes` stops the bench. */
export async function timeProcess(command: string[], okCodes: number[], options: TimeOptions = {}): Promise<Measured> {
  const out = join(tmpdir(), `livinglab-bench-time-${process.pid}`);
  const load = loadavg()[0] ?? 0;
  const limited =
    options.limitSeconds === undefined
      ? command
      : ["timeout", "--signal=TERM", "--kill-after=10", String(options.limitSeconds), ...command];
  const run = spawnSync("/usr/bin/time", ["-o", out, "-f", "%e %U %S %M", ...limited], {
    encoding: "utf8",
    env: { ...process.env, ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  const stopped = options.limitSeconds !== undefined && run.status === STOPPED;
  const failed =
    !stopped && !okCodes.includes(run.status ?? -1) && options.mayFail
      ? (`${run.stderr}`.split("\n").find((l) => /Error/.test(l)) ?? `exit ${run.status}`).trim()
      : undefined;
  if (!stopped && !failed && !okCodes.includes(run.status ?? -1)) {
    await rm(out, { force: true });
    console.error(run.stdout, run.stderr);
    throw new Error(`${command.join(" ")} ended with ${run.status}`);
  }
  // After a stop, time writes "Command exited with non-zero status 124" before the figures.
  const [wall, user, system, kb] = (await readFile(out, "utf8")).trim().split(/\s+/).slice(-4).map(Number);
  await rm(out, { force: true });
  return {
    wall: wall ?? 0,
    cpu: (user ?? 0) + (system ?? 0),
    peakMb: (kb ?? 0) / 1024,
    load,
    stopped,
    ...(failed && { failed }),
    stdout: run.stdout,
  };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
export const fixed = (x: number, d = 2) => x.toFixed(d);

/** One engine's rounds on one line: wall time of each, medians, peak memory and the load beside each. */
export function line(name: string, runs: Measured[], width = 28): string {
  const loads = runs.map((r) => fixed(r.load, 1)).join("/");
  const failed = runs.find((r) => r.failed)?.failed;
  if (failed) return `${name.padEnd(width)} mislukt na ${fixed(Math.max(...runs.map((r) => r.wall)))} s: ${failed}`;
  const walls = runs.map((r) => (r.stopped ? `gestopt na ${fixed(r.wall, 0)}` : fixed(r.wall))).join(" ");
  const peak = fixed(Math.max(...runs.map((r) => r.peakMb)), 0);
  const atStop = runs.some((r) => r.stopped) ? " (bij de stop)" : "";
  return `${name.padEnd(width)} wand ${walls} s (mediaan ${fixed(median(runs.map((r) => r.wall)))}), cpu mediaan ${fixed(median(runs.map((r) => r.cpu)))} s, piek ${peak} MB${atStop}, belasting ${loads}`;
}
