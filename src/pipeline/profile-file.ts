import { existsSync } from "node:fs";
import { basename, dirname, extname, relative, resolve } from "node:path";
import { loadSuite } from "../checks/load-suite.js";
import { throughDoor } from "../door/through-door.js";
import { DuckDbEngine } from "../engines/duckdb-engine.js";
import { duckdbSettings } from "../engines/open-engine.js";
import { stopOnAbort } from "../engines/stop-on-abort.js";
import { optionHint } from "../errors/option-hint.js";
import { LivingLabError } from "../errors/problem.js";
import { experimentOfFile } from "../experiments/experiment-of-file.js";
import { type WrittenFile, writeFileAtomic } from "../files/write-file-atomic.js";
import { allColumnsOf } from "../gates/planned-reads.js";
import { interruptSignal, progressReporter } from "../notebook/kernel.js";
import { type DatasetProfile, profileDataset } from "../profile/profile-dataset.js";
import { examplesNotInData } from "../profile/shape-words.js";
import { proposedExamples, starterSuite } from "../profile/starter-suite.js";
import type { JustificationChoice } from "../runlog/justification.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import type { Workspace } from "../workspace.js";
import { writeJson } from "./write-json.js";

/** Version 2: the output rules applied (no raw minimum or maximum, no value or count below the minimum cell size). */
export const PROFILE_FORMAT = "livinglab-profile/2";

export interface ProfileOptions extends JustificationChoice {
  /** A Parquet, CSV or DuckDB file, or the name of a dataset in `suite`. */
  target: string;
  /** A suite whose datasets `target` may name; also tells the experiment. */
  suite?: string;
  /** Write the profile as JSON here. */
  json?: string;
  /** Write the proposed starter suite here (YAML). */
  starter?: string;
  /** Stops the work (the engine's running query too), writing nothing (default in a notebook: Kernel, Interrupt). */
  signal?: AbortSignal;
  /** Told as the work goes: steps done, and in all (default: a bar in a notebook, a line on a terminal). */
  onProgress?: (done: number, total: number) => void;
  workspace?: Workspace;
}

export interface ProfileRun {
  profile: DatasetProfile;
  starter: string;
  record: RunRecord;
}

async function resolveTarget(options: ProfileOptions): Promise<{ name: string; file: string; table?: string }> {
  if (existsSync(options.target)) {
    const file = resolve(options.target);
    return { name: basename(file, extname(file)), file };
  }
  if (options.suite) {
    const loaded = await loadSuite(options.suite);
    const dataset = loaded.datasets.find((d) => d.name === options.target);
    if (dataset?.file)
      return { name: dataset.name, file: dataset.file, ...(dataset.table && { table: dataset.table }) };
  }
  throw new LivingLabError({
    code: "dataset_not_found",
    message: `'${options.target}' is geen bestand en geen dataset${options.suite ? ` van ${options.suite}` : ""}.`,
    ...optionHint(
      (o) => `Geef een pad naar een Parquet-, CSV- of DuckDB-bestand, of een datasetnaam met ${o("suite")}.`,
    ),
  });
}

/**
 * Profiles a dataset through the door, proposes a starter suite, and logs the run in the
 * experiment the data belongs to. On real personal data only the declared columns are profiled.
 * @example const { profile, starter } = await profileFile({ target: "data/zaken.parquet", justification: "..." });
 */
export async function profileFile(options: ProfileOptions): Promise<ProfileRun> {
  const target = await resolveTarget(options);
  const { opened, workspace } = await experimentOfFile(options.suite ?? target.file, options.workspace);
  const source = { name: target.name, file: target.file, ...(target.table && { table: target.table }) };
  const { value, record } = await throughDoor(
    {
      workspace,
      opened,
      ...(options.justification !== undefined && { justification: options.justification }),
      ...(options.reuseJustification !== undefined && { reuseJustification: options.reuseJustification }),
      analysis: { name: "profile", params: { dataset: target.name } },
      reads: { datasets: [source], columns: { profile: [allColumnsOf(target.name)] } },
    },
    async (permit) => {
      const engine = await DuckDbEngine.open(":memory:", duckdbSettings());
      try {
        const onProgress = options.onProgress ?? progressReporter("Profiel");
        const { profile, unseen } = await stopOnAbort(
          engine,
          options.signal ?? interruptSignal(),
          "Het profiel",
          async () => {
            await permit.attach(engine, source);
            const profile = await profileDataset(engine, target.name, { ...(onProgress && { onProgress }) });
            // A pattern's made-up example is shown only when no row holds it.
            return { profile, unseen: await examplesNotInData(engine, target.name, proposedExamples(profile)) };
          },
        );
        const starterFile = options.starter ? resolve(options.starter) : undefined;
        const starter = starterSuite(profile, starterFile ? relative(dirname(starterFile), target.file) : target.file, {
          examplesNotInData: unseen,
        });
        const json = options.json ? await writeJson(options.json, { format: PROFILE_FORMAT, ...profile }) : undefined;
        const written = starterFile ? await writeFileAtomic(starterFile, starter) : undefined;
        return {
          value: { profile, starter },
          end: {
            outcome: "passed",
            metrics: Object.fromEntries(profile.columns.map((c) => [`${c.name}.empty_share`, c.empty_share])),
            metricUnits: Object.fromEntries(profile.columns.map((c) => [`${c.name}.empty_share`, "share" as const])),
            columns: { profile: profile.columns.map((c) => `${target.name}.${c.name}`) },
            artifacts: [json, written].filter((f): f is WrittenFile => f !== undefined),
          },
        };
      } finally {
        await engine.close();
      }
    },
  );
  return { ...value, record };
}
