import type { Outcome } from "../checks/check-result.js";
import type { StandingCode } from "../governance/principle-standing.js";
import type { Signal } from "../report/signal.js";

export { dimensionText } from "../checks/dimension-words.js";
export type { Signal } from "../report/signal.js";
export { analysisWords, engineWords } from "../runlog/analysis-words.js";

export const outcomeSignal = {
  passed: { label: "In orde", symbol: "✓", tone: "good" },
  warned: { label: "Let op", symbol: "!", tone: "warn" },
  failed: { label: "Niet in orde", symbol: "✗", tone: "bad" },
  not_evaluated: { label: "Niet beoordeeld", symbol: "–", tone: "neutral" },
} as const satisfies Record<Outcome, Signal>;

/** The outcome of a dimension or a check against its allowed margin (the norm). */
export const normSignal = {
  passed: { label: "Binnen de norm", symbol: "✓", tone: "good" },
  warned: { label: "Let op", symbol: "!", tone: "warn" },
  failed: { label: "Onder de norm", symbol: "✗", tone: "bad" },
  not_evaluated: { label: "Niet beoordeeld", symbol: "–", tone: "neutral" },
} as const satisfies Record<Outcome, Signal>;

/** A principle's standing: decided in the log, only proposed in the file, contradicted by the tool, or open. */
export const principleSignal = {
  voldaan: { label: "Voldaan", symbol: "✓", tone: "good" },
  niet_voldaan: { label: "Niet voldaan", symbol: "✗", tone: "bad" },
  niet_van_toepassing: { label: "Niet van toepassing", symbol: "–", tone: "neutral" },
  voorgesteld: { label: "Voorgesteld, nog niet besloten", symbol: "?", tone: "warn" },
  tegengesproken: { label: "Tegengesproken door de metingen", symbol: "✗", tone: "bad" },
  open: { label: "Nog open", symbol: "?", tone: "warn" },
} as const satisfies Record<StandingCode, Signal>;

export const weighingText = {
  Mag: "Mag het? (wet en regels)",
  Kan: "Kan het? (data en methode)",
  Wenselijk: "Is het wenselijk? (ethiek en draagvlak)",
} as const;

// One formatter each: `toLocaleString` builds a new one per call, which a site of 100,000 runs feels.
const whenFormat = new Intl.DateTimeFormat("nl-NL", {
  timeZone: "Europe/Amsterdam",
  dateStyle: "long",
  timeStyle: "short",
});
const dateFormat = new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", dateStyle: "long" });

/** A moment in Dutch, in the Netherlands' time zone: "25 november 2026 om 18:16". */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return whenFormat.format(date);
}

/** A date (JJJJ-MM-DD or ISO) in Dutch: "2 november 2026". */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat.format(date);
}

/** A person's name as pages show it: without the e-mail address that git adds. */
export function displayName(who: string): string {
  return who.replace(/\s*<[^>]*>\s*/g, " ").trim() || "onbekend";
}
