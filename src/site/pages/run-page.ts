import { escapeHtml, isSuppressed, MIN_CELL_SIZE, userText } from "../../report/html.js";
import { type ChartFigure, checksFigure, renderFigure } from "../charts.js";
import { renderChecksTable, renderFacts, renderSignal } from "../components.js";
import { datasetPath } from "../dataset-views.js";
import { previousOfItsKind, resultsUnavailable } from "../experiment-state.js";
import type { CheckView, ExperimentView, RunView } from "../lab-view.js";
import { analysisWords, displayName, engineWords, formatWhen, outcomeSignal } from "../labels.js";
import { relativeHref, runAnchor, runListPageOf, sitePaths } from "../site-paths.js";

/**
 * One run, as a section of its page of the run log: why it ran, who and when, where its
 * inputs came from, and each check's outcome.
 */
export function renderRunSection(view: ExperimentView, run: RunView): string {
  const { record } = run;
  const anchor = runAnchor(run.number);
  return `<section class="lab-run" id="${anchor}" aria-labelledby="${anchor}-titel">
<h2 class="nl-heading nl-heading--level-2" id="${anchor}-titel">Run ${run.number}</h2>
${renderMismatch(run)}
${renderFacts([
  ["Wanneer", escapeHtml(formatWhen(record.at))],
  ["Door", userText(displayName(record.who.name))],
  [
    run.results === "verified" ? "Uitkomst" : "Uitkomst volgens het logboek",
    run.outcome ? renderSignal(outcomeSignal[run.outcome]) : userText(record.outcome),
  ],
  ["Analyse", analysisText(record.analysis)],
  ...notebookFacts(view, run),
  ...compareLink(view, run),
])}
<h3 class="nl-heading nl-heading--level-3">Waarom deze run</h3>
<blockquote class="utrecht-blockquote lab-quote">${userText(record.justification)}</blockquote>

<h3 class="nl-heading nl-heading--level-3">Uitkomst per controle</h3>
${
  run.checks
    ? `${renderChecksTable(run.checks, `Run ${run.number}, per controle: wat er is gecontroleerd, de uitkomst, wat is toegestaan en wat is gemeten.`)}
${renderOptionalFigure(checksFigure(run.checks, `controles-run-${run.number}`))}
${renderFailingKeys(run.checks)}`
    : `<p class="nl-paragraph">${escapeHtml(resultsUnavailable(run) ?? "Deze run heeft geen controles uitgevoerd.")}</p>`
}

<h3 class="nl-heading nl-heading--level-3">Herkomst</h3>
<p class="nl-paragraph">Hiermee is na te gaan op welke data en met welke versie van de software deze run is gedaan. Een vingerafdruk (SHA-256) verandert als het bestand ook maar een beetje verandert. De vingerafdruk van de inhoud rekent de database zelf uit: dezelfde rijen geven dezelfde vingerafdruk, in welk bestand of op welke server ze ook staan.</p>
${renderFacts([
  [
    "Experimentbestand",
    `sjabloon ${escapeHtml(record.experiment.template)}<br><span class="lab-hash">${escapeHtml(record.experiment.file_sha256)}</span>`,
  ],
  ...(record.suite
    ? [
        [
          `Suite`,
          `${userText(record.suite.path)}<br><span class="lab-hash">${escapeHtml(record.suite.sha256)}</span>`,
        ] as [string, string],
      ]
    : []),
  ...record.datasets.map((d): [string, string] => [
    `Dataset ${d.name}`,
    `${d.location !== undefined ? `${userText(d.location)} (plek in het lab)` : userText(d.path)} (<a href="${datasheetHref(view, run, d.name)}">datasheet</a>)<br><span class="lab-hash">${escapeHtml(d.sha256)}</span>`,
  ]),
  ...(record.data ?? [])
    .filter((d) => !d.made)
    .map((d): [string, string] => [
      `Inhoud ${d.name}`,
      `${escapeHtml(d.columns.length)} kolommen, gelezen met ${escapeHtml(engineWords(d.engine))}${d.frame ? " uit een DataFrame" : ""}${d.table !== undefined ? `, uit tabel ${userText(d.table)}` : ""}${record.datasets.some((f) => f.name === d.name) ? "" : ` (<a href="${datasheetHref(view, run, d.name)}">datasheet</a>)`}${contentFrom(view, run, d.content_from)}<br>${d.content_sha256 !== undefined ? `<span class="lab-hash">${escapeHtml(d.content_sha256)}</span>` : "herkend aan de vingerafdruk van het bestand"}`,
    ]),
  [
    "Code",
    record.code.commit
      ? `commit <span class="lab-hash">${escapeHtml(record.code.commit)}</span>${record.code.uncommitted_sha256 ? "<br>met wijzigingen die nog niet zijn vastgelegd" : ""}`
      : "geen git-versie bekend",
  ],
  [
    "Software",
    escapeHtml(`livinglab ${record.versions.livinglab}, Node.js ${record.versions.node}, ${record.versions.engine}`),
  ],
  ...record.artifacts.map((a): [string, string] => [
    `Uitvoer ${a.name}`,
    `<span class="lab-hash">${escapeHtml(a.sha256)}</span>`,
  ]),
  ["Logboek", `record ${record.seq}, keten-hash <span class="lab-hash">${escapeHtml(record.hash)}</span>`],
])}
</section>`;
}

const runsById = new WeakMap<ExperimentView, Map<string, RunView>>();

/** A run of the view by its id, from a map made once per view: every run's section may ask. */
function runWithId(view: ExperimentView, id: string): RunView | undefined {
  let byId = runsById.get(view);
  if (!byId) {
    byId = new Map(view.runs.map((r) => [r.record.id, r]));
    runsById.set(view, byId);
  }
  return byId.get(id);
}

/** Where a content fingerprint taken over from an earlier run came from, linked to that run. */
function contentFrom(view: ExperimentView, run: RunView, from: string | undefined): string {
  if (from === undefined) return "";
  const source = runWithId(view, from);
  if (!source) return escapeHtml("; de vingerafdruk komt van een eerdere run die precies hetzelfde bestand las");
  const id = view.opened.experiment.id;
  const href = escapeHtml(
    relativeHref(sitePaths.runs(id, runListPageOf(run.number)), sitePaths.run(id, source.number)),
  );
  return `; de vingerafdruk komt van <a href="${href}">run ${source.number}</a>, die precies hetzelfde bestand las`;
}

/** The link from a run's section to the datasheet page of a dataset it read. */
function datasheetHref(view: ExperimentView, run: RunView, name: string): string {
  const id = view.opened.experiment.id;
  return escapeHtml(relativeHref(sitePaths.runs(id, runListPageOf(run.number)), datasetPath(id, name)));
}

/** A warning that the results file is not what the run wrote: none of its outcomes are shown. */
function renderMismatch(run: RunView): string {
  if (run.results !== "mismatch") return "";
  return `<div class="utrecht-alert utrecht-alert--error lab-state" role="alert"><p class="lab-state__title">${renderSignal({ label: "De resultaten kloppen niet met het logboek", symbol: "✗", tone: "bad" })}</p>
<p>${escapeHtml(resultsUnavailable(run) ?? "")} Het logboek bewaart de vingerafdruk van wat de run schreef; dit bestand heeft een andere.</p></div>`;
}

/**
 * Failing rows by key only, never their other fields. A check with a suppressed count
 * shows no keys: the number of keys would give the count away.
 */
function renderFailingKeys(checks: readonly CheckView[]): string {
  const withKeys = checks.filter((c) => c.sample.length > 0);
  if (withKeys.length === 0) return "";
  const lines = withKeys.map((c) => {
    const keys = isSuppressed(c.failing_count)
      ? `<span class="lab-muted">niet getoond: minder dan ${MIN_CELL_SIZE} rijen</span>`
      : `<span class="lab-keys">${c.sample.map(userText).join(", ")}</span>`;
    return `<li><strong>${escapeHtml(c.id)}:</strong> ${keys}</li>`;
  });
  return `<h4 class="nl-heading nl-heading--level-4">Voorbeelden van afwijkende rijen</h4>
<p class="nl-paragraph">Alleen de sleutel van een paar rijen, zodat een medewerker ze kan opzoeken. Andere gegevens uit die rijen staan hier nooit.</p>
<ul class="lab-list">
${lines.join("\n")}
</ul>`;
}

/** For a notebook run: its executed notebook; for an analysis a notebook made: the notebook run it is part of. */
function notebookFacts(view: ExperimentView, run: RunView): [string, string][] {
  const id = view.opened.experiment.id;
  const from = sitePaths.runs(id, runListPageOf(run.number));
  const facts: [string, string][] = [];
  if (run.notebookHtml !== undefined) {
    const href = escapeHtml(relativeHref(from, sitePaths.notebook(id, run.number)));
    facts.push(["Notebook", `<a href="${href}">het uitgevoerde notebook</a>, met alles wat het liet zien`]);
  }
  const parent = run.record.parent_run && runWithId(view, run.record.parent_run);
  if (parent) {
    const href = escapeHtml(relativeHref(from, sitePaths.run(id, parent.number)));
    facts.push(["Onderdeel van", `<a href="${href}">run ${parent.number}</a> (een notebookrun)`]);
  }
  return facts;
}

function renderOptionalFigure(figure: ChartFigure | undefined): string {
  return figure ? renderFigure(figure) : "";
}

/** The words for the parameters the analyses record; a parameter the site does not know keeps its name. */
const paramWords: Record<string, (value: unknown) => string> = {
  suite: (v) => `controleset ${String(v)}`,
  engine: (v) => `met ${engineWords(String(v))}`,
  reference_date: (v) => `peildatum ${String(v)}`,
  dataset: (v) => `dataset ${String(v)}`,
  tables: (v) => `tabellen ${Array.isArray(v) ? v.join(", ") : String(v)}`,
};

/** The analysis and its parameters in words: "controles – controleset om-datakwaliteit, met DuckDB (ingebouwde database), peildatum 2026-06-30". */
function analysisText(analysis: { name: string; params: Record<string, unknown> }): string {
  const params = Object.entries(analysis.params).map(
    ([key, value]) =>
      paramWords[key]?.(value) ?? `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`,
  );
  return userText([analysisWords(analysis.name), params.join(", ")].filter(Boolean).join(" – "));
}

/** A link to the comparison with the run before it of the same analysis and suite, when there is one. */
function compareLink(view: ExperimentView, run: RunView): Array<[string, string]> {
  const previous = previousOfItsKind(view, run);
  if (!previous) return [];
  const id = view.opened.experiment.id;
  const href = relativeHref(
    sitePaths.runs(id, runListPageOf(run.number)),
    sitePaths.comparison(id, previous.number, run.number),
  );
  return [["Vergelijken", `<a href="${escapeHtml(href)}">Naast run ${previous.number}, de vorige van deze soort</a>`]];
}
