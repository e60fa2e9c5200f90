import type { OpenedExperiment } from "../experiments/open-experiment.js";
import { escapeHtml, formatCount, formatFailingShare, formatShare, userText } from "../report/html.js";
import { weighings } from "../templates/principle-schema.js";
import type { CheckView } from "./lab-view.js";
import {
  dimensionText,
  formatDate,
  normSignal,
  outcomeSignal,
  principleSignal,
  type Signal,
  weighingText,
} from "./labels.js";
import { countsRows, type DimensionScore, failingShareOf } from "./quality.js";

/** A status as symbol, word and colour together; the symbol is hidden from screen readers, the word is not. */
export function renderSignal(signal: Signal): string {
  return `<span class="lab-signal lab-tone--${signal.tone}"><span class="lab-signal__icon" aria-hidden="true">${escapeHtml(signal.symbol)}</span><span class="lab-signal__label">${escapeHtml(signal.label)}</span></span>`;
}

/** The ten principles as traffic lights, grouped by the weighing Mag / Kan / Wenselijk. */
export function renderPrincipleLights(opened: OpenedExperiment, headingLevel: 3 | 4): string {
  const groups = weighings.map((weighing) => {
    const items = opened.principles.principles
      .filter((p) => p.weighing === weighing)
      .map((p) => {
        const status = opened.experiment.principes[p.id]?.status ?? "open";
        const signal = principleSignal[status];
        return `<li class="lab-light lab-tone--${signal.tone}"><span class="lab-signal__icon" aria-hidden="true">${escapeHtml(signal.symbol)}</span><span class="lab-light__name">${escapeHtml(p.title)}</span><span class="lab-light__status">${escapeHtml(signal.label)}</span></li>`;
      });
    return `<section class="lab-principles__group" aria-label="${escapeHtml(weighingText[weighing])}">
<h${headingLevel} class="lab-principles__title">${escapeHtml(weighingText[weighing])}</h${headingLevel}>
<ul class="lab-lights">
${items.join("\n")}
</ul>
</section>`;
  });
  return `<div class="lab-principles">\n${groups.join("\n")}\n</div>`;
}

/** The scorecard: one tile per dimension with its score, outcome and the number of checks. */
export function renderDimensionScores(scores: readonly DimensionScore[]): string {
  if (scores.length === 0) return `<p class="nl-paragraph">Er zijn nog geen controles uitgevoerd.</p>`;
  const tiles = scores.map(
    (s) => `<li class="lab-score"><span class="lab-score__name">${escapeHtml(dimensionText[s.dimension].name)}</span>
<span class="lab-score__value">${s.atLeast ? "minstens " : ""}${escapeHtml(formatShare(s.score))}</span> <span class="lab-muted">van de rijen goed</span><br>
${renderSignal(normSignal[s.outcome])}<br><span class="lab-muted">${s.passed} van ${s.checks} ${s.checks === 1 ? "controle" : "controles"} gehaald</span></li>`,
  );
  return `<ul class="lab-scores">\n${tiles.join("\n")}\n</ul>`;
}

/** Failing rows as a business owner may see them: "< 5" below the minimum cell size. */
export function failingRowsText(check: CheckView): string {
  if (!countsRows(check)) return "–";
  return `${formatCount(check.failing_count, check.row_count)} van ${formatCount(check.row_count)}`;
}

/** The share of failing rows, unless the count is suppressed: then the share would give it away. */
export function failingShareText(check: CheckView): string {
  if (!countsRows(check)) return check.metric === null ? "niet gemeten" : `gemeten: ${formatMeasure(check.metric)}`;
  return formatFailingShare(check.failing_count, failingShareOf(check), check.row_count);
}

function formatMeasure(value: number): string {
  return value.toLocaleString("nl-NL", { maximumFractionDigits: 2 });
}

const thresholdWords: Record<string, (value: number) => string> = {
  max_failing: (v) => (v === 0 ? "geen enkele afwijkende rij" : `hoogstens ${formatMeasure(v)} afwijkende rijen`),
  max_failing_fraction: (v) => `hoogstens ${formatShare(v)} afwijkend`,
  min: (v) => `minstens ${formatMeasure(v)} rijen`,
  max: (v) => `hoogstens ${formatMeasure(v)} rijen`,
  max_ratio: (v) => `groepen wijken hoogstens een factor ${formatMeasure(v)} af`,
  min_group_size: (v) => `alleen groepen van minstens ${formatMeasure(v)}`,
  max_change: (v) => `hoogstens ${formatShare(v)} verandering`,
  window: (v) => `vergeleken met de laatste ${formatMeasure(v)} runs`,
};

/** The allowed error margin of a check in words; a margin the site does not know is shown as name and value. */
export function thresholdText(threshold: CheckView["threshold"]): string {
  const parts = Object.entries(threshold).map(
    ([key, value]) => thresholdWords[key]?.(value) ?? `${key}: ${formatMeasure(value)}`,
  );
  return parts.length === 0 ? "geen grens vastgelegd" : parts.join(", ");
}

/** Every check of a run: what it checks, its dimension, the outcome, the margin and what was measured. */
export function renderChecksTable(checks: readonly CheckView[], caption: string): string {
  const rows = checks.map(
    (c) => `<tr>
<td>${userText(c.description)}<br><span class="lab-muted lab-keys">${escapeHtml(c.id)}</span>${c.reason ? `<br><span class="lab-muted">${userText(c.reason)}</span>` : ""}</td>
<td>${escapeHtml(dimensionText[c.dimension].name)}</td>
<td>${renderSignal(outcomeSignal[c.outcome])}</td>
<td>${escapeHtml(thresholdText(c.threshold))}</td>
<td class="lab-num">${escapeHtml(failingRowsText(c))}</td>
<td class="lab-num">${escapeHtml(failingShareText(c))}</td>
</tr>`,
  );
  return `<div class="lab-table-wrap">
<table class="utrecht-table utrecht-table--html-table lab-table">
<caption class="utrecht-table__caption">${escapeHtml(caption)}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th scope="col" class="utrecht-table__header-cell">Controle</th><th scope="col" class="utrecht-table__header-cell">Soort</th><th scope="col" class="utrecht-table__header-cell">Uitkomst</th><th scope="col" class="utrecht-table__header-cell">Toegestaan</th><th scope="col" class="utrecht-table__header-cell lab-num">Afwijkende rijen</th><th scope="col" class="utrecht-table__header-cell lab-num">Aandeel</th>
</tr></thead>
<tbody class="utrecht-table__body">
${rows.join("\n")}
</tbody>
</table>
</div>`;
}

/** A definition list of facts (label, HTML value), in the NL Design System data list. */
export function renderFacts(facts: ReadonlyArray<readonly [string, string]>): string {
  return `<dl class="utrecht-data-list lab-facts">
${facts.map(([key, value]) => `<dt class="utrecht-data-list__item-key">${escapeHtml(key)}</dt><dd class="utrecht-data-list__item-value">${value}</dd>`).join("\n")}
</dl>`;
}

/** Who decided a principle and when, in one line. */
export function decidedText(answer: { besloten_door?: string; datum?: string }): string {
  const by = answer.besloten_door ? `door ${userText(answer.besloten_door)}` : "";
  const on = answer.datum ? `op ${escapeHtml(formatDate(answer.datum))}` : "";
  const both = [by, on].filter(Boolean).join(" ");
  return both ? `Besloten ${both}.` : "";
}

/** A list of user-written items, each escaped and masked. */
export function renderUserList(items: readonly unknown[]): string {
  return `<ul class="lab-list">\n${items.map((i) => `<li>${userText(i)}</li>`).join("\n")}\n</ul>`;
}
