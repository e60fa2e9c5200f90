import { glanceStyle } from "../report/glance.js";
import { signalStyle } from "../report/signal.js";

/**
 * The lab's own CSS on top of the NL Design System components: page frame, traffic lights,
 * cards, charts, the phone layout and print on A4. Colours come from the Rijkshuisstijl tokens.
 */
export const labStyle = `${signalStyle}${glanceStyle}
html { -webkit-text-size-adjust: 100%; }
body.lab-page { margin: 0; font-family: var(--rhc-text-font-family-default, Arial, sans-serif); font-size: 1.0625rem;
  line-height: 1.55; color: #1b1b1b; background: #fff; }
.lab-container { max-width: 62rem; margin: 0 auto; padding: 0 1rem; }
.lab-header { border-bottom: 1px solid #cbd5e1; }
.lab-logo { display: flex; flex-direction: row; align-items: flex-start; gap: 0.75rem; text-decoration: none; color: #1b1b1b;
  padding: 0 1rem 0.5rem; max-width: 62rem; margin: 0 auto; }
.lab-logo__ribbon { display: block; width: 1.75rem; height: 3rem; background: var(--lab-blue); flex: none; }
.lab-logo__text { display: flex; flex-direction: column; text-align: left; line-height: 1.25; padding-top: 0.4rem; }
.lab-logo__ministry { font-size: 0.95rem; }
.lab-logo__lab { font-weight: 700; font-size: 1.05rem; }
.lab-nav { background: var(--lab-blue); }
.lab-nav__list { list-style: none; margin: 0 auto; padding: 0 1rem; max-width: 62rem; display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; }
.lab-nav__link { display: inline-block; color: #fff; padding: 0.4rem 0; text-decoration: none; font-weight: 600; }
.lab-nav__link:hover, .lab-nav__link:focus { text-decoration: underline; }
.lab-nav__link[aria-current="page"] { border-bottom: 3px solid #fff; }
.lab-crumbs { margin: 0.5rem 0 0; font-size: 0.95rem; }
.lab-crumbs a { color: var(--lab-blue); }
.lab-crumbs .utrecht-breadcrumb-nav__item { display: inline; }
.lab-crumbs .utrecht-breadcrumb-nav__link { display: inline; padding: 0; }
.lab-crumbs .utrecht-breadcrumb-nav__list { display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; list-style: none; padding: 0; margin: 0; }
.lab-crumbs .utrecht-breadcrumb-nav__item + .utrecht-breadcrumb-nav__item::before { content: "›"; margin-right: 0.5rem; color: #545454; }
.lab-main { padding: 0 0 2.5rem; }
.lab-main a { color: var(--lab-blue); }
.lab-footer { background: var(--lab-blue); color: #fff; padding: 1.25rem 0; font-size: 0.95rem; }
.lab-footer__text { margin: 0; }
h1.nl-heading { color: var(--lab-blue); font-size: 1.75rem; line-height: 1.2; margin: 0.5rem 0 0.5rem; }
.lab-kicker { font-size: 1rem; font-weight: 400; color: #545454; }
h2.nl-heading { color: var(--lab-blue); font-size: 1.45rem; margin: 2rem 0 0.75rem; }
h3.nl-heading { font-size: 1.15rem; margin: 1.25rem 0 0.5rem; }
.lab-main .nl-paragraph, .lab-main .lab-list { font-size: inherit; line-height: inherit; }
.lab-lead { font-size: 1.2rem; margin: 0.5rem 0 1rem; }
.lab-muted { color: #545454; }
.lab-answer { font-size: 1.2rem; background: #eef7fb; border-left: 6px solid var(--lab-blue); padding: 0.75rem 1rem; margin: 0.75rem 0; }
.lab-question { font-size: 1.15rem; font-style: italic; margin: 0.5rem 0; }

.lab-state { border: 2px solid; border-radius: 4px; padding: 0.4rem 1rem; margin: 0.5rem 0; }
.lab-state--draft { border-color: var(--lab-warn); background: var(--lab-warn-bg); }
.lab-state--final { border-color: var(--lab-good); background: var(--lab-good-bg); }
.lab-state.utrecht-alert--error { border-color: var(--lab-bad); background: var(--lab-bad-bg); }
.lab-state__title { font-weight: 700; margin: 0 0 0.25rem; }
.lab-state p { margin: 0.25rem 0; }

.lab-principles { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 1rem; margin: 0.75rem 0; }
.lab-principles__group { border: 1px solid #cbd5e1; border-radius: 4px; padding: 0.75rem; }
.lab-principles__title { margin: 0 0 0.5rem; font-size: 1.05rem; color: var(--lab-blue); }
.lab-lights { list-style: none; margin: 0; padding: 0; }
.lab-light { display: grid; grid-template-columns: 1.5rem 1fr; gap: 0 0.5rem; padding: 0.3rem 0; border-top: 1px solid #e2e8f0; }
.lab-light:first-child { border-top: 0; }
.lab-light__name { font-weight: 600; }
.lab-light__status { grid-column: 2; font-size: 0.95rem; }
.lab-light .lab-signal__icon { grid-row: span 2; margin-top: 0.1rem; }

.lab-cards { list-style: none; padding: 0; margin: 1rem 0; display: grid; gap: 1.25rem; }
.lab-card { border: 1px solid #cbd5e1; border-top: 6px solid var(--lab-blue); border-radius: 4px; padding: 1rem 1.25rem; }
.lab-card__title { margin: 0 0 0.5rem; font-size: 1.35rem; }
.lab-card__facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.5rem 1.5rem; margin: 0.5rem 0 0.75rem; }
.lab-card__facts dt { font-size: 0.9rem; color: #545454; }
.lab-card__facts dd { margin: 0; font-weight: 600; }
.lab-card__problems { border-top-color: var(--lab-bad); }

.lab-scores { list-style: none; margin: 0.5rem 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.5rem; }
.lab-score { border: 1px solid #e2e8f0; border-radius: 4px; padding: 0.5rem 0.75rem; }
.lab-score__name { display: block; font-weight: 600; }
.lab-score__value { font-size: 1.35rem; font-weight: 700; }

.utrecht-data-list.lab-facts { display: grid; grid-template-columns: minmax(9rem, 14rem) minmax(0, 1fr); gap: 0.4rem 1rem; margin: 0.75rem 0; }
.lab-facts dt { font-weight: 600; margin: 0; }
.lab-facts dd { margin: 0; overflow-wrap: break-word; min-width: 0; }
.lab-records { list-style: none; margin: 0.25rem 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0.5rem; }
.lab-records--wide { grid-template-columns: minmax(0, 1fr); }
.lab-record { border: 1px solid #cbd5e1; border-radius: 4px; padding: 0.4rem 0.6rem; break-inside: avoid; page-break-inside: avoid; }
.lab-record__facts { display: grid; grid-template-columns: minmax(0, 1fr); margin: 0; }
.lab-record__facts dt { font-size: 0.9rem; color: #545454; margin: 0.2rem 0 0; }
.lab-record__facts dd { margin: 0; overflow-wrap: break-word; }

.lab-table-wrap { overflow-x: auto; margin: 0.75rem 0; }
.lab-table-wrap:focus-visible { outline: 3px solid #154273; outline-offset: 2px; }
.lab-table { border-collapse: collapse; width: 100%; font-size: 0.97rem; }
.lab-table th, .lab-table td { text-align: left; vertical-align: top; padding: 0.45rem 0.5rem; border-bottom: 1px solid #cbd5e1; }
.lab-table thead th { border-bottom: 2px solid var(--lab-blue); }
.lab-table td.lab-num, .lab-table th.lab-num { text-align: right; white-space: nowrap; }
.lab-table .utrecht-table__caption, .lab-table caption { text-align: left; font-weight: 400; font-size: 0.95rem; color: #545454;
  padding: 0 0 0.25rem; margin: 0; line-height: 1.4; }
.lab-table .utrecht-table__header-cell, .lab-table .utrecht-table__cell { font-size: inherit; line-height: 1.4; padding: 0.45rem 0.5rem; }
.nl-skip-link { position: absolute; left: 1rem; top: 0.5rem; transform: translateY(-300%); background: #fff; padding: 0.5rem; z-index: 10; }
.nl-skip-link:focus { transform: none; }
.lab-card .lab-card__title { margin-top: 0; }
.lab-score .lab-signal { white-space: normal; }

.lab-chart { margin: 1rem 0 1.5rem; }
.lab-chart__title { font-weight: 700; font-size: 1.05rem; margin-bottom: 0.4rem; }
.lab-chart svg { max-width: 100%; height: auto; }
.lab-chart__narrow { display: none; }
.lab-chart__alt { font-size: 0.95rem; color: #333; margin: 0.4rem 0 0; }

.lab-run { border-top: 3px solid #cbd5e1; margin-top: 2rem; }
h4.nl-heading { font-size: 1.05rem; margin: 1rem 0 0.4rem; }
.lab-pager ul { list-style: none; margin: 1rem 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; }
.lab-pager [aria-current="page"] { font-weight: 700; }

.lab-list { margin: 0.5rem 0; padding-left: 1.4rem; }
.lab-list li { margin: 0.25rem 0; }
.utrecht-blockquote.lab-quote { border-left: 4px solid var(--lab-blue); margin: 0.5rem 0; padding: 0.25rem 1rem; background: #f8fafc; white-space: pre-wrap; }
.lab-keys { font-family: monospace; font-size: 0.9rem; }
.lab-hash { font-family: monospace; font-size: 0.85rem; overflow-wrap: anywhere; }
.lab-question-card { border-left: 4px solid #cbd5e1; padding: 0.25rem 0 0.25rem 0.75rem; margin: 0.75rem 0; }
.lab-question-card p { margin: 0.2rem 0; }
.lab-tag { display: inline-block; font-size: 0.85rem; border: 1px solid #545454; border-radius: 3px; padding: 0 0.35rem; margin-left: 0.35rem; }

@media (max-width: 40rem) {
  h1.nl-heading { font-size: 1.6rem; }
  .utrecht-data-list.lab-facts { grid-template-columns: minmax(0, 1fr); gap: 0.1rem; }
  .lab-facts dd { margin-bottom: 0.5rem; }
  .lab-logo { align-items: flex-start; }
  .lab-chart__wide { display: none; }
  .lab-chart__narrow { display: block; }
}

@media print {
  @page { size: A4; margin: 16mm 14mm 18mm; }
  body.lab-page { font-size: 10.5pt; }
  .nl-skip-link, .lab-nav, .lab-crumbs, .lab-no-print { display: none !important; }
  .lab-container { max-width: none; padding: 0; }
  .lab-logo { padding: 0 0 0.5rem; }
  .lab-logo__ribbon { width: 1.5rem; height: 2.5rem; margin: 0; }
  .lab-footer { background: none; color: #333; border-top: 1px solid #999; padding: 0.5rem 0 0; }
  h2.nl-heading { break-after: avoid; page-break-after: avoid; margin-top: 1.25rem; }
  h3.nl-heading { break-after: avoid; page-break-after: avoid; }
  .lab-chart, .lab-state, .lab-principles__group, .lab-score, tr, .lab-answer { break-inside: avoid; page-break-inside: avoid; }
  .lab-table-wrap { overflow: visible; }
  .lab-principles { grid-template-columns: repeat(3, 1fr); gap: 0.5rem; }
  .lab-scores { grid-template-columns: repeat(3, 1fr); }
  .lab-answer, h1.nl-heading { font-size: 1.4em; }
  .lab-answer { font-size: 1.1em; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
