import { LivingLabError } from "../errors/problem.js";
import type { Signer } from "../people/identify.js";
import { loadPeople } from "../people/load-people.js";
import type { Workspace } from "../workspace.js";
import { governanceSigner } from "./governance.js";
import { type LogSeal, writeSeal } from "./log-seal.js";
import { verifyRunLog } from "./verify-run-log.js";

/**
 * Seals an experiment's log: a checkpoint (record count, last hash, time, signer) signed with
 * your key and kept in the seals file beside the log; copy it elsewhere too (git, the site, a
 * second place). Refused when the log is not intact: a seal vouches only for a sound log.
 * @example const seal = await sealLog(lab, runLogPath(om.dir));
 */
export async function sealLog(workspace: Workspace, logFile: string, signer?: Signer): Promise<LogSeal> {
  const verification = await verifyRunLog(logFile, { people: await loadPeople(workspace.root) });
  if (!verification.intact) {
    throw new LivingLabError({
      code: "seal_log_broken",
      message: `Dit logboek wordt niet verzegeld: ${verification.finding?.message ?? "het is aangetast."}`,
      hint: "Zoek uit wat er met het logboek is gebeurd ('livinglab log verify'); een zegel staat alleen in voor een intact logboek.",
      file: logFile,
    });
  }
  const { records, experiment } = verification;
  const last = verification.lastHash;
  if (records === 0 || last === undefined || experiment === undefined) {
    throw new LivingLabError({
      code: "seal_log_empty",
      message: "Er is nog geen logboek om te verzegelen.",
      hint: "Een zegel legt vast hoeveel records er zijn en wat het laatste is; voer eerst een run uit.",
      file: logFile,
    });
  }
  return writeSeal(logFile, { seq: records, hash: last }, experiment, signer ?? (await governanceSigner(workspace)));
}
