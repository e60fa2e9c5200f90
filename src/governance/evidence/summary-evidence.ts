import { dateText, type EvidenceSource } from "./evidence.js";

/** transparantie: a final summary handed to its readers, as the log records it. */
export const summaryEvidence: EvidenceSource = (context) => {
  const latest = context.publications.at(-1);
  if (!latest) return [];
  return [
    {
      kind: "samenvatting",
      verdict: "supports",
      text: `Samenvatting gepubliceerd aan ${latest.to} op ${dateText(latest.at)}.`,
    },
  ];
};
