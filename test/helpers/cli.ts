import { spawnSync } from "node:child_process";
import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO = resolve(import.meta.dirname, "../..");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the livinglab CLI from source, as a user would run the installed command. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  // tsx by absolute path, so the CLI also runs with a throwaway lab as working folder.
  const tsx = join(REPO, "node_modules/tsx/dist/esm/index.mjs");
  const result = spawnSync(process.execPath, ["--import", tsx, join(REPO, "src/cli/main.ts"), ...args], {
    cwd: options.cwd ?? REPO,
    encoding: "utf8",
    env: { ...process.env, ...options.env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
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
