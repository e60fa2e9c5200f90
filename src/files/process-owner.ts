import { readFileSync } from "node:fs";
import { hostname } from "node:os";

/** Who made a temporary file or folder: a process on a host, told apart from a later process with the same pid. */
export interface ProcessOwner {
  pid: number;
  host: string;
  /** When the process started, in clock ticks since boot (Linux); 0 where that cannot be read. */
  started: number;
}

/** The process this code runs in. */
export function currentOwner(): ProcessOwner {
  return { pid: process.pid, host: hostname(), started: startTicks(process.pid) };
}

/**
 * Whether the owner may still be running. Only a process on this host can be known dead: its
 * pid is gone, or now belongs to a process that started at another moment (a reused pid).
 */
export function ownerIsAlive(owner: ProcessOwner): boolean {
  if (owner.host !== hostname()) return true;
  if (!pidExists(owner.pid)) return false;
  return owner.started === 0 || startTicks(owner.pid) === owner.started;
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code !== "ESRCH";
  }
}

/** Field 22 of /proc/<pid>/stat: the start time, which a reused pid does not share. */
function startTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses; the fields after its last ")" are plain.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[19]) || 0;
  } catch {
    return 0;
  }
}
