import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { LivingLabError } from "../errors/problem.js";

const run = promisify(execFile);

/** Where the key the workbench signs with comes from, and the public key line. */
export interface SigningKey {
  /** `LIVINGLAB_SIGNING_KEY`, git's `user.signingkey`, or the ssh-agent. */
  source: "env" | "git" | "agent";
  /** A private key file; absent when the ssh-agent holds the private key. */
  file?: string;
  publicKey: string;
}

/**
 * The keys you could sign with, in the order the workbench tries them: the key file (or public
 * key, signed by the agent) in LIVINGLAB_SIGNING_KEY, git's `user.signingkey` when git signs with
 * SSH, then every key in the ssh-agent. The people file decides which of them is a person.
 */
export async function candidateKeys(cwd: string): Promise<SigningKey[]> {
  const fromEnv = process.env.LIVINGLAB_SIGNING_KEY?.trim();
  if (fromEnv) return [await keyFrom(fromEnv, "env")];
  const keys: SigningKey[] = [];
  const format = await git(["config", "gpg.format"], cwd);
  const fromGit = format === "ssh" ? await git(["config", "user.signingkey"], cwd) : "";
  if (fromGit) keys.push(await keyFrom(fromGit.replace(/^key::/, ""), "git"));
  keys.push(...(await agentKeys()));
  return keys;
}

/** A key given as a public key line, a public key file, or a private key file (its `.pub` beside it, else derived). */
async function keyFrom(given: string, source: SigningKey["source"]): Promise<SigningKey> {
  if (/^(ssh-|ecdsa-|sk-)/.test(given)) return { source, publicKey: given };
  const file = given.replace(/^~(?=\/)/, process.env.HOME ?? "~");
  if (!existsSync(file)) {
    throw new LivingLabError({
      code: "signing_key_missing",
      message: `De sleutel ${file} (uit ${source === "env" ? "LIVINGLAB_SIGNING_KEY" : "git user.signingkey"}) bestaat niet.`,
      hint: "Geef het pad van uw eigen SSH-sleutel, of laat de variabele leeg en gebruik de ssh-agent.",
    });
  }
  const text = await readFile(file, "utf8");
  if (/^(ssh-|ecdsa-|sk-)/.test(text)) return { source, publicKey: text.trim() };
  if (existsSync(`${file}.pub`)) return { source, file, publicKey: (await readFile(`${file}.pub`, "utf8")).trim() };
  const derived = await run("ssh-keygen", ["-y", "-P", "", "-f", file]).catch(() => undefined);
  if (!derived) {
    throw new LivingLabError({
      code: "signing_key_unreadable",
      message: `De publieke sleutel bij ${file} is niet te bepalen.`,
      hint: `Zet het .pub-bestand ernaast (${file}.pub), of laad de sleutel in de ssh-agent met 'ssh-add'.`,
    });
  }
  return { source, file, publicKey: derived.stdout.trim() };
}

async function agentKeys(): Promise<SigningKey[]> {
  if (!process.env.SSH_AUTH_SOCK) return [];
  const listed = await run("ssh-add", ["-L"]).catch(() => undefined);
  return (listed?.stdout ?? "")
    .split("\n")
    .filter((line) => /^(ssh-|ecdsa-|sk-)/.test(line))
    .map((publicKey) => ({ source: "agent" as const, publicKey: publicKey.trim() }));
}

/**
 * Signs `message` with OpenSSH (`ssh-keygen -Y sign`) in `namespace`: with the key file, or
 * through the ssh-agent when only the public key is known. Returns the armored signature.
 */
export async function signWithKey(key: SigningKey, message: string, namespace: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "livinglab-sign-"));
  try {
    let keyFile = key.file;
    if (!keyFile) {
      keyFile = join(dir, "key.pub");
      await writeFile(keyFile, `${key.publicKey}\n`);
    }
    const messageFile = join(dir, "record");
    await writeFile(messageFile, message);
    await run("ssh-keygen", ["-Y", "sign", "-q", "-n", namespace, "-f", keyFile, messageFile], {
      env: { ...process.env, SSH_ASKPASS_REQUIRE: "never" },
    }).catch((error: { stderr?: string }) => {
      throw new LivingLabError({
        code: "signing_failed",
        message: `Ondertekenen met ${key.file ?? "de sleutel in de ssh-agent"} lukte niet: ${(error.stderr ?? "").trim().split("\n")[0]}`,
        hint: "Controleer dat de sleutel van u is en zonder wachtwoordvraag bruikbaar is (laad hem in de ssh-agent met 'ssh-add').",
      });
    });
    return await readFile(`${messageFile}.sig`, "utf8");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function git(args: string[], cwd: string): Promise<string> {
  const out = await run("git", args, { cwd }).catch(() => undefined);
  return out?.stdout.trim() ?? "";
}
