import { type Engine, flaggedKeysQuery, renderSelect, type SuiteOutcome } from "../../src/index.js";

/**
 * Every key each check of a run flagged, read back from the engine. Only tests do this, on
 * tiny tables: analyses never pull keys to the client (the exam compares on the engine).
 */
export async function flaggedKeysOf(engine: Engine, outcome: SuiteOutcome): Promise<Map<string, string[]>> {
  const flagged = new Map<string, string[]>();
  for (const planned of outcome.plan.checks) {
    const id = planned.check.id;
    if (outcome.results.get(id)?.outcome === "not_evaluated") continue;
    if (planned.measure.type === "groups") {
      flagged.set(id, [...(outcome.results.get(id)?.sample ?? [])]);
      continue;
    }
    const select = flaggedKeysQuery(planned);
    const rows = select ? await engine.query(renderSelect(select, engine.dialect)) : [];
    flagged.set(
      id,
      // Sorted, so engines that return DISTINCT rows in another order compare equal.
      rows.map((row) => String(row.k)).sort(),
    );
  }
  return flagged;
}
