import type { DeclaredDataset } from "../../experiments/declared-data.js";
import type { PlannedReads } from "../../gates/planned-reads.js";
import type { RunRecord, RunStartedRecord, StatedInAdvance } from "../../runlog/run-record-schema.js";
import type { ToolEvidenceKind } from "../../templates/principle-schema.js";
import type { Margin } from "../margins.js";

/** What the tool found for a principle: it supports the principle, contradicts it, or says no more than a fact. */
export type EvidenceVerdict = "supports" | "contradicts" | "none";

/** One thing the tool measured, in a Dutch sentence, with the run it comes from when there is one. */
export interface EvidenceFinding {
  kind: ToolEvidenceKind;
  verdict: EvidenceVerdict;
  text: string;
  run?: string;
}

/** The tool's evidence for one principle: contradicted when any finding contradicts it. */
export interface Evidence {
  verdict: EvidenceVerdict;
  findings: EvidenceFinding[];
}

/** What an evidence source may look at: the experiment's declarations and everything its log proves. */
export interface EvidenceContext {
  declared: readonly DeclaredDataset[];
  /** The experiment file's hash now; runs on another version read other declarations. */
  sha256: string;
  /** Finished runs, oldest first, without those withdrawn by a correction. */
  runs: readonly RunRecord[];
  /** Every run's start, oldest first (also runs that never finished: they read data too). */
  starts: readonly RunStartedRecord[];
  /** The experiment's own suite: its name in the log and what it reads. */
  ownSuite?: { logName: string; reads: PlannedReads };
  /** The latest finished run of the own suite that judged its checks. */
  latestCheck?: RunRecord;
  margins: readonly Margin[];
  stated?: StatedInAdvance;
  reviews: ReadonlyArray<{ inForce: boolean; reviewer: string; verdict: string; at: string }>;
  publications: ReadonlyArray<{ to: string; at: string }>;
  destructions: ReadonlyArray<{ seq: number; at: string; files: number }>;
  /** Today as JJJJ-MM-DD. */
  today: string;
}

/** An evidence source: what the tool can say for one kind of evidence, or nothing. */
export type EvidenceSource = (context: EvidenceContext) => EvidenceFinding[];

/** Combines findings: any contradiction wins, then any support; facts alone say nothing either way. */
export function evidenceOf(findings: EvidenceFinding[]): Evidence {
  const verdict = findings.some((f) => f.verdict === "contradicts")
    ? "contradicts"
    : findings.some((f) => f.verdict === "supports")
      ? "supports"
      : "none";
  return { verdict, findings };
}

/** A date as people read it: 30 juni 2027. */
export function dateText(iso: string): string {
  return new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString("nl-NL", { dateStyle: "long", timeZone: "UTC" });
}

/** A run as people find it in the log: its first 8 characters and its day. */
export function runText(run: { id: string; at: string }): string {
  return `run ${run.id.slice(0, 8)} van ${dateText(run.at)}`;
}
