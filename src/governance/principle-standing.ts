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
  const decided = p.decision
    ? `Besloten: ${statusWords[p.decision.status]}${p.decision.role ? ` door ${p.decision.role}` : ""} (${p.decision.who.replace(/\s*<[^>]*>/, "")}, ${p.decision.at.slice(0, 10)}, record ${p.decision.seq})${p.decision.onCurrentVersion ? "" : ", over een eerdere versie van het experiment"}.`
    : "Nog niet besloten in het logboek.";
  const proposed =
    p.proposal && p.proposal.status !== "open"
      ? p.differs || !p.decision
        ? ` Het experiment stelt voor: ${statusWords[p.proposal.status]}.`
        : ""
      : "";
  const against = p.evidence.findings.filter((f) => f.verdict === "contradicts").map((f) => f.text);
  if (p.contradicted) {
    return {
      code: "tegengesproken",
      label: "tegengesproken",
      detail: `${decided}${proposed} De tool spreekt dat tegen: ${against.join(" ")}`,
    };
  }
  if (p.decision)
    return {
      code: p.decision.status,
      label: statusWords[p.decision.status] ?? p.decision.status,
      detail: `${decided}${proposed}`,
    };
  if (p.proposal && p.proposal.status !== "open") {
    return {
      code: "voorgesteld",
      label: `voorgesteld: ${statusWords[p.proposal.status]}`,
      detail: `${decided}${proposed}`,
    };
  }
  return { code: "open", label: "open", detail: decided };
}
