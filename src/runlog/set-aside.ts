import { createHash } from "node:crypto";
import type { ChainFinding } from "./log-finding.js";
import { readLogLines } from "./log-lines.js";
import { tornPath } from "./run-log.js";

/** A record that says an append set a torn last line aside: where it is and what it moved. */
export interface SetAside {
  line: number;
  seq: number;
  bytes: number;
  sha256: string;
}

/**
 * Anything ever set aside fails verification, and is named: the log itself cannot tell an
 * interrupted write from a record that was changed and cut off, so a person must look. Also
 * named: a record noting a set-aside line whose bytes are gone from `<log>.torn`, and bytes in
 * `<log>.torn` that no record notes.
 */
export async function setAsideFinding(
  file: string,
  noted: readonly SetAside[],
  records: number,
): Promise<ChainFinding | undefined> {
  const kept = await readSetAside(file);
  if (noted.length === 0 && kept === undefined) return undefined;
  const torn = tornPath(file);
  const gone = noted.find((n) => !kept?.includes(n.sha256));
  if (gone) {
    return {
      kind: "set_aside",
      line: gone.line,
      seq: gone.seq,
      message: `Record ${gone.seq} (regel ${gone.line}) meldt dat ${gone.bytes} bytes apart zijn gezet, maar die staan niet (meer) in ${torn}: dat bewijs is verwijderd.`,
    };
  }
  const unnoted = (kept ?? []).filter((sha) => !noted.some((n) => n.sha256 === sha)).length;
  const first = noted[0];
  const which = noted.map((n) => n.seq).join(", ");
  return {
    kind: "set_aside",
    line: first?.line ?? records + 1,
    ...(first && { seq: first.seq }),
    message:
      `Er ${kept?.length === 1 ? "is 1 regel" : `zijn ${kept?.length ?? 0} regels`} uit het logboek apart gezet in ${torn}` +
      `${noted.length > 0 ? ` (gemeld in record ${which})` : ""}${unnoted > 0 ? `, waarvan ${unnoted} door geen record gemeld` : ""}. ` +
      "Zo'n regel is geen geldig record: een schrijfactie die werd onderbroken, of een record dat is aangepast. Laat de beheerder uitzoeken welke van de twee.",
  };
}

/** The SHA-256 of every line set aside in `<log>.torn` (`<when> <bytes> <base64>`), or undefined without the file. */
async function readSetAside(file: string): Promise<string[] | undefined> {
  const hashes: string[] = [];
  try {
    for await (const line of readLogLines(tornPath(file))) {
      const base64 = line.text.split(" ")[2] ?? "";
      hashes.push(createHash("sha256").update(Buffer.from(base64, "base64")).digest("hex"));
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return undefined;
    throw error;
  }
  return hashes;
}
