import { escapeHtml, isSuppressed, MIN_CELL_SIZE, userText } from "../../report/html.js";
import { type ChartFigure, checksFigure, renderFigure } from "../charts.js";
import { renderChecksTable, renderFacts, renderSignal } from "../components.js";
import type { CheckView, ExperimentView, RunView } from "../lab-view.js";
import { displayName, formatWhen, outcomeSignal } from "../labels.js";
import { renderLayout } from "../layout.js";
import { sitePaths } from "../site-paths.js";

/** One run: why it ran, who and when, where its inputs came from, and each check's outcome. */
export function renderRunPage(view: ExperimentView, run: RunView): string {
  const { experiment } = view.opened;
  const { record } = run;
  const main = `
<p class="lab-muted">Run uit het logboek van het experiment</p>
<h1 class="nl-heading nl-heading--level-1">Run ${run.number}: ${userText(experiment.titel)}</h1>
${renderFacts([
  ["Wanneer", escapeHtml(formatWhen(record.at))],
  ["Door", userText(displayName(record.who.name))],
  ["Uitkomst", run.outcome ? renderSignal(outcomeSignal[run.outcome]) : userText(record.outcome)],
  ["Analyse", analysisText(record.analysis)],
])}
<h2 class="nl-heading nl-heading--level-2">Waarom deze run</h2>
<blockquote class="utrecht-blockquote lab-quote">${userText(record.justification)}</blockquote>

<h2 class="nl-heading nl-heading--level-2">Uitkomst per controle</h2>
${
  run.checks
    ? `${renderChecksTable(run.checks, "Per controle: wat er is gecontroleerd, de uitkomst, wat is toegestaan en wat is gemeten.")}
${renderOptionalFigure(checksFigure(run.checks, `controles-run-${run.number}`))}
${renderFailingKeys(run.checks)}`
    : `<p class="nl-paragraph">De resultaten van deze run zijn niet meer beschikbaar; het logboek bewaart alleen de uitkomst: ${userText(record.outcome)}.</p>`
}

<h2 class="nl-heading nl-heading--level-2">Herkomst</h2>
<p class="nl-paragraph">Hiermee is na te gaan op welke data en met welke versie van de software deze run is gedaan. Een vingerafdruk (SHA-256) verandert als het bestand ook maar een beetje verandert. De vingerafdruk van de inhoud rekent de engine zelf uit: dezelfde rijen geven dezelfde vingerafdruk, in welk bestand of op welke server ze ook staan.</p>
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
    `${userText(d.path)}<br><span class="lab-hash">${escapeHtml(d.sha256)}</span>`,
  ]),
  ...(record.data ?? [])
    .filter((d) => !d.made)
    .map((d): [string, string] => [
      `Inhoud ${d.name}`,
      `${escapeHtml(d.columns.length)} kolommen, gelezen met ${escapeHtml(d.engine)}${d.frame ? " uit een DataFrame" : ""}<br><span class="lab-hash">${escapeHtml(d.content_sha256)}</span>`,
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
`;
  return renderLayout({
    path: sitePaths.run(experiment.id, run.number),
    title: `Run ${run.number} – ${experiment.titel}`,
    crumbs: [
      { label: "Experimenten", to: sitePaths.overview },
      { label: experiment.titel, to: sitePaths.experiment(experiment.id) },
      { label: `Run ${run.number}` },
    ],
    main,
  });
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
  return `<h3 class="nl-heading nl-heading--level-3">Voorbeelden van afwijkende rijen</h3>
<p class="nl-paragraph">Alleen de sleutel van een paar rijen, zodat een medewerker ze kan opzoeken. Andere gegevens uit die rijen staan hier nooit.</p>
<ul class="lab-list">
${lines.join("\n")}
</ul>`;
}

function renderOptionalFigure(figure: ChartFigure | undefined): string {
  return figure ? renderFigure(figure) : "";
}

/** The analysis and its parameters as "check – suite: suite.yaml, engine: duckdb". */
function analysisText(analysis: { name: string; params: Record<string, unknown> }): string {
  const params = Object.entries(analysis.params).map(
    ([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`,
  );
  return userText([analysis.name, params.join(", ")].filter(Boolean).join(" – "));
}
