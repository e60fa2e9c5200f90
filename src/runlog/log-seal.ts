import { appendFile, readFile } from "node:fs/promises";
import { z } from "zod";
import { LivingLabError } from "../errors/problem.js";
import type { Signer } from "../people/identify.js";
import { keyValidAt, type People, personIdentity } from "../people/load-people.js";
import { keyFingerprint, parseSshSignature, SEAL_NAMESPACE, verifySshSignature } from "../people/ssh-signature.js";
import { canonicalJson } from "./record-hash.js";
import { sha256Schema, whoSchema } from "./run-record-schema.js";

export { SEAL_NAMESPACE };

/**
 * A signed checkpoint of a log: how many records it had and the last one's hash, when and by
 * whom. Kept elsewhere (committed in git, on the site, a second place), it catches a log that was
 * rewritten together with its chain and head.
 */
export const logSealSchema = z.object({
  format: z.literal("livinglab-zegel/1"),
  experiment: z.string(),
  records: z.number().int().min(1),
  head: sha256Schema,
  at: z.string(),
  who: whoSchema,
  signature: z.string(),
});
export type LogSeal = z.infer<typeof logSealSchema>;

/** Beside the log: the lab's own seals of it, one per line (also written on their own at review and publication). */
export function sealsPath(logFile: string): string {
  return `${logFile}.seals`;
}

/** The bytes a seal's signature covers: the seal without its signature, as canonical JSON. */
export function sealBytes(seal: Omit<LogSeal, "signature"> | LogSeal): string {
  const { signature: _signature, ...rest } = seal as LogSeal;
  return canonicalJson(rest);
}

/**
 * Makes a seal of a log at `head` (its last record's place and hash), signed by `signer`, and
 * keeps it in the seals file beside the log.
 */
export async function writeSeal(
  logFile: string,
  head: { seq: number; hash: string },
  experiment: string,
  signer: Pick<Signer, "person" | "signSeal">,
): Promise<LogSeal> {
  const unsigned = {
    format: "livinglab-zegel/1" as const,
    experiment,
    records: head.seq,
    head: head.hash,
    at: new Date().toISOString(),
    who: { name: personIdentity(signer.person), source: "key" as const },
  };
  const seal: LogSeal = { ...unsigned, signature: await signer.signSeal(sealBytes(unsigned)) };
  await appendFile(sealsPath(logFile), `${JSON.stringify(seal)}\n`);
  return seal;
}

/** Reads seals from a file (the lab's own beside the log, or one kept elsewhere); every line must be a seal. */
export async function readSeals(file: string, options: { missingOk?: boolean } = {}): Promise<LogSeal[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT" && options.missingOk) return [];
    throw new LivingLabError({
      code: "seal_file_missing",
      message: `Het zegelbestand ${file} is niet te lezen.`,
      hint: "Geef het pad van een bestand dat 'livinglab log seal' schreef.",
      file,
    });
  }
  return text
    .split("\n")
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim() !== "")
    .map(({ line, number }) => {
      const parsed = logSealSchema.safeParse(safeJson(line));
      if (!parsed.success) {
        throw new LivingLabError({
          code: "seal_invalid",
          message: `Regel ${number} van ${file} is geen zegel.`,
          hint: "Een zegelbestand bevat alleen regels die 'livinglab log seal' schreef.",
          file,
          line: number,
        });
      }
      return parsed.data;
    });
}

/** Whether a seal is signed by the person it names, with a key the people file gives them on the seal's date. */
export function sealSigner(seal: LogSeal, people: People): { valid: boolean; why?: string } {
  const parsed = parseSshSignature(seal.signature);
  if (!parsed || !verifySshSignature(parsed, sealBytes(seal), SEAL_NAMESPACE)) {
    return { valid: false, why: "de handtekening van het zegel klopt niet" };
  }
  const known = people.keys.get(keyFingerprint(parsed.publicKey));
  if (!known)
    return { valid: false, why: "het zegel is ondertekend met een sleutel die niet in het personenbestand staat" };
  if (!keyValidAt(known, seal.at))
    return { valid: false, why: `de sleutel van ${known.person.naam} was toen niet geldig` };
  if (seal.who.name !== personIdentity(known.person)) {
    return { valid: false, why: `het zegel noemt ${seal.who.name}, maar is ondertekend door ${known.person.naam}` };
  }
  return { valid: true };
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
