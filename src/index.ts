export type { CheckDefinition, DatasetColumns, Dimension } from "./checks/check-definition.js";
export { dimensions } from "./checks/check-definition.js";
export { checkKinds, checkRegistry, kindName } from "./checks/check-registry.js";
export type { CheckResult, Outcome, SuiteResult } from "./checks/check-result.js";
export { exitCodeOf, overallOutcome } from "./checks/check-result.js";
export type { CheckResultRead, CheckResultsFile, CheckResultsRead } from "./checks/check-results-format.js";
export {
  CHECK_RESULTS_FORMAT,
  checkResultReadSchema,
  checkResultSchema,
  checkResultsFile,
  checkResultsFileSchema,
  readCheckResults,
  suiteResultSchema,
} from "./checks/check-results-format.js";
export { examQuery, scoresFromExam } from "./checks/exam-query.js";
export { kindParameters, type ParameterReference, renderKindReference } from "./checks/kind-reference.js";
export { type KnownPattern, knownPatternOf, knownPatterns } from "./checks/known-patterns.js";
export type { LoadedSuite } from "./checks/load-suite.js";
export { loadSuite } from "./checks/load-suite.js";
export type { Counted, KnownUnit, MetricFacts, MetricUnit } from "./checks/metric-unit.js";
export {
  changeIn,
  countedWords,
  drawableMetric,
  knownUnits,
  metricText,
  metricUnits,
  publishableMetric,
  unitWords,
} from "./checks/metric-unit.js";
export type { MetricMeaning, PlanContext } from "./checks/plan-suite.js";
export { compileCheck, flaggedKeysQuery, metricMeanings, planSuite } from "./checks/plan-suite.js";
export type { AttachedSuite, RunSuiteOptions, SuiteOutcome } from "./checks/run-suite.js";
export { attachDatasets, runSuite } from "./checks/run-suite.js";
export type { KindScore } from "./checks/score-exam.js";
export { examPassed } from "./checks/score-exam.js";
export type { Check, Suite } from "./checks/suite-schema.js";
export { MAX_CHECKS, SUITE_FORMAT, suiteSchema } from "./checks/suite-schema.js";
export type { DoorRequest } from "./door/open-run.js";
export { openRun } from "./door/open-run.js";
export { PARENT_RUN_VARIABLE } from "./door/parent-run.js";
export type { RunEnd, RunPermit, UnreadDataset } from "./door/run-permit.js";
export { isRefusal, throughDoor } from "./door/through-door.js";
export { DuckDbEngine } from "./engines/duckdb-engine.js";
export type { AdmittedSource, ColumnInfo, DatasetSource, Engine } from "./engines/engine.js";
export type { EngineErrorCode, EngineErrorKind } from "./engines/engine-error.js";
export { EngineError, isEngineError } from "./engines/engine-error.js";
export { loadIntoPostgres } from "./engines/load-into-postgres.js";
export type { EngineName } from "./engines/open-engine.js";
export { duckdbSettings, engineNames, locateFor, openEngine } from "./engines/open-engine.js";
export { PostgresEngine } from "./engines/postgres-engine.js";
export type { SparkAddress, SparkTarget } from "./engines/spark/spark-address.js";
export { sparkTarget, sparkTargetOf } from "./engines/spark/spark-address.js";
export { SPARK_SESSION_SETTINGS, SparkEngine } from "./engines/spark/spark-engine.js";
export { SparkQueryError } from "./engines/spark/spark-problems.js";
export { stopOnAbort } from "./engines/stop-on-abort.js";
export { formatProblem, formatProblems } from "./errors/format-problem.js";
export { Interrupted, interruptedWork, isInterrupted } from "./errors/interrupted.js";
export type { Problem } from "./errors/problem.js";
export { isLivingLabError, LivingLabError } from "./errors/problem.js";
export type { DeclaredDataset } from "./experiments/declared-data.js";
export { declaredDatasets } from "./experiments/declared-data.js";
export { deriveExperiment } from "./experiments/derive-experiment.js";
export { experimentOfFile } from "./experiments/experiment-of-file.js";
export type { ExperimentInspection } from "./experiments/inspect-experiment.js";
export type { InstrumentAnswer } from "./experiments/instrument-answers.js";
export { answersForInstrument } from "./experiments/instrument-answers.js";
export type { OpenedExperiment } from "./experiments/open-experiment.js";
export { openExperiment, validateExperiment } from "./experiments/open-experiment.js";
export { createExperiment, scaffoldExperiment } from "./experiments/scaffold-experiment.js";
export type { ExperimentUpgrade } from "./experiments/upgrade-experiment.js";
export { upgradeExperiment } from "./experiments/upgrade-experiment.js";
export { algoritmeregisterRecord } from "./export/algoritmeregister-record.js";
export type { AlgoritmeregisterField, AlgoritmeregisterRecord } from "./export/algoritmeregister-schema.js";
export {
  ALGORITMEREGISTER_STANDARD,
  algoritmeregisterFields,
  algoritmeregisterRecordSchema,
} from "./export/algoritmeregister-schema.js";
export type { ProcessOwner } from "./files/process-owner.js";
export { currentOwner, ownerIsAlive } from "./files/process-owner.js";
export type { ScratchDir, ScratchPurpose } from "./files/scratch-dir.js";
export { makeScratchDir, scratchRoot, sweepStaleScratch } from "./files/scratch-dir.js";
export type { WrittenFile } from "./files/write-file-atomic.js";
export { writeFileAtomic } from "./files/write-file-atomic.js";
export type { ValueKind } from "./fingerprint/canonical-value.js";
export { canonicalValue, valueKinds } from "./fingerprint/canonical-value.js";
export type { ContentFingerprint } from "./fingerprint/content-fingerprint.js";
export {
  CONTENT_FINGERPRINT_METHOD,
  computeContentFingerprint,
  contentFingerprintSelect,
  rowText,
} from "./fingerprint/content-fingerprint.js";
export type { FrameValue } from "./frames/column-types.js";
export { frameFromCheckResults } from "./frames/frame-from-check-results.js";
export { frameFromProfile } from "./frames/frame-from-profile.js";
export { frameFromQuery } from "./frames/frame-from-query.js";
export { frameFromRunLog } from "./frames/frame-from-run-log.js";
export type { FrameRoles } from "./frames/frame-info.js";
export { copyFrameTypes, frameTypes } from "./frames/frame-info.js";
export type { FrameTypeName } from "./frames/frame-type-names.js";
export type { DanfoModule } from "./frames/load-danfo.js";
export { loadDanfo } from "./frames/load-danfo.js";
export type { RenderFrameOptions } from "./frames/render-frame.js";
export { renderFrame } from "./frames/render-frame.js";
export type { FinalApproval, FinalSummaryGateInput } from "./gates/final-summary-gate.js";
export { approveFinalSummary, finalSummaryGateProblems } from "./gates/final-summary-gate.js";
export type { GateInput, GateInputOptions } from "./gates/gate-input.js";
export { gateInputFor, localDate, ownSuiteFile } from "./gates/gate-input.js";
export { realPersonalDatasets } from "./gates/personal-data.js";
export type { PlannedDataset, PlannedReads } from "./gates/planned-reads.js";
export { columnsTouched, suiteReads } from "./gates/planned-reads.js";
export { requireRunAllowed, runGateProblems } from "./gates/run-gate.js";
export type { EventTrust, TrustOf } from "./governance/event-trust.js";
export { trustIn } from "./governance/event-trust.js";
export type { Evidence, EvidenceFinding, EvidenceVerdict } from "./governance/evidence/evidence.js";
export { evidenceRegistry } from "./governance/evidence/evidence-registry.js";
export type {
  DecisionStanding,
  GovernanceFacts,
  GovernanceState,
  IgnoredDecision,
  PrincipleGovernance,
  Proposal,
  ReviewStanding,
  RunStanding,
} from "./governance/governance-state.js";
export { governanceState, runApproval } from "./governance/governance-state.js";
export type { CheckAgainstMargin, Margin } from "./governance/margins.js";
export { checksAgainstMargins, statedMargins } from "./governance/margins.js";
export type { PrincipleStanding, StandingCode } from "./governance/principle-standing.js";
export { principleStanding } from "./governance/principle-standing.js";
export { FINAL_SUMMARY, publicationProblems, publishSummary } from "./governance/publish-summary.js";
export { statedInAdvance } from "./governance/stated-in-advance.js";
export type { CriterionResult } from "./governance/success-criteria.js";
export { compareCriteria, criterionMeasures } from "./governance/success-criteria.js";
export { withdrawnRecords } from "./governance/withdrawn.js";
export { type NotebookRun, type NotebookRunOptions, runNotebook } from "./notebook/run-notebook.js";
export type { Identity, Signer } from "./people/identify.js";
export { identify, requireSigner } from "./people/identify.js";
export { type LabRole, labRoles } from "./people/lab-roles.js";
export type { KnownKey, People } from "./people/load-people.js";
export {
  allowedSigners,
  findPerson,
  holdsRoleAt,
  loadPeople,
  PEOPLE_FILE,
  peopleFilePath,
  personIdentity,
  roleOutsideDates,
  rolesAt,
} from "./people/load-people.js";
export type { PeopleFile, Person, PersonKey, RoleWindow } from "./people/people-schema.js";
export { PEOPLE_SCHEMA_VERSION, peopleFileSchema } from "./people/people-schema.js";
export type { SignatureStanding, SignatureState } from "./people/record-signature.js";
export { signatureOf, signatureStateWords } from "./people/record-signature.js";
export type { SigningKey } from "./people/signing-key.js";
export { signWithKey } from "./people/signing-key.js";
export {
  keyFingerprint,
  parseSshSignature,
  SEAL_NAMESPACE,
  SIGNATURE_NAMESPACE,
  verifySshSignature,
} from "./people/ssh-signature.js";
export type { PersonalDataDetector } from "./personal-data/detector.js";
export type { DetectorName } from "./personal-data/detector-registry.js";
export { personalDataDetectors } from "./personal-data/detector-registry.js";
export type { PersonalDataSpan } from "./personal-data/find-personal-data.js";
export { findPersonalData } from "./personal-data/find-personal-data.js";
export { maskPersonalData } from "./personal-data/mask-personal-data.js";
export type { CheckRun, CheckSuiteOptions } from "./pipeline/check-suite.js";
export { checkSuite } from "./pipeline/check-suite.js";
export type { EvaluateSuiteOptions, Evaluation } from "./pipeline/evaluate-suite.js";
export { evaluateSuite } from "./pipeline/evaluate-suite.js";
export type { LoadDataOptions } from "./pipeline/load-data.js";
export { loadData } from "./pipeline/load-data.js";
export type { ProfileOptions, ProfileRun } from "./pipeline/profile-file.js";
export { profileFile } from "./pipeline/profile-file.js";
export type { ExperimentRun, RunExperimentOptions } from "./pipeline/run-experiment.js";
export { runExperiment } from "./pipeline/run-experiment.js";
export { defectSpecFrom, readSynthConfig } from "./pipeline/synth-config.js";
export type { ColumnProfile, DatasetProfile } from "./profile/profile-dataset.js";
export { profileDataset } from "./profile/profile-dataset.js";
export { examplesNotInData, type ShapeWords, shapeWords } from "./profile/shape-words.js";
export { patternOfShape, proposedExamples, type StarterOptions, starterSuite } from "./profile/starter-suite.js";
export { renderCheckResults } from "./report/check-results-html.js";
export { failingText } from "./report/failing-text.js";
export type { GlanceInput } from "./report/glance.js";
export { renderGlance } from "./report/glance.js";
export { metricsChartOptions } from "./report/metrics-chart.js";
export type { DimensionSummary, HeadlineCheck } from "./report/quality-headline.js";
export { findingText, summarizeDimensions, worstCheck, worstFirst } from "./report/quality-headline.js";
export { renderChart } from "./report/render-chart.js";
export type { ChartCheck } from "./report/results-chart.js";
export { resultsChartOptions } from "./report/results-chart.js";
export { formatWhen, renderRunLog, renderRunLogTable } from "./report/run-log-table.js";
export type { SummaryOptions } from "./report/summary-page.js";
export {
  renderDimensionHeadlines,
  renderResultsTable,
  renderSummaryPage,
  SUMMARY_MARK,
} from "./report/summary-page.js";
export { writeSummary } from "./report/write-summary.js";
export type { CheckChange, CheckComparison, FactComparison, RunComparison } from "./runlog/compare-runs.js";
export { compareRuns } from "./runlog/compare-runs.js";
export { findRecord } from "./runlog/find-record.js";
export {
  acceptUnsigned,
  correctRecord,
  decidePrinciple,
  destroyData,
  giveReview,
  governanceSigner,
} from "./runlog/governance.js";
export type {
  Correction,
  DataDestroyed,
  PrincipleDecided,
  ReviewGiven,
  SummaryPublished,
  UnsignedAccepted,
  Verdict,
} from "./runlog/governance-schema.js";
export { verdicts } from "./runlog/governance-schema.js";
export type { JustificationChoice } from "./runlog/justification.js";
export { requireJustification, resolveJustification } from "./runlog/justification.js";
export type { LogLockOptions } from "./runlog/log-lock.js";
export { withLogLock } from "./runlog/log-lock.js";
export type { LogOverviewRow } from "./runlog/log-overview.js";
export { logOverview, outcomeWords, readLogOverview } from "./runlog/log-overview.js";
export type { LogRecord, LogRecordType, NewLogRecord } from "./runlog/log-record-schema.js";
export { logRecordLabels, logRecordSchema, signatureRequired } from "./runlog/log-record-schema.js";
export type { LogSeal } from "./runlog/log-seal.js";
export { logSealSchema, readSeals, sealSigner, sealsPath } from "./runlog/log-seal.js";
export type { LoggedRunContext, LoggedRunOptions } from "./runlog/logged-run.js";
export { loggedRun } from "./runlog/logged-run.js";
export { codeVersion, hashFile, whoAmI } from "./runlog/provenance.js";
export { canonicalJson, hashRecord, signedBytes } from "./runlog/record-hash.js";
export type { RecordedError } from "./runlog/recorded-error.js";
export { recordedError } from "./runlog/recorded-error.js";
export type { Review } from "./runlog/reviews.js";
export { listReviews, samePerson } from "./runlog/reviews.js";
export {
  type AppendOptions,
  appendRecord,
  newRunId,
  readLogRecords,
  readRunLog,
  runLogPath,
  streamLogRecords,
} from "./runlog/run-log.js";
export type {
  CheckSummary,
  DataFingerprint,
  FileFingerprint,
  RunRecord,
  RunStartedRecord,
  StatedInAdvance,
  TableFingerprint,
  Who,
} from "./runlog/run-record-schema.js";
export { RUN_LOG_SCHEMA_VERSION, runRecordSchema } from "./runlog/run-record-schema.js";
export { sealLog } from "./runlog/seal-log.js";
export type {
  ChainFinding,
  FindingKind,
  LogVerification,
  SealCheck,
  TimingViolation,
  UnprovenRecord,
  VerifyOptions,
} from "./runlog/verify-run-log.js";
export { CLOCK_TOLERANCE_MS, verifyRunLog } from "./runlog/verify-run-log.js";
export type { LabView } from "./site/lab-view.js";
export type { Chromium } from "./site/launch-chromium.js";
export { launchChromium } from "./site/launch-chromium.js";
export type { LabReader } from "./site/read-lab.js";
export { createLabReader, readLab } from "./site/read-lab.js";
export { renderSite } from "./site/render-site.js";
export { serveSite } from "./site/serve-site.js";
export { sitePaths } from "./site/site-paths.js";
export type { WrittenSite } from "./site/write-site.js";
export { writeSite } from "./site/write-site.js";
export { renderExpr, renderSelect } from "./sql/dialect.js";
export { duckdbDialect } from "./sql/duckdb-dialect.js";
export type { PortableRegex, RegexMistake } from "./sql/portable-regex.js";
export { anchored, parsePortableRegex } from "./sql/portable-regex.js";
export { postgresDialect } from "./sql/postgres-dialect.js";
export { quoteSparkIdentifier, quoteSparkString, sparkDialect } from "./sql/spark-dialect.js";
export type { ExperimentStatus, GateLine, PrincipleState, SectionState } from "./status/experiment-status.js";
export { experimentStatus } from "./status/experiment-status.js";
export { formatStatus } from "./status/format-status.js";
export { renderStatusTable } from "./status/status-table.js";
export type { Datasheet } from "./synth/datasheet.js";
export { DATASHEET_FORMAT, datasheetSchema } from "./synth/datasheet.js";
export type { DefectDefinition, DefectKind, OmTable } from "./synth/defect-kinds.js";
export { defectKinds, defectRegistry, omTables } from "./synth/defect-kinds.js";
export type { DefectRates, DefectSpec } from "./synth/defect-rates.js";
export { DEFECTS_FORMAT, defectsFileSchema, readDefectsFile, resolveDefectRates } from "./synth/defect-rates.js";
export type { SynthOptions, SynthResult } from "./synth/generate-om.js";
export { GENERATOR_VERSION, generateOm, MAX_ZAKEN } from "./synth/generate-om.js";
export { codeLists, omSchema } from "./synth/om-schema.js";
export { loadPrinciples, validatePrinciplesFile } from "./templates/load-principles.js";
export { loadTemplate, validateTemplateFile } from "./templates/load-template.js";
export type { Principle, PrinciplesFile } from "./templates/principle-schema.js";
export { listTemplateVersions, parseTemplateRef } from "./templates/template-catalog.js";
export type { CatalogEntry } from "./templates/template-list.js";
export { listTemplateCatalog } from "./templates/template-list.js";
export type { Question, Template } from "./templates/template-schema.js";
export { formatValidation } from "./validation/format-validation.js";
export type { CheckedFile, ValidationReport } from "./validation/validate-paths.js";
export { validatePaths } from "./validation/validate-paths.js";
export type { Workspace } from "./workspace.js";
export { openWorkspace } from "./workspace.js";
