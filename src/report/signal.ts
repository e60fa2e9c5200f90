import { escapeHtml } from "./html.js";

/** How a signal looks: a word, a symbol and a colour class, so colour is never the only cue. */
export interface Signal {
  label: string;
  symbol: string;
  tone: "good" | "warn" | "bad" | "neutral";
}

/** A status as symbol, word and colour together; the symbol is hidden from screen readers, the word is not. */
export function renderSignal(signal: Signal): string {
  return `<span class="lab-signal lab-tone--${signal.tone}"><span class="lab-signal__icon" aria-hidden="true">${escapeHtml(signal.symbol)}</span><span class="lab-signal__label">${escapeHtml(signal.label)}</span></span>`;
}

/** The CSS of signals, shared by the site and the stand-alone summary page. */
export const signalStyle = `
:root { --lab-blue: #154273; --lab-good: #1f6e1f; --lab-warn: #8a4b00; --lab-bad: #b3151d; --lab-neutral: #545454;
  --lab-good-bg: #e6f2e1; --lab-warn-bg: #fdf0dc; --lab-bad-bg: #fbe5e4; --lab-neutral-bg: #eeeeee; }
.lab-signal { display: inline-flex; align-items: center; gap: 0.4rem; font-weight: 600; white-space: nowrap; }
.lab-signal__icon { display: inline-flex; justify-content: center; align-items: center; width: 1.5rem; height: 1.5rem;
  border-radius: 50%; color: #fff; font-weight: 700; font-size: 0.95rem; line-height: 1; flex: none; }
.lab-tone--good .lab-signal__icon { background: var(--lab-good); }
.lab-tone--warn .lab-signal__icon { background: var(--lab-warn); }
.lab-tone--bad .lab-signal__icon { background: var(--lab-bad); }
.lab-tone--neutral .lab-signal__icon { background: var(--lab-neutral); }
.lab-tone--good.lab-signal { color: var(--lab-good); }
.lab-tone--warn.lab-signal { color: var(--lab-warn); }
.lab-tone--bad.lab-signal { color: var(--lab-bad); }
.lab-tone--neutral.lab-signal { color: var(--lab-neutral); }
`;
