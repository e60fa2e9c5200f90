import { type Dimension, dimensions } from "../checks/check-definition.js";
import { type Outcome, outcomes } from "../checks/check-result.js";
import { type KnownUnit, knownUnits } from "../checks/metric-unit.js";
import type { RunRecord } from "./run-record-schema.js";

/** What changed for one check between two runs, read from the log alone. */
export type CheckChange = "beter" | "slechter" | "gelijk" | "andere_meting" | "nieuw" | "vervallen";

/** One check in both runs: its outcome and metric before and after, and what changed. */
export interface CheckComparison {
  id: string;
  dimension: Dimension | undefined;
  before?: { outcome: Outcome | undefined; metric: number | null; unit: KnownUnit };
  after?: { outcome: Outcome | undefined; metric: number | null; unit: KnownUnit };
  change: CheckChange;
}

/** A fact of a run (a dataset's content, the code, the suite) before and after. */
export interface FactComparison {
  name: string;
  before: string | undefined;
  after: string | undefined;
  same: boolean;
}

/** Two runs side by side: per check the outcome, the metric and the change; the data and code that differ. */
export interface RunComparison {
  before: RunRecord;
  after: RunRecord;
  checks: CheckComparison[];
  /** Per dataset the content fingerprint the engine computed, before and after. */
  data: FactComparison[];
  /** The code commit, the uncommitted changes, the software versions, the suite file and the margins stated in advance. */
  code: FactComparison[];
  counts: Record<CheckChange, number>;
}

/** Better outcomes rank higher; a check not judged is not better or worse than another. */
const outcomeRank: Partial<Record<Outcome, number>> = { passed: 2, warned: 1, failed: 0 };

/**
 * Compares two finished runs from their log records: per check the outcome and metric before
 * and after and whether it got better or worse, and which data fingerprints and code versions
 * differ. It reads no results file, so it works for any two runs the log still holds.
 * @example const diff = compareRuns(runOne, runTwo); diff.counts.slechter // 3
 */
export function compareRuns(before: RunRecord, after: RunRecord): RunComparison {
  const ids = [...new Set([...(before.checks ?? []).map((c) => c.id), ...(after.checks ?? []).map((c) => c.id)])];
  const checks = ids.map((id) => compareCheck(id, before, after));
  const counts = { beter: 0, slechter: 0, gelijk: 0, andere_meting: 0, nieuw: 0, vervallen: 0 };
  for (const c of checks) counts[c.change]++;
  return { before, after, checks, data: compareData(before, after), code: compareCode(before, after), counts };
}

function sideOf(run: RunRecord, id: string): CheckComparison["before"] {
  const summary = run.checks?.find((c) => c.id === id);
  if (!summary) return undefined;
  const unit = run.metric_units?.[id];
  return {
    outcome: outcomes.find((o) => o === summary.outcome),
    metric: run.metrics[id] ?? null,
    unit: knownUnits.find((u) => u === unit) ?? "unrecorded",
  };
}

function compareCheck(id: string, beforeRun: RunRecord, afterRun: RunRecord): CheckComparison {
  const before = sideOf(beforeRun, id);
  const after = sideOf(afterRun, id);
  const summary = afterRun.checks?.find((c) => c.id === id) ?? beforeRun.checks?.find((c) => c.id === id);
  const dimension = dimensions.find((d) => d === summary?.dimension);
  return { id, dimension, ...(before && { before }), ...(after && { after }), change: changeOf(before, after) };
}

function changeOf(before: CheckComparison["before"], after: CheckComparison["after"]): CheckChange {
  if (!before) return "nieuw";
  if (!after) return "vervallen";
  const from = before.outcome === undefined ? undefined : outcomeRank[before.outcome];
  const to = after.outcome === undefined ? undefined : outcomeRank[after.outcome];
  if (from !== undefined && to !== undefined && from !== to) return to > from ? "beter" : "slechter";
  // The same outcome: whether the metric moved (in the same unit) is all that can be said.
  if (before.outcome !== after.outcome) return "andere_meting";
  return before.metric === after.metric && before.unit === after.unit ? "gelijk" : "andere_meting";
}

function compareData(before: RunRecord, after: RunRecord): FactComparison[] {
  // A file is known by its SHA-256 (a run records no content fingerprint for it), anything else by its content.
  const read = (run: RunRecord) =>
    new Map(
      (run.data ?? [])
        .filter((d) => !d.made)
        .map((d) => [d.name, d.file ? `bestand ${d.file.sha256}` : `inhoud ${d.content_sha256}`]),
    );
  const a = read(before);
  const b = read(after);
  return [...new Set([...a.keys(), ...b.keys()])].map((name) => fact(name, a.get(name), b.get(name)));
}

function compareCode(before: RunRecord, after: RunRecord): FactComparison[] {
  return [
    fact("code (git-commit)", before.code.commit ?? undefined, after.code.commit ?? undefined),
    fact(
      "niet vastgelegde wijzigingen",
      before.code.uncommitted_sha256 ?? undefined,
      after.code.uncommitted_sha256 ?? undefined,
    ),
    fact("livinglab", before.versions.livinglab, after.versions.livinglab),
    fact("Node.js", before.versions.node, after.versions.node),
    fact("database", before.versions.engine, after.versions.engine),
    fact("controlebestand", before.suite?.sha256, after.suite?.sha256),
    fact("vooraf vastgelegde marges", before.stated_in_advance?.sha256, after.stated_in_advance?.sha256),
  ];
}

function fact(name: string, before: string | undefined, after: string | undefined): FactComparison {
  return { name, before, after, same: before === after };
}

/** The change of a check in words. */
export const changeWords: Record<CheckChange, string> = {
  beter: "beter",
  slechter: "slechter",
  gelijk: "gelijk",
  andere_meting: "andere meting",
  nieuw: "nieuw",
  vervallen: "vervallen",
};
