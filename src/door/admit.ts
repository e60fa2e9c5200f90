import type { BigIntStats } from "node:fs";
import { stat } from "node:fs/promises";
import { readHere } from "../engines/data-path.js";
import type { AdmittedSource, DatasetSource } from "../engines/engine.js";
import { missingDataFile } from "../engines/read-error.js";
import { LivingLabError, type Problem } from "../errors/problem.js";
import type { DeclaredDataset } from "../experiments/declared-data.js";
import { dateText } from "../governance/evidence/evidence.js";
import type { GovernanceState } from "../governance/governance-state.js";
import { hashFile } from "../runlog/provenance.js";
import { placeOfData } from "./data-location.js";

/** What admitting a dataset into a run looks at. */
export interface AdmissionContext {
  run: string;
  governance: GovernanceState;
  declared: readonly DeclaredDataset[];
  today: string;
  /** The lab and the experiment: where a data file may lie. */
  lab: string;
  experiment: string;
}

/** The checks of one dataset at the moment it is let in. */
export async function admit(context: AdmissionContext, source: DatasetSource): Promise<AdmittedSource> {
  const declared = context.declared.find((d) => d.name === source.name);
  const real = context.declared.some((d) => d.real);
  const problems: Problem[] = [];
  if (declared?.destroyBy !== undefined && declared.destroyBy < context.today) {
    problems.push({
      code: "gate_retention_expired",
      message: `Dataset '${source.name}' wordt niet gelezen: de bewaartermijn is verstreken op ${dateText(declared.destroyBy)}.`,
      hint: "Vernietig de data met 'livinglab destroy-data', of leg een afgesproken langere termijn vast in het experiment.",
    });
  }
  if (real && !declared) {
    problems.push({
      code: "gate_dataset_undeclared",
      message: `Dataset '${source.name}' wordt niet gelezen: het experiment declareert die niet, en het werkt met echte persoonsgegevens.`,
      hint: "Declareer de dataset onder data.datasets, met de kolommen die nodig zijn, en laat het experiment opnieuw reviewen.",
    });
  } else if (real && declared?.columns === undefined) {
    problems.push({
      code: "gate_columns_undeclared",
      message: `Dataset '${source.name}' wordt niet gelezen: bij de dataset staat niet welke kolommen nodig zijn.`,
      hint: "Vul 'kolommen' in bij deze dataset: alleen wat het experiment echt nodig heeft.",
    });
  }
  if (problems.length > 0) throw new LivingLabError(problems);
  // Where the file lies is judged before a byte of it is read, by its real path.
  const location = (await placeOfData(context, source)) ?? tablePlace(declared, source);
  // A URI is read only by the cluster: the tool does not hash it, the content fingerprint stands.
  const here = source.file && readHere(source.file) ? source.file : undefined;
  // Taken before the hash: a change while hashing shows at the run's end as well.
  const identity = here && (await fileIdentity(here).catch(() => undefined));
  const fileSha256 = here ? await hashDataFile(source.name, here) : undefined;
  if (fileSha256 && context.governance.destroyedFiles.has(fileSha256)) throw destroyedProblem(context, source);
  return {
    ...source,
    run: context.run,
    ...(fileSha256 && { fileSha256 }),
    ...(identity && { fileIdentity: identity }),
    ...(location !== undefined && { location }),
    // On real personal data the analysis sees only the declared columns.
    ...(real && declared?.columns && { columns: declared.columns }),
  } as AdmittedSource;
}

/** A declared table read in place: named by its connection, never the server's address or user. */
function tablePlace(declared: DeclaredDataset | undefined, source: DatasetSource): string | undefined {
  if (source.file !== undefined || declared?.table === undefined || declared.connection === undefined) return undefined;
  return source.table === declared.table ? `${declared.connection}/${declared.table}` : undefined;
}

/**
 * Hashes of data files this process made, by path, with the file's identity when hashed: the
 * door hashes a run's files before it opens, and admits each again; an unchanged file (same
 * inode, size and modification time in nanoseconds) is not read a second time for its hash.
 */
const hashed = new Map<string, { identity: string; sha256: string }>();

async function identityOf(file: string): Promise<string> {
  const s = await stat(file, { bigint: true });
  return `${writtenAs(s)}:${s.ctimeNs}`;
}

/**
 * What shows a file was written or replaced: its device, inode, size and modification time in
 * nanoseconds. Not its change time, which a new hard link to the same bytes also moves.
 */
export async function fileIdentity(file: string): Promise<string> {
  return writtenAs(await stat(file, { bigint: true }));
}

const writtenAs = (s: BigIntStats) => `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;

/** The hash of a dataset file, or a problem that names the file when it cannot be read. */
export async function hashDataFile(name: string, file: string): Promise<string> {
  try {
    const identity = await identityOf(file);
    const known = hashed.get(file);
    if (known?.identity === identity) return known.sha256;
    const sha256 = await hashFile(file);
    // Kept only when the file did not change while it was read.
    if ((await identityOf(file)) === identity) hashed.set(file, { identity, sha256 });
    return sha256;
  } catch {
    throw new LivingLabError(missingDataFile(file, name));
  }
}

export function destroyedProblem(context: Pick<AdmissionContext, "governance">, source: DatasetSource): LivingLabError {
  const destruction = context.governance.destructions.at(-1);
  return new LivingLabError({
    code: "gate_data_destroyed",
    message: `Dataset '${source.name}' wordt niet gelezen: deze data is vernietigd${destruction ? ` (record ${destruction.seq}, ${dateText(destruction.at)})` : ""}, en staat er nu weer.`,
    hint: "Vernietigde data wordt niet opnieuw geanalyseerd. Verwijder de teruggezette kopie; is er nieuwe data, dan heeft die een andere inhoud.",
    ...(source.file && { file: source.file }),
  });
}
