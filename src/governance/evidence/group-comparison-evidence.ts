import { type EvidenceSource, runText } from "./evidence.js";

/** non-discriminatie: the group comparisons (checks that count groups) of the latest run of the own suite. */
export const groupComparisonEvidence: EvidenceSource = (context) => {
  const run = context.latestCheck;
  if (!context.ownSuite || !run?.checks) return [];
  const groups = run.checks.filter((c) => c.counted === "groups");
  if (groups.length === 0) {
    return [{ kind: "groepsvergelijking", verdict: "none", text: "De suite vergelijkt geen groepen.", run: run.id }];
  }
  const unequal = groups.filter((c) => c.outcome === "failed" || c.outcome === "warned");
  if (unequal.length > 0) {
    return [
      {
        kind: "groepsvergelijking",
        verdict: "contradicts",
        text: `In ${runText(run)} wijkt bij ${unequal.map((c) => c.id).join(", ")} een groep meer af dan toegestaan.`,
        run: run.id,
      },
    ];
  }
  const judged = groups.filter((c) => c.outcome === "passed");
  if (judged.length === 0) {
    return [
      {
        kind: "groepsvergelijking",
        verdict: "none",
        text: `In ${runText(run)} kon geen groepsvergelijking worden beoordeeld.`,
        run: run.id,
      },
    ];
  }
  return [
    {
      kind: "groepsvergelijking",
      verdict: "supports",
      text: `In ${runText(run)} wijkt geen groep meer af dan toegestaan (${judged.map((c) => c.id).join(", ")}).`,
      run: run.id,
    },
  ];
};
