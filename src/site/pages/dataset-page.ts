import { dataSentence } from "../../report/glance.js";
import { escapeHtml, formatCount, userText } from "../../report/html.js";
import type { Datasheet } from "../../synth/datasheet.js";
import { renderFacts, renderFold, renderUserList } from "../components.js";
import type { DatasetVersion, DatasetView, OtherUse } from "../dataset-views.js";
import type { ExperimentView, RunView } from "../lab-view.js";
import { analysisWords, formatDate, formatWhen } from "../labels.js";
import { renderLayout } from "../layout.js";
import { relativeHref, sitePaths } from "../site-paths.js";

type SheetColumn = Datasheet["tables"][string]["columns"][number];

/** Column types as a reader says them. */
const typeWords = {
  text: "tekst",
  integer: "geheel getal",
  date: "datum",
  timestamp: "datum en tijd",
} as const satisfies Record<SheetColumn["type"], string>;

/** How the defects were asked for, in words; a file name or other label is shown as written. */
const defectWords: Record<string, string> = {
  none: "geen",
  all: "alle soorten, elk met zijn gewone kans",
};

/** Runs listed per version; older ones are counted, not listed. */
const RUNS_LISTED = 20;

/**
 * A dataset's datasheet: what it is, where it came from, its columns and what they mean, whether
 * it holds personal data, and which runs read it. Never a value from the data, never a small count.
 */
export function renderDatasetPage(view: ExperimentView, dataset: DatasetView, others: readonly OtherUse[]): string {
  const { experiment } = view.opened;
  const path = dataset.path;
  const link = (to: string) => escapeHtml(relativeHref(path, to));
  const latest = dataset.versions.findLast((v) => v.sheet !== undefined);
  const main = `
<h1 class="nl-heading nl-heading--level-1">Dataset ${userText(dataset.name)}<span class="lab-kicker"> – datasheet</span></h1>
<p class="lab-lead">${escapeHtml(leadSentence(dataset, latest))}</p>
${renderFacts([
  ["Experiment", `<a href="${link(sitePaths.experiment(experiment.id))}">${userText(experiment.titel)}</a>`],
  ["Waar de data vandaan komt", sourceText(dataset, latest)],
  ["Persoonsgegevens", personalText(dataset, latest)],
  ["Bewaren tot", retentionText(dataset)],
  ...(latest?.sheet ? sheetFacts(latest.sheet) : []),
])}

<h2 class="nl-heading nl-heading--level-2">Kolommen</h2>
${latest?.sheet ? renderSheetColumns(dataset, latest.sheet) : renderDeclaredColumns(dataset)}
${latest?.sheet ? renderFold("Hoe de generator de data maakt", renderUserList(latest.sheet.sheet.model)) : ""}

<h2 class="nl-heading nl-heading--level-2">Welke runs deze data gebruikten</h2>
${renderVersions(view, dataset, link)}
${renderOtherUses(others, link)}
`;
  return renderLayout({
    path,
    title: `Dataset ${dataset.name}`,
    crumbs: [
      { label: "Experimenten", to: sitePaths.overview },
      { label: experiment.titel, to: sitePaths.experiment(experiment.id) },
      { label: `Dataset ${dataset.name}` },
    ],
    main,
    data: dataSentence([datasetNature(dataset)]),
  });
}

/** Synthetic as declared, or, for data only the runs name, when the generator's datasheet lists the very file. */
export function datasetNature(dataset: DatasetView): "synthetisch" | "echt" | "onbekend" {
  if (dataset.declared) return dataset.declared.synthetic ? "synthetisch" : "echt";
  return dataset.versions.some((v) => v.sheet) ? "synthetisch" : "onbekend";
}

function leadSentence(dataset: DatasetView, latest: DatasetVersion | undefined): string {
  const made = latest?.sheet
    ? "De generator van livinglab heeft deze data gemaakt: ze is verzonnen en bevat geen echte personen of zaken."
    : "";
  const declared = dataset.declared
    ? "Het experiment legt deze dataset vast bij zijn gegevens."
    : "Het experiment legt deze dataset niet vast bij zijn gegevens; alleen het logboek noemt hem.";
  return [declared, made].filter(Boolean).join(" ");
}

function sourceText(dataset: DatasetView, latest: DatasetVersion | undefined): string {
  const parts: string[] = [];
  if (dataset.declared?.source) parts.push(userText(dataset.declared.source));
  else if (dataset.declared) parts.push(`<span class="lab-muted">De bron is niet ingevuld.</span>`);
  if (latest?.sheet) {
    const { generator, arguments: args } = latest.sheet.sheet;
    // The datasheet is a file anyone could have edited: masked as well as escaped, like any text a person wrote.
    parts.push(
      userText(
        `Gemaakt door ${generator.name}, versie ${generator.version} (met DuckDB ${generator.duckdb}): ${formatCount(args.zaken)} zaken, startgetal ${args.seed}, peildatum ${formatDate(args.as_of)}, ingebrachte fouten: ${defectWords[args.defects] ?? args.defects}, ${args.csv ? "als Parquet en CSV" : "als Parquet"}.`,
      ),
    );
  }
  if (parts.length === 0) return `<span class="lab-muted">Niet vastgelegd.</span>`;
  return parts.join("<br>");
}

function personalText(dataset: DatasetView, latest: DatasetVersion | undefined): string {
  const declared = dataset.declared;
  if (!declared) {
    return latest?.sheet
      ? "Nee: de generator maakte deze data; ze is verzonnen. Het experiment legt dat niet zelf vast."
      : `<span class="lab-muted">Niet vastgelegd: het experiment noemt deze dataset niet bij zijn gegevens.</span>`;
  }
  const personal = declared.personal
    ? "Ja, volgens het experiment bevat deze dataset persoonsgegevens."
    : "Nee, volgens het experiment bevat deze dataset geen persoonsgegevens.";
  // The gates hold hardest for real personal data only (see src/gates/): say so only there.
  const synthetic = declared.synthetic
    ? "De data is synthetisch (nagemaakt)."
    : declared.real
      ? "De data is echt, niet nagemaakt: de strengste waarborgen gelden."
      : "De data is echt, niet nagemaakt.";
  return escapeHtml(`${personal} ${synthetic}`);
}

function retentionText(dataset: DatasetView): string {
  const by = dataset.declared?.destroyBy;
  if (by) return escapeHtml(`Vernietigen op ${formatDate(by)}; daarna weigert elke run deze data.`);
  return `<span class="lab-muted">Geen datum vastgelegd.</span>`;
}

/** The table's key and its number of rows, when that number may be shown (never below the minimum cell size). */
function sheetFacts(found: NonNullable<DatasetVersion["sheet"]>): Array<[string, string]> {
  const table = found.sheet.tables[found.table];
  const rows = found.sheet.row_counts[found.table];
  return [
    ...(table ? [["Sleutel", `<span class="lab-keys">${userText(table.key)}</span>`] as [string, string]] : []),
    ...(rows !== undefined ? [["Rijen", escapeHtml(formatCount(rows))] as [string, string]] : []),
    ["Datasheet", `<span class="lab-keys">${userText(found.file)}</span>`],
  ];
}

/** The datasheet's columns with their meaning, and whether the experiment declares it needs each. */
function renderSheetColumns(dataset: DatasetView, found: NonNullable<DatasetVersion["sheet"]>): string {
  const columns = found.sheet.tables[found.table]?.columns ?? [];
  const needed = dataset.declared?.columns;
  const rows = columns.map(
    (c) => `<tr>
<td><span class="lab-keys">${userText(c.name)}</span></td>
<td>${escapeHtml(typeWords[c.type])}</td>
<td>${escapeHtml(c.required)}</td>
<td>${meaningText(c.betekenis)}</td>
${needed ? `<td>${needed.includes(c.name) ? "Ja" : "Nee"}</td>` : ""}
</tr>`,
  );
  const caption = `De kolommen van ${dataset.name} volgens het datasheet van de generator${needed ? ", en of het experiment ze nodig heeft" : ""}.`;
  const missing = (needed ?? []).filter((name) => !columns.some((c) => c.name === name));
  return `<div class="lab-table-wrap" tabindex="0" role="region" aria-label="${userText(caption)}">
<table class="utrecht-table utrecht-table--html-table lab-table">
<caption class="utrecht-table__caption">${userText(caption)}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th scope="col" class="utrecht-table__header-cell">Kolom</th><th scope="col" class="utrecht-table__header-cell">Soort</th><th scope="col" class="utrecht-table__header-cell">Verplicht</th><th scope="col" class="utrecht-table__header-cell">Betekenis</th>${needed ? `<th scope="col" class="utrecht-table__header-cell">Nodig</th>` : ""}
</tr></thead>
<tbody class="utrecht-table__body">
${rows.join("\n")}
</tbody>
</table>
</div>
<p class="nl-paragraph">Verplicht: <em>ja</em> is altijd gevuld, <em>nee</em> mag leeg zijn, <em>als afgedaan</em> is gevuld als de zaak is afgedaan.${needed ? " Nodig: het experiment noemt de kolom bij de kolommen die het nodig heeft (dataminimalisatie)." : ""}</p>
${missing.length > 0 ? `<p class="nl-paragraph">Het experiment noemt ook kolommen die niet in het datasheet staan: ${missing.map((m) => `<span class="lab-keys">${userText(m)}</span>`).join(", ")}.</p>` : ""}`;
}

/** Declared columns only: the experiment gives their names, not their meaning. */
function renderDeclaredColumns(dataset: DatasetView): string {
  const columns = dataset.declared?.columns;
  const why =
    dataset.versions.length === 0
      ? "nog geen run heeft de data gelezen"
      : "er is geen datasheet van de generator bij de bestanden die de runs lazen";
  if (!columns || columns.length === 0) {
    return `<p class="nl-paragraph">Er zijn geen kolommen vastgelegd, en ${why}.</p>`;
  }
  return `<p class="nl-paragraph">Het experiment legt vast welke kolommen het nodig heeft. De betekenis van een kolom is niet opgegeven: het experiment noemt alleen de naam, en ${why}.</p>
<ul class="lab-records">${columns.map((c) => `<li class="lab-record"><span class="lab-keys">${userText(c)}</span><br><span class="lab-muted">Betekenis niet opgegeven.</span></li>`).join("\n")}</ul>`;
}

function meaningText(meaning: string): string {
  return meaning.trim() === "" ? `<span class="lab-muted">Niet opgegeven.</span>` : userText(meaning);
}

/** Per version of the data (a file's or the content's fingerprint): the runs that read it, each linked. */
function renderVersions(view: ExperimentView, dataset: DatasetView, link: (to: string) => string): string {
  if (dataset.versions.length === 0) return `<p class="nl-paragraph">Nog geen run heeft deze data gelezen.</p>`;
  const intro = `<p class="nl-paragraph">Volgens het logboek. Een vingerafdruk (SHA-256) hoort bij precies één versie van een bestand; de vingerafdruk van de inhoud bij precies dezelfde rijen. ${dataset.versions.length === 1 ? "Alle runs lazen dezelfde versie." : `De runs lazen ${dataset.versions.length} verschillende versies; de nieuwste staat onderaan.`}</p>`;
  const items = dataset.versions.map((version) => {
    const fingerprints = [
      ...(version.fileSha256 ? [`bestand <span class="lab-hash">${escapeHtml(version.fileSha256)}</span>`] : []),
      ...(version.contentSha256 ? [`inhoud <span class="lab-hash">${escapeHtml(version.contentSha256)}</span>`] : []),
    ];
    const sheet = version.sheet
      ? "Het datasheet hierboven beschrijft dit bestand."
      : "Geen datasheet van de generator beschrijft dit bestand.";
    return `<li class="lab-record">${fingerprints.join("<br>")}<br>${escapeHtml(sheet)}<br>${runLinks(view, version.runs, link)}</li>`;
  });
  return `${intro}\n<ul class="lab-records lab-records--wide">\n${items.join("\n")}\n</ul>`;
}

function runLinks(view: ExperimentView, runs: readonly RunView[], link: (to: string) => string): string {
  const id = view.opened.experiment.id;
  const shown = runs.slice(-RUNS_LISTED);
  const older = runs.length - shown.length;
  const items = shown.map(
    (run) =>
      `<a href="${link(sitePaths.run(id, run.number))}">Run ${run.number}</a> <span class="lab-muted">(${escapeHtml(analysisWords(run.record.analysis.name))}, ${escapeHtml(formatWhen(run.record.at))})</span>`,
  );
  return `${runs.length === 1 ? "Gelezen door" : `Gelezen door ${runs.length} runs`}: ${items.join("; ")}${older > 0 ? escapeHtml(`; en ${older} oudere runs.`) : "."}`;
}

function renderOtherUses(others: readonly OtherUse[], link: (to: string) => string): string {
  if (others.length === 0) return "";
  const byExperiment = new Map<ExperimentView, RunView[]>();
  for (const use of others) byExperiment.set(use.experiment, [...(byExperiment.get(use.experiment) ?? []), use.run]);
  const items = [...byExperiment].map(([experiment, runs]) => {
    const id = experiment.opened.experiment.id;
    const shown = runs.slice(-RUNS_LISTED);
    const links = shown.map((run) => `<a href="${link(sitePaths.run(id, run.number))}">run ${run.number}</a>`);
    return `<li><a href="${link(sitePaths.experiment(id))}">${userText(experiment.opened.experiment.titel)}</a>: ${links.join(", ")}${runs.length > shown.length ? escapeHtml(` en ${runs.length - shown.length} oudere runs`) : ""}</li>`;
  });
  return `<h3 class="nl-heading nl-heading--level-3">Andere experimenten met dezelfde data</h3>
<p class="nl-paragraph">Runs van andere experimenten die hetzelfde bestand of dezelfde inhoud lazen (dezelfde vingerafdruk).</p>
<ul class="lab-list">\n${items.join("\n")}\n</ul>`;
}
