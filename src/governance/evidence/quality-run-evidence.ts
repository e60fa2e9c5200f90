import { checksAgainstMargins } from "../margins.js";
import { type EvidenceSource, runText } from "./evidence.js";

/**
 * datakwaliteit: the latest run of the experiment's own suite against its error margins
 * (each check's own threshold, and the margins stated in advance where they apply).
 */
export const qualityRunEvidence: EvidenceSource = (context) => {
  const run = context.latestCheck;
  if (!context.ownSuite) return [];
  if (!run?.checks) {
    return [
      { kind: "datakwaliteitsrun", verdict: "none", text: `Er is nog geen run van ${context.ownSuite.logName}.` },
    ];
  }
  const judged = checksAgainstMargins(run.checks, context.margins).filter((c) => c.within !== null);
  const outside = judged.filter((c) => !c.within);
  const where = `In ${runText(run)}`;
  if (judged.length === 0) {
    return [
      {
        kind: "datakwaliteitsrun",
        verdict: "none",
        text: `${where} kon geen controle worden beoordeeld.`,
        run: run.id,
      },
    ];
  }
  if (outside.length > 0) {
    return [
      {
        kind: "datakwaliteitsrun",
        verdict: "contradicts",
        text: `${where} ${outside.length === 1 ? "valt 1" : `vallen ${outside.length}`} van de ${judged.length} controles buiten hun foutmarge.`,
        run: run.id,
      },
    ];
  }
  return [
    {
      kind: "datakwaliteitsrun",
      verdict: "supports",
      text: `${where} vallen alle ${judged.length} beoordeelde controles binnen hun foutmarge.`,
      run: run.id,
    },
  ];
};
