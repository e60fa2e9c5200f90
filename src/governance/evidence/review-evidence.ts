import { dateText, type EvidenceSource } from "./evidence.js";

/** menselijke-tussenkomst: a review in force shows that a person judged the work before anyone acts on it. */
export const reviewEvidence: EvidenceSource = (context) => {
  const latest = context.reviews.filter((r) => r.inForce).at(-1);
  if (!latest) return [];
  return [
    {
      kind: "review",
      verdict: "supports",
      text: `Beoordeeld door ${latest.reviewer.replace(/\s*<[^>]*>/, "")} op ${dateText(latest.at)} (${latest.verdict}).`,
    },
  ];
};
