import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { REPO } from "./cli.js";

export const TOKEN = "livinglab-test";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Polls a JSON endpoint until it answers (the server is starting), or fails at the deadline. */
export async function getJson(url: string, deadline: number): Promise<unknown> {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return await response.json();
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`JupyterLab did not answer at ${url}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export interface Jupyter {
  base: string;
  /** Where the server writes what it says (kernel starts, restarts, errors). */
  log?: string;
  stop(): void;
}

/** Starts `./lab jupyter` as a user does, on a free port, optionally serving another folder. */
export async function startJupyter(extra: string[] = [], log?: string): Promise<Jupyter> {
  const port = await freePort();
  const out = log ? openSync(log, "a") : "ignore";
  const lab: ChildProcess = spawn(
    join(REPO, "lab"),
    ["jupyter", `--ServerApp.port=${port}`, `--IdentityProvider.token=${TOKEN}`, ...extra],
    { cwd: REPO, detached: true, stdio: ["ignore", out, out] },
  );
  // The server holds its own copy of the log's descriptor.
  if (typeof out === "number") closeSync(out);
  const base = `http://127.0.0.1:${port}`;
  await getJson(`${base}/api/status?token=${TOKEN}`, Date.now() + 180_000);
  return {
    base,
    log,
    stop: () => {
      if (lab.pid) process.kill(-lab.pid, "SIGTERM");
    },
  };
}
