import type { ToolEvidenceKind } from "../../templates/principle-schema.js";
import { columnUseEvidence } from "./column-use-evidence.js";
import type { EvidenceSource } from "./evidence.js";
import { groupComparisonEvidence } from "./group-comparison-evidence.js";
import { marginsEvidence } from "./margins-evidence.js";
import { qualityRunEvidence } from "./quality-run-evidence.js";
import { retentionEvidence } from "./retention-evidence.js";
import { reviewEvidence } from "./review-evidence.js";
import { summaryEvidence } from "./summary-evidence.js";

/**
 * Every kind of evidence the principles file may say the tool supplies, with how the tool
 * supplies it. `antwoorden` are the author's own answers: they are the proposal, shown as
 * such, never evidence of their own.
 */
export const evidenceRegistry = {
  antwoorden: () => [],
  bewaartermijn: retentionEvidence,
  datakwaliteitsrun: qualityRunEvidence,
  foutmarges: marginsEvidence,
  groepsvergelijking: groupComparisonEvidence,
  kolomgebruik: columnUseEvidence,
  review: reviewEvidence,
  samenvatting: summaryEvidence,
} satisfies Record<ToolEvidenceKind, EvidenceSource>;
