import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { REPO } from "../helpers/cli.js";

let bundled: Promise<string> | undefined;

/**
 * The appender bundled into one plain JavaScript file (esbuild, which tsx and vite already
 * bring), so a child starts in a tenth of the time it takes through tsx and hundreds fit in a test.
 */
function appenderScript(): Promise<string> {
  bundled ??= (async () => {
    const outfile = join(await mkdtemp(join(tmpdir(), "livinglab-appender-")), "append-loop.mjs");
    await build({
      entryPoints: [join(REPO, "test/runlog/fixtures/append-loop.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      outfile,
      logLevel: "error",
    });
    return outfile;
  })();
  return bundled;
}

export interface ChildAppends {
  /** "seq hash" of every record the child was told is on disk. */
  acked: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Starts a process that appends `count` records to `file`; `onAck` gets it with the number of
 * records it has acknowledged so far, after each one: a signal from the child, not a guess at time.
 */
export async function spawnAppender(
  file: string,
  count: number,
  writer: string,
  onAck: (child: ChildProcess, acked: number) => void = () => {},
): Promise<ChildAppends> {
  const child = spawn(process.execPath, [await appenderScript(), file, String(count), writer], {
    cwd: REPO,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const acked: string[] = [];
  let buffer = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) {
      if (line === "ready") continue;
      acked.push(line);
      onAck(child, acked.length);
    }
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ acked, code, signal, stderr })));
}
