import { escapeHtml } from "../../report/html.js";
import type { QuestionType, Template } from "../../templates/template-schema.js";
import { sectionIds } from "../../templates/template-schema.js";
import type { LabView } from "../lab-view.js";
import { weighingText } from "../labels.js";
import { renderLayout } from "../layout.js";
import { sitePaths } from "../site-paths.js";

const questionTypeText = {
  text: "korte tekst",
  long_text: "lange tekst",
  choice: "één keuze",
  multiple_choice: "meerdere keuzes",
  date: "datum",
  yes_no: "ja of nee",
  list: "lijst",
  table: "tabel",
  number: "getal",
} as const satisfies Record<QuestionType, string>;

/** The template catalog: what each template is for and the questions it asks, and the ten principles. */
export function renderTemplatesPage(lab: LabView): string {
  const main = `
<h1 class="nl-heading nl-heading--level-1">Sjablonen</h1>
<p class="lab-lead">Elk experiment begint met een sjabloon: de vragen die vooraf beantwoord moeten zijn. Een experiment legt vast welke versie het gebruikt.</p>
<nav aria-label="Sjablonen op deze pagina">
<ul class="lab-list">
${lab.templates
  .flatMap((t) => t.versions)
  .map(
    (t) =>
      `<li><a href="#${anchorOf(t)}">${escapeHtml(t.title)}</a> <span class="lab-muted">(${escapeHtml(t.id)}@${escapeHtml(t.version)})</span></li>`,
  )
  .join("\n")}
<li><a href="#uitgangspunten">De tien uitgangspunten</a></li>
</ul>
</nav>
${lab.templates.flatMap((t) => t.versions.map(renderTemplate)).join("\n")}
<h2 class="nl-heading nl-heading--level-2" id="uitgangspunten">De tien uitgangspunten</h2>
${
  lab.principles
    ? `<p class="nl-paragraph">Versie ${escapeHtml(lab.principles.version)}. Elk experiment geeft per uitgangspunt een status, een toelichting en wie het besloot.</p>
<ol class="lab-list">
${lab.principles.principles
  .map(
    (p) =>
      `<li><strong>${escapeHtml(p.title)}</strong> <span class="lab-tag">${escapeHtml(weighingText[p.weighing])}</span><br>${escapeHtml(p.question)}<br><span class="lab-muted">Beslist door: ${escapeHtml(p.owner)}. Bewijs: ${escapeHtml(p.evidence.description)}</span></li>`,
  )
  .join("\n")}
</ol>`
    : `<p class="nl-paragraph">De lijst met uitgangspunten ontbreekt.</p>`
}`;
  return renderLayout({
    path: sitePaths.templates,
    title: "Sjablonen",
    crumbs: [{ label: "Experimenten", to: sitePaths.overview }, { label: "Sjablonen" }],
    main,
  });
}

function renderTemplate(template: Template): string {
  const sections = sectionIds
    .map((id) => template.sections[id])
    .filter((s) => s.questions.length > 0)
    .map(
      (s) => `<h3 class="nl-heading nl-heading--level-3">${escapeHtml(s.title)}</h3>
${s.questions
  .map(
    (
      q,
    ) => `<div class="lab-question-card"><p><strong>${escapeHtml(q.label)}</strong> <span class="lab-tag">${escapeHtml(questionTypeText[q.type])}</span> <span class="lab-tag">${q.required ? "verplicht" : "aanbevolen"}</span></p>
<p class="lab-muted">${escapeHtml(q.help)}</p>${q.options ? `<p>Keuzes: ${q.options.map((o) => escapeHtml(o.replaceAll("_", " "))).join(", ")}</p>` : ""}${q.columns ? `<p>Per rij: ${q.columns.map((c) => escapeHtml(c.label)).join(", ")}</p>` : ""}</div>`,
  )
  .join("\n")}`,
    );
  return `<section aria-labelledby="${anchorOf(template)}">
<h2 class="nl-heading nl-heading--level-2" id="${anchorOf(template)}">${escapeHtml(template.title)} <span class="lab-muted">(${escapeHtml(template.id)}@${escapeHtml(template.version)})</span></h2>
<p class="nl-paragraph">${escapeHtml(template.purpose)}</p>
${template.extends ? `<p class="nl-paragraph lab-muted">Bouwt voort op ${escapeHtml(template.extends)}: de vragen van dat sjabloon staan hieronder ook.</p>` : ""}
${sections.join("\n")}
</section>`;
}

function anchorOf(template: Template): string {
  return escapeHtml(`sjabloon-${template.id}-${template.version}`);
}
