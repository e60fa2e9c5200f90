import { spawn, spawnSync } from "node:child_process";
import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO = resolve(import.meta.dirname, "../..");
/** The built command, as users run it; the global setup rebuilds it when src/ is newer. */
export const CLI = join(REPO, "dist/cli/main.js");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
}

/** Runs the built livinglab CLI in its own process, as a user would run the installed command. */
export function runCli(args: string[], options: CliOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: "utf8",
    env: { ...process.env, ...options.env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Like `runCli`, without blocking: for processes that must run at the same time. */
export function startCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, ...options.env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((done) => child.on("close", (code) => done({ code: code ?? -1, stdout, stderr })));
}

/** A throwaway lab with copies of the given experiments and the template catalog. */
export async function makeLab(experiments: string[] = ["om-datakwaliteit"]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "livinglab-test-"));
  await cp(join(REPO, "templates"), join(root, "templates"), { recursive: true });
  for (const id of experiments) {
    await cp(join(REPO, "experiments", id), join(root, "experiments", id), {
      recursive: true,
      filter: (src) => !/\/(data|rapport)$|runlog\.jsonl/.test(src),
    });
  }
  return root;
}

/** Options for `runCli` that make the command run as `name`, whatever the machine's git identity is. */
export function asPerson(name: string): { env: Record<string, string> } {
  return { env: { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1", LIVINGLAB_USER: name } };
}
