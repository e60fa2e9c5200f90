import { execFileSync, spawn } from "node:child_process";
import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat, readFile, readlink } from "node:fs/promises";
import { userInfo } from "node:os";
import { join } from "node:path";
import { packageRoot } from "../workspace.js";

/** SHA-256 of a file's content, streamed so large datasets need no memory. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  // Chunks of 1 MiB: a data file of hundreds of megabytes is hashed in about 4/5 of the time of
  // the default 64 KiB (fewer stream turns on the main thread, which waits for nothing else then).
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
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

/**
 * Not code, though it lives in the tree: the run logs (the record itself, which every run
 * changes) and the tool's scratch folders. Everything else that git does not ignore is covered.
 */
const NOT_CODE = [
  "--",
  ".",
  ":(exclude,glob)**/runlog.jsonl",
  ":(exclude,glob)**/runlog.jsonl.*",
  ":(exclude,glob)**/.livinglab-tmp/**",
];

/** The code a run ran: the commit, and what was not committed (tracked changes, untracked files). */
export interface CodeVersion {
  commit: string | null;
  /** SHA-256 over the uncommitted changes and untracked files; null for a clean tree (or no git). */
  uncommitted_sha256: string | null;
  /** What that hash covers: how many tracked files differ from the commit, how many files are untracked (not ignored). */
  uncommitted?: { tracked_files: number; untracked_files: number };
}

/**
 * The commit checked out in `cwd` and a hash of everything not committed, when it is a git work
 * tree: the full diff against the commit (binary changes included, streamed, of any size) and
 * every untracked file that git does not ignore (its path and content). Ignored files are not code.
 * @example const { commit, uncommitted_sha256 } = await codeVersion(lab.root);
 */
export async function codeVersion(cwd: string): Promise<CodeVersion> {
  const commit = git(["rev-parse", "HEAD"], cwd) || null;
  const top = commit ? git(["rev-parse", "--show-toplevel"], cwd) : "";
  if (!commit || !top) return { commit, uncommitted_sha256: null };
  const tracked = listNul(git(["diff", "HEAD", "--name-only", "-z", "--no-renames", ...NOT_CODE], top, false));
  const untracked = listNul(git(["ls-files", "--others", "--exclude-standard", "-z", ...NOT_CODE], top, false)).sort();
  if (tracked.length === 0 && untracked.length === 0) return { commit, uncommitted_sha256: null };
  const hash = createHash("sha256");
  const diff = ["diff", "HEAD", "--binary", "--no-color", "--no-ext-diff", "--no-textconv", "--no-renames"];
  await streamInto(hash, "git", [...diff, ...NOT_CODE], top);
  for (const path of untracked) await hashUntracked(hash, join(top, path), path);
  return {
    commit,
    uncommitted_sha256: hash.digest("hex"),
    uncommitted: { tracked_files: tracked.length, untracked_files: untracked.length },
  };
}

/** A command's output fed to the hash as it comes, without a buffer limit. */
function streamInto(hash: Hash, command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "ignore"] });
    child.stdout.on("data", (chunk: Buffer) => hash.update(chunk));
    child.on("error", fail);
    child.on("close", (code) => (code === 0 ? done() : fail(new Error(`${command} ${args[0]} gaf exitcode ${code}`))));
  });
}

/** An untracked file as its path, its size and its bytes (a symlink: where it points). */
async function hashUntracked(hash: Hash, file: string, path: string): Promise<void> {
  const info = await lstat(file).catch(() => undefined);
  if (!info) return;
  if (info.isSymbolicLink()) {
    hash.update(`\0untracked-link ${path}\0${await readlink(file)}\0`);
    return;
  }
  hash.update(`\0untracked ${path}\0${info.size}\0`);
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
}

function listNul(text: string): string[] {
  return text.split("\0").filter((p) => p !== "");
}

/** This library's version, from its package.json. */
export async function libraryVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(packageRoot(), "package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "unknown";
}

function git(args: string[], cwd: string, trim = true): string {
  try {
    const out = execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: Number.POSITIVE_INFINITY,
    });
    return trim ? out.trim() : out;
  } catch {
    return "";
  }
}
