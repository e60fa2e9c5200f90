import type { CheckResultRead } from "../checks/check-results-format.js";
import { declaredDatasets } from "../experiments/declared-data.js";
import type { Experiment } from "../experiments/experiment-schema.js";
import type { GovernanceState } from "../governance/governance-state.js";
import { principleStanding } from "../governance/principle-standing.js";
import type { ReviewStanding } from "../governance/review-standing.js";
import { criterionText } from "../governance/success-criteria.js";
import { signatureStateWords } from "../people/record-signature.js";
import { escapeHtml, userText } from "./html.js";
import { findingText, worstCheck } from "./quality-headline.js";
import { renderSignal, type Signal } from "./signal.js";

/** What the top of a business owner's page is made of: the experiment, its governance state and the run it shows. */
export interface GlanceInput {
  experiment: Experiment;
  governance: GovernanceState;
  /** The run the summary shows (`governance.summarized`), numbered within the experiment, with its checks. */
  shown?: { number: number; checks: readonly CheckResultRead[] | undefined };
  /** A finished run's number within its experiment, by id. */
  runNumber: (id: string) => number | undefined;
  /** A link to a run's page, where there is one (the site); the stand-alone summary has none. */
  runHref?: (number: number) => string;
}

/** The decision an experiment ends with, as the template's `evaluatie.oordeel` names it. */
const decisionWords: Record<string, Signal> = {
  opschalen: { label: "Opschalen", symbol: "✓", tone: "good" },
  aanpassen: { label: "Aanpassen", symbol: "!", tone: "warn" },
  stoppen: { label: "Stoppen", symbol: "✗", tone: "bad" },
};

/**
 * The page at a glance: the question, the answer so far, how reliable it is against the
 * margins stated in advance, which safeguards hold, are open or are contradicted, who reviewed
 * which run, and the decision (or why there is none yet). The site's experiment page and the
 * main job's summary both start with it.
 * @example renderGlance({ experiment, governance, shown: { number: 2, checks }, runNumber: () => 2 });
 */
export function renderGlance(input: GlanceInput): string {
  const facts: Array<[string, string]> = [
    ["De vraag", userText(questionSentence(input.experiment))],
    ["Het antwoord tot nu toe", answerSoFar(input)],
    ["Hoe betrouwbaar", reliability(input)],
    ["Waarborgen", safeguards(input.governance)],
    ["Beoordeeld", reviewed(input)],
    ["Besluit", decision(input)],
  ];
  return `<section class="lab-glance" aria-labelledby="in-een-oogopslag">
<h2 class="lab-glance__title" id="in-een-oogopslag">In één oogopslag</h2>
<dl class="lab-glance__facts">
${facts.map(([key, value]) => `<div class="lab-glance__fact"><dt>${escapeHtml(key)}</dt><dd>${value}</dd></div>`).join("\n")}
</dl>
</section>`;
}

/** The user story as one sentence: "Als ..., wil ik ..., zodat ...". */
export function questionSentence(experiment: Experiment): string {
  const { als, wil_ik, zodat } = experiment.userstory;
  return [als, wil_ik, zodat]
    .filter((part): part is string => typeof part === "string")
    .map((part) => part.trim().replace(/[.,;]+$/, ""))
    .join(", ")
    .concat(".");
}

function runLink(input: GlanceInput, number: number): string {
  const text = `run ${number}`;
  return input.runHref ? `<a href="${escapeHtml(input.runHref(number))}">${text}</a>` : text;
}

function answerSoFar(input: GlanceInput): string {
  const checks = input.shown?.checks;
  if (!input.shown) return "Nog geen antwoord: er is nog geen run met controles van dit experiment.";
  if (!checks) return `De uitkomsten van ${runLink(input, input.shown.number)} zijn niet meer beschikbaar.`;
  const within = checks.filter((c) => c.outcome === "passed").length;
  const outside = checks.filter((c) => c.outcome === "failed" || c.outcome === "warned").length;
  const worst = worstCheck(checks);
  const verdict =
    outside === 0
      ? "De data is goed genoeg voor dit gebruik, voor zover de controles dat meten."
      : "De data is nog niet goed genoeg voor dit gebruik.";
  const most = worst && outside > 0 ? ` Het slechtst: ${userText(findingText(worst))}.` : "";
  return `${escapeHtml(verdict)} ${within} van de ${checks.length} controles ${within === 1 ? "is" : "zijn"} in orde (${runLink(input, input.shown.number)}).${most}`;
}

function reliability(input: GlanceInput): string {
  const checks = input.shown?.checks ?? [];
  const { margins, criteria } = input.governance;
  const within = checks.filter((c) => c.outcome === "passed").length;
  const judged = checks.filter((c) => c.outcome !== "not_evaluated").length;
  const stated =
    margins.length > 0
      ? `Tegen de ${margins.length === 1 ? "foutmarge" : `${margins.length} foutmarges`} die vooraf ${margins.length === 1 ? "is" : "zijn"} vastgelegd: `
      : "Er zijn vooraf geen foutmarges als getal vastgelegd; tegen de grens per controle: ";
  const measured =
    checks.length === 0 ? "nog niet gemeten." : `${within} van de ${judged} beoordeelde controles binnen de marge.`;
  const met = criteria.filter((c) => c.met === true).length;
  const missed = criteria.filter((c) => c.met === false).map((c) => criterionText(c.measure));
  const unmeasured = criteria.filter((c) => c.met === null).length;
  const success =
    criteria.length === 0
      ? ""
      : ` Succesmaten: ${met} van de ${criteria.length} gehaald${missed.length > 0 ? ` (niet: ${missed.join(", ")})` : ""}${unmeasured > 0 ? `, ${unmeasured} nog niet gemeten` : ""}.`;
  return `${escapeHtml(stated)}${escapeHtml(measured)}${escapeHtml(success)}`;
}

function safeguards(governance: GovernanceState): string {
  const codes = governance.principles.map((p) => ({ title: p.principle.title, code: principleStanding(p).code }));
  const settled = codes.filter((c) => c.code === "voldaan" || c.code === "niet_van_toepassing");
  const against = codes.filter((c) => c.code === "tegengesproken" || c.code === "niet_voldaan");
  const open = codes.filter((c) => c.code === "open" || c.code === "voorgesteld");
  const parts = [
    renderSignal({ label: `${settled.length} geregeld`, symbol: "✓", tone: "good" }),
    renderSignal({ label: `${open.length} nog open`, symbol: "?", tone: "warn" }),
    renderSignal({ label: `${against.length} tegengesproken of niet voldaan`, symbol: "✗", tone: "bad" }),
  ];
  const named = against.length > 0 ? ` Niet in orde: ${against.map((c) => escapeHtml(c.title)).join(", ")}.` : "";
  return `<span class="lab-glance__signals">${parts.join(" ")}</span> <span>van de ${codes.length} uitgangspunten.${named}</span>`;
}

/**
 * Who reviewed which run, with the signature state the governance state established: a review
 * counts only signed by a person of the people file, so one that counts names its signer and
 * role; one with a missing or invalid signature is named too, with why it does not count.
 */
function reviewed(input: GlanceInput): string {
  const { reviews } = input.governance;
  const what = (r: ReviewStanding) => {
    const number = r.run ? input.runNumber(r.run) : undefined;
    return r.run ? (number ? runLink(input, number) : "een eerdere run") : "het plan";
  };
  const counted = reviews
    .filter((r) => r.inForce)
    .slice(-3)
    .map((r) => {
      const role = r.countsAs ?? r.role;
      const as = role ? ` als ${escapeHtml(role)}` : "";
      return `${what(r)} ${r.verdict} door ${userText(displayName(r.signer ?? r.reviewer))}${as} op ${escapeHtml(formatDay(r.at))}, ondertekend en nagekeken`;
    });
  const unproven = reviews
    .filter((r) => !r.inForce && r.signature !== "signed")
    .slice(-3)
    .map(
      (r) =>
        `een review van ${what(r)} op naam van ${userText(displayName(r.reviewer))} telt niet: ${escapeHtml(signatureStateWords[r.signature])}`,
    );
  if (counted.length === 0 && unproven.length === 0)
    return "Nog niemand. Zolang niemand anders dan de maker een run goedkeurt, is dit een concept.";
  const none = counted.length === 0 ? ["nog geen geldige review, dus dit is een concept"] : [];
  return `${[...counted, ...none, ...unproven].join("; ")}.`;
}

function decision(input: GlanceInput): string {
  const { evaluatie } = input.experiment;
  const chosen = typeof evaluatie.oordeel === "string" ? decisionWords[evaluatie.oordeel] : undefined;
  if (chosen) {
    const why = typeof evaluatie.oordeel_toelichting === "string" ? ` ${userText(evaluatie.oordeel_toelichting)}` : "";
    return `${renderSignal(chosen)}${why}`;
  }
  return `${renderSignal({ label: "Nog niet besloten", symbol: "–", tone: "neutral" })} ${escapeHtml(notYetBecause(input))}`;
}

/** Why no decision can be taken yet, from what the record says is still missing. */
function notYetBecause(input: GlanceInput): string {
  const { governance, shown } = input;
  const reasons: string[] = [];
  if (!shown) reasons.push("er nog geen run met controles is");
  else if (!shown.checks) reasons.push(`de uitkomsten van run ${shown.number} niet meer beschikbaar zijn`);
  else {
    const outside = shown.checks.filter((c) => c.outcome === "failed" || c.outcome === "warned").length;
    if (outside > 0)
      reasons.push(
        `${outside} ${outside === 1 ? "controle" : "controles"} buiten de marge ${outside === 1 ? "valt" : "vallen"}`,
      );
    const approved = governance.runs.find((r) => r.record.id === governance.summarized)?.approval;
    if (!approved) reasons.push(`niemand anders dan de maker run ${shown.number} heeft goedgekeurd`);
  }
  const open = governance.principles.filter((p) => {
    const code = principleStanding(p).code;
    return code !== "voldaan" && code !== "niet_van_toepassing";
  }).length;
  if (open > 0)
    reasons.push(
      `${open} van de ${governance.principles.length} uitgangspunten nog niet geregeld ${open === 1 ? "is" : "zijn"}`,
    );
  if (reasons.length === 0) return "omdat de opdrachtgever het eindoordeel nog niet heeft ingevuld.";
  const last = reasons.pop();
  return `omdat ${reasons.length > 0 ? `${reasons.join(", ")} en ${last}` : last}.`;
}

/** Whether the data an experiment declares is synthetic: what a page's footer may say about it. */
export function dataNature(experiment: Pick<Experiment, "data">): "synthetisch" | "echt" | "onbekend" {
  const declared = declaredDatasets(experiment);
  if (declared.length === 0) return "onbekend";
  if (declared.every((d) => d.synthetic)) return "synthetisch";
  return declared.some((d) => !d.synthetic) ? "echt" : "onbekend";
}

/** The footer's sentence about the data on a page, true for the experiments that page shows. */
export function dataSentence(natures: ReadonlyArray<ReturnType<typeof dataNature>>): string {
  if (natures.length === 0) return "Deze pagina toont geen data.";
  if (natures.every((n) => n === "synthetisch")) return "Alle data op deze pagina is synthetisch (nagemaakt).";
  if (natures.every((n) => n === "echt"))
    return "De data op deze pagina is echte data; alleen wat geen persoon herkenbaar maakt, staat erop.";
  return "Op deze pagina staat synthetische (nagemaakte) data en data die dat niet is, of waarvan dat niet is vastgelegd; per experiment staat het bij de gegevens.";
}

function displayName(who: string): string {
  return who.replace(/\s*<[^>]*>\s*/g, " ").trim() || "onbekend";
}

function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString("nl-NL", { timeZone: "Europe/Amsterdam", dateStyle: "long" });
}

/** The glance's CSS, shared by the site and the stand-alone summary page. */
export const glanceStyle = `
.lab-glance { border: 2px solid var(--lab-blue); border-radius: 4px; padding: 0.25rem 1rem 0.5rem; margin: 0.5rem 0 1rem; line-height: 1.45; }
.lab-glance__title { margin: 0.25rem 0; font-size: 1.2rem; color: var(--lab-blue); border: 0; }
.lab-glance__facts { margin: 0; }
.lab-glance__fact { display: grid; grid-template-columns: 11rem minmax(0, 1fr); gap: 0 1rem; padding: 0.25rem 0; border-top: 1px solid #e2e8f0; }
.lab-glance__fact:first-child { border-top: 0; }
.lab-glance__fact dt { font-weight: 700; margin: 0; }
.lab-glance__fact dd { margin: 0; min-width: 0; }
.lab-glance__signals { display: inline-flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; }
.lab-fold { border-top: 1px solid #cbd5e1; margin: 0.5rem 0; }
.lab-fold > summary { cursor: pointer; font-weight: 700; color: var(--lab-blue); padding: 0.5rem 0; font-size: 1.15rem; }
@media (max-width: 40rem) {
  .lab-glance { padding: 0.25rem 0.6rem 0.5rem; }
  .lab-glance__fact { grid-template-columns: minmax(0, 1fr); }
}
@media print { .lab-glance { break-inside: avoid; page-break-inside: avoid; } .lab-fold > summary { display: none; } }
`;
