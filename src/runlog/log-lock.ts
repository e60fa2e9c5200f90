import { randomUUID } from "node:crypto";
import { link, readdir, readFile, stat, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { LivingLabError } from "../errors/problem.js";

export interface LogLockOptions {
  /** Give up waiting after this long (default 60 s). */
  timeoutMs?: number;
  /** A lock older than this is stale even if its holder seems alive (default 30 s; an append takes milliseconds). */
  staleMs?: number;
}

interface LockInfo {
  pid: number;
  host: string;
  token: string;
}

/**
 * Runs `fn` while holding the log's exclusive lock file `<log>.lock`. Node has no flock, so
 * the lock is a file created with O_EXCL ("wx"); a lock whose holder died (same host, pid gone)
 * or that is older than `staleMs` is broken under a second lock, `<log>.lock.break`, so two
 * waiters never both break it and remove a fresh lock by mistake.
 */
export async function withLogLock<T>(file: string, fn: () => Promise<T>, options: LogLockOptions = {}): Promise<T> {
  const lock = `${file}.lock`;
  const token = await acquire(lock, options.timeoutMs ?? 60_000, options.staleMs ?? 30_000);
  try {
    return await fn();
  } finally {
    // Only remove the lock if it is still ours: a stale-lock breaker may have taken it.
    if ((await readLock(lock))?.token === token) await unlink(lock).catch(() => {});
  }
}

/** Locks whose leftovers this process already cleared: once per lock and process is enough. */
const cleared = new Set<string>();

async function acquire(lock: string, timeoutMs: number, staleMs: number): Promise<string> {
  if (!cleared.has(lock)) {
    cleared.add(lock);
    await removeLeftovers(lock);
  }
  const info: LockInfo = { pid: process.pid, host: hostname(), token: randomUUID() };
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    if (await createWithContent(lock, JSON.stringify(info))) return info.token;
    if (await isStale(lock, staleMs)) {
      await breakStale(lock, staleMs);
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      throw new LivingLabError({
        code: "run_log_busy",
        message: `Het logboek is al ${Math.round(timeoutMs / 1000)} seconden bezet door een ander proces.`,
        hint: `Wacht tot die run klaar is. Staat er geen run meer, verwijder dan ${lock}.`,
        file: lock,
      });
    }
    await sleep(1 + Math.random() * Math.min(20, 1 + attempt));
  }
}

/**
 * Creates the lock with its content in one step: written to a private file first, then
 * hard-linked to the lock's name (link fails if the name exists). A lock is never seen empty,
 * so a holder killed at any moment leaves a lock whose dead pid marks it stale.
 */
async function createWithContent(lock: string, content: string): Promise<boolean> {
  const own = `${lock}.${process.pid}.${randomUUID().slice(0, 8)}`;
  await writeFile(own, content);
  try {
    await link(own, lock);
    return true;
  } catch (error) {
    if (!isCode(error, "EEXIST")) throw error;
    return false;
  } finally {
    await unlink(own).catch(() => {});
  }
}

/**
 * Removes the private files of `createWithContent` (for the lock and for its breaker) that
 * processes killed mid-way left behind: at a process's first lock, and after breaking a stale one.
 */
async function removeLeftovers(lock: string): Promise<void> {
  const prefix = `${basename(lock)}.`;
  for (const name of await readdir(dirname(lock)).catch(() => [] as string[])) {
    const pid = /^(?:break\.)?(\d+)\.[0-9a-f]{8}$/.exec(name.slice(prefix.length))?.[1];
    if (name.startsWith(prefix) && pid !== undefined && !isAlive(Number(pid))) {
      await unlink(join(dirname(lock), name)).catch(() => {});
    }
  }
}

async function isStale(lock: string, staleMs: number): Promise<boolean> {
  const [info, stats] = await Promise.all([readLock(lock), stat(lock).catch(() => undefined)]);
  if (!stats) return false;
  if (Date.now() - stats.mtimeMs > staleMs) return true;
  return info !== undefined && info.host === hostname() && !isAlive(info.pid);
}

async function breakStale(lock: string, staleMs: number): Promise<void> {
  const breaker = `${lock}.break`;
  const seen = await readFile(lock, "utf8").catch(() => undefined);
  const info: LockInfo = { pid: process.pid, host: hostname(), token: randomUUID() };
  if (!(await createWithContent(breaker, JSON.stringify(info)))) {
    // Someone else is breaking it. A breaker that died leaves its own stale file: remove that
    // one (the tiny window of two breakers then is harmless, both re-check before unlinking).
    if (await isStale(breaker, staleMs)) await unlink(breaker).catch(() => {});
    await sleep(1);
    return;
  }
  try {
    // Under the break lock nobody else removes the lock, so an unchanged content is still the stale one.
    if ((await readFile(lock, "utf8").catch(() => undefined)) === seen && (await isStale(lock, staleMs))) {
      await unlink(lock).catch(() => {});
      await removeLeftovers(lock);
    }
  } finally {
    if ((await readLock(breaker))?.token === info.token) await unlink(breaker).catch(() => {});
  }
}

async function readLock(lock: string): Promise<LockInfo | undefined> {
  try {
    const value = JSON.parse(await readFile(lock, "utf8")) as Partial<LockInfo>;
    if (typeof value.pid === "number" && typeof value.host === "string" && typeof value.token === "string") {
      return value as LockInfo;
    }
  } catch {
    // Missing, or just created and not yet written: not readable, so not known to be stale.
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return !isCode(error, "ESRCH");
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}
