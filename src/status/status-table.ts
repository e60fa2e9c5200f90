import { formatProblem } from "../errors/format-problem.js";
import { signatureStateWords } from "../people/record-signature.js";
import { escapeHtml } from "../report/html.js";
import { weighings } from "../templates/principle-schema.js";
import type { ExperimentStatus } from "./experiment-status.js";
import { gateWords, participationHeading, spokenWords } from "./format-status.js";

/**
 * The status of an experiment as an HTML table, for notebooks and web pages.
 * @example tslab.display.html(renderStatusTable(await experimentStatus(lab, "om-datakwaliteit")));
 */
export function renderStatusTable(status: ExperimentStatus): string {
  const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`;
  const list = (items: readonly string[]) =>
    items.length === 0 ? "" : `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`;
  const sections = status.sections.map((s) =>
    row([escapeHtml(s.title), s.complete ? "compleet" : "niet compleet", list(s.missing), list(s.recommended)]),
  );
  const principles = weighings.flatMap((w) =>
    status.principles[w].map((p) =>
      row([
        escapeHtml(w),
        escapeHtml(p.title),
        escapeHtml(p.standing.label),
        p.score === undefined ? "" : String(p.score),
        escapeHtml([p.decidedBy, p.date].filter(Boolean).join(", ")),
        list([
          p.standing.detail,
          ...p.evidence.findings.map((f) => `tool: ${f.text}`),
          ...p.ignored.map(
            (d) => `telt niet: besluit van ${d.who.replace(/\s*<[^>]*>/, "")} (record ${d.seq}): ${d.why}`,
          ),
        ]),
      ]),
    ),
  );
  const reviews = status.reviews.map((r) =>
    row([
      escapeHtml(r.reviewer.replace(/\s*<[^>]*>/, "")),
      escapeHtml(r.verdict),
      escapeHtml(signatureStateWords[r.signature]),
      escapeHtml(r.inForce ? "telt" : `telt niet: ${r.void ?? ""}`),
    ]),
  );
  const spoken = status.participation.map((p) => row([escapeHtml(p.role), escapeHtml(spokenWords(p))]));
  const gates = status.gates.map((g) => row([escapeHtml(g.title), escapeHtml(gateWords[g.state]), list(g.reasons)]));
  const problems =
    status.problems.length === 0
      ? ""
      : `<h4>Problemen in het bestand</h4><pre>${escapeHtml(status.problems.map((p) => formatProblem(p)).join("\n"))}</pre>`;
  return `<div class="livinglab-status">
<h3>${escapeHtml(status.titel || status.id)} <small>(${escapeHtml(status.template)})</small></h3>
<table><thead><tr><th>Sectie</th><th>Stand</th><th>Verplicht, nog open</th><th>Aanbevolen, nog open</th></tr></thead><tbody>${sections.join("")}</tbody></table>
<table><thead><tr><th>Weging</th><th>Uitgangspunt</th><th>Status</th><th>Score</th><th>Besloten</th><th>Besluit, voorstel en bewijs van de tool</th></tr></thead><tbody>${principles.join("")}</tbody></table>
${reviews.length > 0 ? `<table><thead><tr><th>Review door</th><th>Oordeel</th><th>Handtekening</th><th>Telt</th></tr></thead><tbody>${reviews.join("")}</tbody></table>` : ""}
<table><thead><tr><th>Rol</th><th>${escapeHtml(participationHeading(status))}</th></tr></thead><tbody>${spoken.join("")}</tbody></table>
<table><thead><tr><th>Poort</th><th>Stand</th><th>Waarom</th></tr></thead><tbody>${gates.join("")}</tbody></table>
${problems}</div>`;
}
