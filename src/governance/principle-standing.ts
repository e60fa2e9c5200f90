import type { PrincipleGovernance } from "./governance-state.js";

/**
 * How a principle stands, as every front-end shows it: decided in the log, only proposed in
 * the experiment file, contradicted by the tool's own evidence, or open.
 */
export type StandingCode =
  | "voldaan"
  | "niet_voldaan"
  | "niet_van_toepassing"
  | "voorgesteld"
  | "tegengesproken"
  | "open";

export interface PrincipleStanding {
  code: StandingCode;
  /** One or two Dutch words for a traffic light or a table cell. */
  label: string;
  /** A sentence: who decided what, what the file proposes, what the tool measured. */
  detail: string;
}

/** Dutch words for a principle status. */
export const statusWords: Record<string, string> = {
  voldaan: "voldaan",
  niet_voldaan: "niet voldaan",
  niet_van_toepassing: "niet van toepassing",
  open: "open",
};

/**
 * The standing of one principle in words. Contradicted wins: a principle marked met that
 * the tool's evidence contradicts is never shown as met.
 * @example principleStanding(state.principles[0]).label // "voldaan"
 */
export function principleStanding(p: PrincipleGovernance): PrincipleStanding {
  const { decision, proposal } = p;
  const by = (role: string | undefined, who: string | undefined) =>
    [role, who && `(${who.replace(/\s*<[^>]*>/, "")})`].filter(Boolean).join(" ");
  const decided = decision
    ? `Besloten door ${by(decision.role, decision.who)} op ${decision.at.slice(0, 10)} (record ${decision.seq})${decision.onCurrentVersion ? "" : ", over een eerdere versie van het experiment"}.`
    : "";
  const proposed =
    proposal && proposal.status !== "open"
      ? decision
        ? p.differs
          ? ` Het experiment stelt iets anders voor: ${statusWords[proposal.status]}.`
          : ""
        : `Voorstel van de auteur${proposal.besloten_door ? ` (${[proposal.besloten_door, proposal.datum].filter(Boolean).join(", ")})` : ""}; nog niet besloten in het logboek.`
      : decision
        ? ""
        : "Nog niet besloten in het logboek.";
  const detail = `${decided}${proposed}`.trim();
  const against = p.evidence.findings.filter((f) => f.verdict === "contradicts").map((f) => f.text);
  if (p.contradicted) {
    return {
      code: "tegengesproken",
      label: "tegengesproken",
      detail: `${detail} De metingen van de tool spreken dat tegen: ${against.join(" ")}`,
    };
  }
  if (decision) return { code: decision.status, label: statusWords[decision.status] ?? decision.status, detail };
  if (proposal && proposal.status !== "open") {
    return { code: "voorgesteld", label: `voorgesteld: ${statusWords[proposal.status]}`, detail };
  }
  return { code: "open", label: "open", detail };
}
