import { maskStrings } from "../../runlog/mask-free-text.js";
import { dateText, type EvidenceSource, runText } from "./evidence.js";

/**
 * methode: the margins and criteria stated in advance, against what the first run recorded.
 * A change after the first run contradicts: the margins were then not stated in advance.
 */
export const marginsEvidence: EvidenceSource = (context) => {
  const now = context.stated;
  const first = context.starts.find((s) => s.stated_in_advance !== undefined);
  if (!now) {
    return context.starts.length > 0 && first
      ? [
          {
            kind: "foutmarges",
            verdict: "contradicts",
            text: `De foutmarges die ${runText(first)} vastlegde, zijn uit het experiment verdwenen.`,
            run: first.id,
          },
        ]
      : [];
  }
  if (context.starts.length === 0) {
    return [
      {
        kind: "foutmarges",
        verdict: "supports",
        text: "Foutmarges en succescriteria zijn vooraf vastgelegd; er is nog geen run.",
      },
    ];
  }
  if (!first) {
    return [{ kind: "foutmarges", verdict: "none", text: "De runs tot nu toe legden de foutmarges nog niet vast." }];
  }
  const changedAt = context.starts.find(
    (s) => s.stated_in_advance && s.stated_in_advance.sha256 !== first.stated_in_advance?.sha256,
  );
  const stale = now.sha256 !== first.stated_in_advance?.sha256;
  if (!stale && !changedAt) {
    return [
      {
        kind: "foutmarges",
        verdict: "supports",
        text: `Foutmarges en succescriteria zijn vastgelegd vóór de eerste run (${dateText(first.at)}) en sindsdien niet gewijzigd.`,
        run: first.id,
      },
    ];
  }
  // The log keeps the answers masked: the answers of now are compared as the log would keep them.
  const keys = Object.keys({ ...now.answers, ...first.stated_in_advance?.answers }).filter(
    (k) => JSON.stringify(maskStrings(now.answers[k])) !== JSON.stringify(first.stated_in_advance?.answers[k]),
  );
  const when = changedAt ? `vóór ${runText(changedAt)}` : "na de laatste run";
  return [
    {
      kind: "foutmarges",
      verdict: "contradicts",
      text: `Gewijzigd na de eerste run (${dateText(first.at)}): ${keys.join(", ") || "de foutmarges"}, ${when}.`,
      run: (changedAt ?? first).id,
    },
  ];
};
