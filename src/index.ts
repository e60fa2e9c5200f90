export type { CheckDefinition, Dimension } from "./checks/check-definition.js";
export { dimensions } from "./checks/check-definition.js";
export { checkKinds, checkRegistry } from "./checks/check-registry.js";
export type { CheckResult, Outcome, SuiteResult } from "./checks/check-result.js";
export type { SuiteRun } from "./checks/check-suite-file.js";
export { checkSuiteFile } from "./checks/check-suite-file.js";
export type { LoadedSuite } from "./checks/run-suite.js";
export { loadSuite, runSuite } from "./checks/run-suite.js";
export { suiteSchema } from "./checks/suite-schema.js";
export { DuckDbEngine } from "./engines/duckdb-engine.js";
export { formatProblem, formatProblems } from "./errors/format-problem.js";
export type { Problem } from "./errors/problem.js";
export { isLivingLabError, LivingLabError } from "./errors/problem.js";
export type { OpenedExperiment } from "./experiments/open-experiment.js";
export { openExperiment } from "./experiments/open-experiment.js";
export type { ExperimentRun, RunExperimentOptions } from "./pipeline/run-experiment.js";
export { runExperiment } from "./pipeline/run-experiment.js";
export { readSynthConfig } from "./pipeline/synth-config.js";
export { metricsChartOptions } from "./report/metrics-chart.js";
export { renderChart } from "./report/render-chart.js";
export { formatWhen, renderRunLog, renderRunLogTable } from "./report/run-log-table.js";
export { renderResultsTable, renderSummaryPage, resultsChartOptions } from "./report/summary-page.js";
export { writeSummary } from "./report/write-summary.js";
export { findRecord } from "./runlog/find-record.js";
export { correctRecord, decidePrinciple, destroyData, giveReview, publishSummary } from "./runlog/governance.js";
export type {
  Correction,
  DataDestroyed,
  PrincipleDecided,
  ReviewGiven,
  SummaryPublished,
  Verdict,
} from "./runlog/governance-schema.js";
export { verdicts } from "./runlog/governance-schema.js";
export type { JustificationChoice } from "./runlog/justification.js";
export { requireJustification, resolveJustification } from "./runlog/justification.js";
export type { LogLockOptions } from "./runlog/log-lock.js";
export { withLogLock } from "./runlog/log-lock.js";
export type { LogOverviewRow } from "./runlog/log-overview.js";
export { logOverview, outcomeWords } from "./runlog/log-overview.js";
export type { LogRecord, LogRecordType, NewLogRecord } from "./runlog/log-record-schema.js";
export { logRecordLabels, logRecordSchema } from "./runlog/log-record-schema.js";
export type { LoggedRunContext, LoggedRunOptions } from "./runlog/logged-run.js";
export { loggedRun } from "./runlog/logged-run.js";
export { codeVersion, hashFile, whoAmI } from "./runlog/provenance.js";
export { canonicalJson, hashRecord } from "./runlog/record-hash.js";
export type { RunToRecord } from "./runlog/record-run.js";
export { recordRun } from "./runlog/record-run.js";
export type { Review } from "./runlog/reviews.js";
export { listReviews, samePerson } from "./runlog/reviews.js";
export { appendRecord, newRunId, readLogRecords, readRunLog, runLogPath } from "./runlog/run-log.js";
export type {
  FileFingerprint,
  RunRecord,
  RunStartedRecord,
  TableFingerprint,
  Who,
} from "./runlog/run-record-schema.js";
export { RUN_LOG_SCHEMA_VERSION, runRecordSchema } from "./runlog/run-record-schema.js";
export type { RunEnd, RunHandle, RunStart } from "./runlog/start-run.js";
export { startRun } from "./runlog/start-run.js";
export { TABLE_CHECKSUM_METHOD, tableChecksum, tableChecksumSql } from "./runlog/table-checksum.js";
export type { ChainFinding, FindingKind, LogVerification } from "./runlog/verify-run-log.js";
export { verifyRunLog } from "./runlog/verify-run-log.js";
export { generateOm } from "./synth/generate-om.js";
export { listTemplateVersions, loadTemplate } from "./templates/template-catalog.js";
export { openWorkspace } from "./workspace.js";
