import { countedWords, publishableMetric, unitWords } from "../checks/metric-unit.js";
import type { GovernanceState } from "../governance/governance-state.js";
import { principleStanding, statusWords } from "../governance/principle-standing.js";
import { failingText } from "../report/failing-text.js";
import { escapeHtml, formatShare, userText } from "../report/html.js";
import { findingText } from "../report/quality-headline.js";
import { renderSignal } from "../report/signal.js";
import { weighings } from "../templates/principle-schema.js";
import type { CheckView } from "./lab-view.js";
import { dimensionText, normSignal, outcomeSignal, principleSignal, weighingText } from "./labels.js";
import type { DimensionScore } from "./quality.js";

export { renderSignal } from "../report/signal.js";

/**
 * The ten principles as traffic lights, grouped by the weighing Mag / Kan / Wenselijk: as the
 * log decides them, a proposal shown as a proposal, and contradicted where the tool's own
 * evidence says otherwise.
 */
export function renderPrincipleLights(governance: GovernanceState, headingLevel: 3 | 4): string {
  const groups = weighings.map((weighing) => {
    const items = governance.principles
      .filter((p) => p.principle.weighing === weighing)
      .map((p) => {
        const standing = principleStanding(p);
        const signal = principleSignal[standing.code];
        // A proposal says what it proposes, so a reader sees both the proposal and that it is not decided.
        const label =
          standing.code === "voorgesteld" && p.proposal
            ? `Voorstel: ${statusWords[p.proposal.status]} (nog niet besloten)`
            : signal.label;
        return `<li class="lab-light lab-tone--${signal.tone}" title="${userText(standing.detail)}"><span class="lab-signal__icon" aria-hidden="true">${escapeHtml(signal.symbol)}</span><span class="lab-light__name">${escapeHtml(p.principle.title)}</span><span class="lab-light__status">${escapeHtml(label)}</span></li>`;
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

/**
 * The scorecard: one tile per dimension with how many checks are within their margin, its
 * outcome, and the worst check in words. Never an average: metrics of different units do not add up.
 */
export function renderDimensionScores(scores: readonly DimensionScore[]): string {
  if (scores.length === 0) return `<p class="nl-paragraph">Er zijn nog geen controles uitgevoerd.</p>`;
  const tiles = scores.map((s) => {
    const unjudged = s.notEvaluated > 0 ? `<br><span class="lab-muted">${s.notEvaluated} niet beoordeeld</span>` : "";
    const worst = s.worst
      ? `<br><span class="lab-score__worst">Het slechtst: ${userText(findingText(s.worst))}.</span>`
      : "";
    return `<li class="lab-score"><span class="lab-score__name">${escapeHtml(dimensionText[s.dimension].name)}</span>
<span class="lab-score__value">${s.within} van ${s.checks}</span> <span class="lab-muted">${s.checks === 1 ? "controle" : "controles"} binnen de marge</span><br>
${renderSignal(normSignal[s.outcome])}${unjudged}${worst}</li>`;
  });
  return `<ul class="lab-scores">\n${tiles.join("\n")}\n</ul>`;
}

function formatMeasure(value: number): string {
  return value.toLocaleString("nl-NL", { maximumFractionDigits: 2 });
}

const thresholdWords: Record<string, (value: number) => string> = {
  max_failing_fraction: (v) => `hoogstens ${formatShare(v)} afwijkend`,
  min: (v) => `minstens ${formatMeasure(v)} rijen`,
  max: (v) => `hoogstens ${formatMeasure(v)} rijen`,
  max_ratio: (v) => `groepen wijken hoogstens een factor ${formatMeasure(v)} af`,
  min_group_size: (v) => `alleen groepen van minstens ${formatMeasure(v)}`,
  window: (v) => `vergeleken met de laatste ${formatMeasure(v)} runs`,
};

/**
 * The allowed error margin of a check in words; a margin the site does not know is shown as
 * name and value. The largest change a drift allows is in the unit of its metric.
 */
export function thresholdText(check: Pick<CheckView, "threshold" | "unit" | "counted">): string {
  const { one, many } = countedWords[check.counted];
  const words: Record<string, (value: number) => string> = {
    ...thresholdWords,
    // The failing count is of what the check counted: rows, or groups for a group comparison.
    max_failing: (v) =>
      v === 0 ? `geen enkele afwijkende ${one}` : `hoogstens ${formatMeasure(v)} afwijkende ${many}`,
    max_change: (v) => `hoogstens ${unitWords[check.unit].text(v)} verschuiving`,
  };
  const parts = Object.entries(check.threshold).map(
    ([key, value]) => words[key]?.(value) ?? `${key}: ${formatMeasure(value)}`,
  );
  return parts.length === 0 ? "geen grens vastgelegd" : parts.join(", ");
}

/** Every check of a run: what it checks, its dimension, the outcome, the margin and what was measured. */
export function renderChecksTable(checks: readonly CheckView[], caption: string): string {
  const rows = checks.map(
    (c) => `<tr>
<td>${userText(c.description)}<br><span class="lab-muted lab-keys">${escapeHtml(c.id)}</span>${c.reason ? `<br><span class="lab-muted">${userText(c.reason)}</span>` : ""}${c.technical ? `<details class="lab-technical"><summary>Technische bijlage</summary><code class="lab-keys">${escapeHtml(c.technical)}</code></details>` : ""}</td>
<td>${escapeHtml(dimensionText[c.dimension].name)}</td>
<td>${renderSignal(outcomeSignal[c.outcome])}</td>
<td>${escapeHtml(thresholdText(c))}</td>
<td class="lab-num">${escapeHtml(failingText(c))}</td>
<td class="lab-num">${escapeHtml(publishableMetric(c))}</td>
</tr>`,
  );
  // A table wider than the screen scrolls; keyboard users reach it through its focusable wrapper.
  return `<div class="lab-table-wrap" tabindex="0" role="region" aria-label="${escapeHtml(caption)}">
<table class="utrecht-table utrecht-table--html-table lab-table">
<caption class="utrecht-table__caption">${escapeHtml(caption)}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th scope="col" class="utrecht-table__header-cell">Controle</th><th scope="col" class="utrecht-table__header-cell">Soort</th><th scope="col" class="utrecht-table__header-cell">Uitkomst</th><th scope="col" class="utrecht-table__header-cell">Toegestaan</th><th scope="col" class="utrecht-table__header-cell lab-num">Afwijkend</th><th scope="col" class="utrecht-table__header-cell lab-num">Gemeten</th>
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

/** A list of user-written items, each escaped and masked. */
export function renderUserList(items: readonly unknown[]): string {
  return `<ul class="lab-list">\n${items.map((i) => `<li>${userText(i)}</li>`).join("\n")}\n</ul>`;
}

/** A long part of a page, folded: the reader opens it without JavaScript; the PDF prints it open. */
export function renderFold(summary: string, body: string): string {
  return `<details class="lab-fold">
<summary>${escapeHtml(summary)}</summary>
${body}
</details>`;
}
