import { dateText, type EvidenceFinding, type EvidenceSource } from "./evidence.js";

/** privacy-by-design: each declared retention date (a date in the past contradicts), and the data destroyed. */
export const retentionEvidence: EvidenceSource = (context) => {
  const findings: EvidenceFinding[] = context.declared.flatMap((d): EvidenceFinding[] => {
    if (d.destroyBy === undefined) return [];
    const past = d.destroyBy < context.today;
    return [
      {
        kind: "bewaartermijn",
        verdict: past ? "contradicts" : "supports",
        text: past
          ? `De bewaartermijn van ${d.name} is verstreken op ${dateText(d.destroyBy)}; met die data mag niet meer worden gewerkt.`
          : `${d.name} wordt uiterlijk ${dateText(d.destroyBy)} vernietigd.`,
      },
    ];
  });
  for (const destruction of context.destructions) {
    findings.push({
      kind: "bewaartermijn",
      verdict: "supports",
      text: `${destruction.files === 1 ? "1 bestand" : `${destruction.files} bestanden`} vernietigd op ${dateText(destruction.at)} (record ${destruction.seq}); een run op dezelfde data wordt geweigerd.`,
    });
  }
  return findings;
};
