import { copyFile, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isMap, parseDocument } from "yaml";
import { LivingLabError } from "../errors/problem.js";
import type { Workspace } from "../workspace.js";
import { EXPERIMENT_FILE, openExperiment } from "./open-experiment.js";
import { makeExperimentDir } from "./scaffold-experiment.js";

/** Answers that belong to the earlier experiment's own outcome: a new experiment starts without them. */
const OWN_OUTCOME = ["oordeel", "oordeel_toelichting", "lessen"] as const;

/**
 * Starts `experiments/<id>/` from an earlier experiment: its answers and its suites (the YAML
 * files beside it), recording where it came from in `voortgekomen_uit`. Never its decisions,
 * reviews or log: every principle starts open again (its reasoning kept as a start), the
 * author, the final verdict and the lessons are left empty, and no run log or data is copied.
 * @example await deriveExperiment(openWorkspace(), "om-datakwaliteit-2", "om-datakwaliteit");
 */
export async function deriveExperiment(workspace: Workspace, id: string, from: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    throw new LivingLabError({
      code: "usage",
      message: `'${id}' is geen geldig experiment-id.`,
      hint: "Gebruik kleine letters, cijfers en -, zoals 'om-doorlooptijden-2'.",
    });
  }
  const earlier = await openExperiment(workspace, from);
  const doc = parseDocument(await readFile(earlier.file, "utf8"));
  doc.set("id", id);
  doc.set("auteur", null);
  doc.set("voortgekomen_uit", { experiment: earlier.experiment.id, sha256: earlier.sha256 });
  for (const key of OWN_OUTCOME) if (doc.hasIn(["evaluatie", key])) doc.setIn(["evaluatie", key], null);
  const principles = doc.get("principes");
  if (isMap(principles)) {
    for (const item of principles.items) {
      const answer = item.value;
      if (!isMap(answer)) continue;
      answer.set("status", "open");
      for (const decided of ["besloten_door", "datum", "score", "bewijs"]) answer.delete(decided);
    }
  }
  doc.commentBefore = ` Experiment ${id}, begonnen vanuit ${earlier.experiment.id}: de antwoorden en controles zijn overgenomen,\n besluiten, reviews en het logboek niet. Vul de auteur in en loop elk antwoord na.`;
  const dir = await makeExperimentDir(workspace, id);
  // The suites and the generator's settings come along; the log, its head, data and reports do not.
  for (const entry of await readdir(earlier.dir, { withFileTypes: true })) {
    if (entry.isFile() && /\.ya?ml$/.test(entry.name) && entry.name !== EXPERIMENT_FILE)
      await copyFile(join(earlier.dir, entry.name), join(dir, entry.name));
  }
  const file = join(dir, EXPERIMENT_FILE);
  await writeFile(file, doc.toString(), { flag: "wx" });
  return file;
}
