import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { join } from "node:path";
import { packageRoot } from "../workspace.js";

/** SHA-256 of a file's content, streamed so large datasets need no memory. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Who runs this: the git identity, else LIVINGLAB_USER, else the operating-system account. */
export function whoAmI(cwd: string): { name: string; source: "git" | "env" | "os" } {
  const name = git(["config", "user.name"], cwd);
  const email = git(["config", "user.email"], cwd);
  if (name || email) return { name: [name, email && `<${email}>`].filter(Boolean).join(" "), source: "git" };
  const fromEnv = process.env.LIVINGLAB_USER?.trim();
  if (fromEnv) return { name: fromEnv, source: "env" };
  return { name: userInfo().username, source: "os" };
}

/** The commit checked out in `cwd` and a hash of uncommitted changes, when it is a git work tree. */
export function codeVersion(cwd: string): { commit: string | null; uncommitted_sha256: string | null } {
  const commit = git(["rev-parse", "HEAD"], cwd) || null;
  const diff = commit ? git(["diff", "HEAD"], cwd) : "";
  return {
    commit,
    uncommitted_sha256: diff ? createHash("sha256").update(diff).digest("hex") : null,
  };
}

/** This library's version, from its package.json. */
export async function libraryVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(packageRoot(), "package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "unknown";
}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}
