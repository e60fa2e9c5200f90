import type { NewLogRecord, OpenedExperiment } from "../../src/index.js";

/** A finished run of an experiment without datasets or results, number `i`, a minute after the one before. */
export function plainRun(opened: OpenedExperiment, i: number): NewLogRecord {
  return {
    type: "run",
    id: `run-${i}`,
    at: new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString(),
    who: { name: "Analist A", source: "env" },
    experiment: { id: opened.experiment.id, template: opened.experiment.template, file_sha256: opened.sha256 },
    analysis: { name: "verkenning", params: {} },
    justification: `Verkenning nummer ${i} van de doorlooptijden.`,
    datasets: [],
    code: { commit: null, uncommitted_sha256: null },
    versions: { node: "v20", livinglab: "0.1.0", engine: "duckdb v1.5.6" },
    outcome: "completed",
    metrics: {},
    artifacts: [],
  };
}
