import { principleStanding } from "../../governance/principle-standing.js";
import { dataNature, dataSentence } from "../../report/glance.js";
import { escapeHtml, userText } from "../../report/html.js";
import { weighings } from "../../templates/principle-schema.js";
import { listAnswer } from "../answers.js";
import { renderSignal, renderUserList } from "../components.js";
import type { ExperimentView, LabView } from "../lab-view.js";
import { principleSignal } from "../labels.js";
import { renderLayout } from "../layout.js";
import { relativeHref, sitePaths } from "../site-paths.js";

const verdictWords: Record<string, string> = { opschalen: "Opgeschaald", aanpassen: "Aangepast", stoppen: "Gestopt" };

/** An experiment is finished when its final verdict is recorded (`evaluatie.oordeel`). */
export function isFinished(view: ExperimentView): boolean {
  const verdict = view.opened.experiment.evaluatie.oordeel;
  return typeof verdict === "string" && verdict in verdictWords;
}

/**
 * What the competence network reuses: the verdicts and lessons of finished experiments, grouped
 * by template and by principle, so that a new experiment does not pay twice for the same lesson.
 */
export function renderLessonsPage(lab: LabView): string {
  const path = sitePaths.lessons;
  const link = (to: string) => escapeHtml(relativeHref(path, to));
  const views = lab.experiments.flatMap((e) => (e.ok ? [e.experiment] : []));
  const finished = views.filter(isFinished);
  const title = (v: ExperimentView) =>
    `<a href="${link(sitePaths.experiment(v.opened.experiment.id))}">${userText(v.opened.experiment.titel)}</a>`;
  const byTemplate = new Map<string, ExperimentView[]>();
  for (const v of finished) {
    const name = v.opened.experiment.template.split("@")[0] ?? v.opened.experiment.template;
    byTemplate.set(name, [...(byTemplate.get(name) ?? []), v]);
  }
  const templates = [...byTemplate.entries()].map(
    ([name, list]) => `<h3 class="nl-heading nl-heading--level-3">Sjabloon ${escapeHtml(name)}</h3>
${list.map((v) => renderVerdict(v, title(v))).join("\n")}`,
  );
  const principles = (lab.principles?.principles ?? []).map((principle) => {
    const items = finished.flatMap((v) => {
      const p = v.governance.principles.find((g) => g.principle.id === principle.id);
      if (!p) return [];
      const standing = principleStanding(p);
      const why = p.decision?.toelichting ?? p.proposal?.toelichting;
      return [`<li>${title(v)}: ${renderSignal(principleSignal[standing.code])}${why ? ` ${userText(why)}` : ""}</li>`];
    });
    return items.length === 0
      ? ""
      : `<h3 class="nl-heading nl-heading--level-3">${escapeHtml(principle.title)} <span class="lab-muted">(${escapeHtml(principle.weighing)})</span></h3>
<ul class="lab-list">${items.join("\n")}</ul>`;
  });
  const main = `
<h1 class="nl-heading nl-heading--level-1">Lessen uit afgeronde experimenten</h1>
<p class="lab-lead">Wat eerdere experimenten besloten en leerden, zodat een nieuw experiment niet opnieuw hetzelfde leergeld betaalt.</p>
${
  finished.length === 0
    ? `<p class="nl-paragraph">Er is nog geen afgerond experiment: geen experiment heeft een eindoordeel (opschalen, aanpassen of stoppen).</p>`
    : `<h2 class="nl-heading nl-heading--level-2">Per sjabloon</h2>
${templates.join("\n")}
<h2 class="nl-heading nl-heading--level-2">Per uitgangspunt</h2>
<p class="nl-paragraph">Hoe afgeronde experimenten elk uitgangspunt regelden, gegroepeerd naar ${escapeHtml(weighings.join(", "))}.</p>
${principles.join("\n")}`
}
<p class="nl-paragraph">Alle experimenten, runs en lessen staan in de <a href="${link(sitePaths.index)}">index</a>. Een nieuw experiment begint vanuit een eerder met <code>livinglab new &lt;id&gt; --from &lt;experiment&gt;</code>.</p>`;
  return renderLayout({
    path,
    title: "Lessen",
    crumbs: [{ label: "Experimenten", to: sitePaths.overview }, { label: "Lessen" }],
    main,
    data: dataSentence(finished.map((v) => dataNature(v.opened.experiment))),
  });
}

function renderVerdict(view: ExperimentView, title: string): string {
  const { evaluatie } = view.opened.experiment;
  const verdict = verdictWords[String(evaluatie.oordeel)] ?? String(evaluatie.oordeel);
  const lessons = listAnswer(evaluatie, "lessen");
  return `<div class="lab-record"><p class="nl-paragraph"><strong>${title}</strong>: ${escapeHtml(verdict)}.${typeof evaluatie.oordeel_toelichting === "string" ? ` ${userText(evaluatie.oordeel_toelichting)}` : ""}</p>
${lessons.length > 0 ? `<p class="nl-paragraph">Lessen:</p>${renderUserList(lessons)}` : `<p class="nl-paragraph lab-muted">Geen lessen vastgelegd.</p>`}</div>`;
}
