import { existsSync } from "node:fs";
import { appendFile, readdir } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { type MetricUnit, metricText, unitWords } from "../../checks/metric-unit.js";
import { isLivingLabError, LivingLabError } from "../../errors/problem.js";
import { EXPERIMENT_FILE, openExperiment, resolveExperimentDir } from "../../experiments/open-experiment.js";
import { loadPeople, type People } from "../../people/load-people.js";
import { signatureOf, signatureStateWords } from "../../people/record-signature.js";
import { formatWhen } from "../../report/run-log-table.js";
import { compareRuns } from "../../runlog/compare-runs.js";
import { findInLog } from "../../runlog/find-record.js";
import { acceptUnsigned } from "../../runlog/governance.js";
import { outcomeWords, readLogOverview, shorten } from "../../runlog/log-overview.js";
import { type LogRecord, type LogRecordType, logRecordLabels } from "../../runlog/log-record-schema.js";
import { readSeals, sealsPath } from "../../runlog/log-seal.js";
import { runLogPath } from "../../runlog/run-log.js";
import type { RunRecord } from "../../runlog/run-record-schema.js";
import { sealLog } from "../../runlog/seal-log.js";
import { verifyRunLog } from "../../runlog/verify-run-log.js";
import { openWorkspace, type Workspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { formatComparison } from "../format-comparison.js";
import { parseOptions } from "../parse-options.js";
import { requireOption } from "../positionals.js";
import { renderTextTable } from "../text-table.js";

/** Rows shown by default: the newest page, so a log of any length prints at once. */
const PAGE = 50;

const USAGE = `livinglab log <experiment> [--last <aantal> | --all] [--root <map>]
livinglab log show <run> [--experiment <experiment>] [--root <map>]
livinglab log verify [<experiment>] [--seal <zegelbestand>]... [--root <map>]
livinglab log seal <experiment> [--out <bestand>] [--root <map>]
livinglab log accept-unsigned <experiment> --note "<waarom>" [--root <map>]
livinglab log compare <run> <run> [--experiment <experiment>] [--root <map>]

  log <experiment>     de runs en gebeurtenissen als tabel: wanneer, wie, wat, uitkomst, verantwoording
  --last <aantal>      toon de laatste <aantal> regels (standaard ${PAGE})
  --all                toon het hele logboek
  log show <run>       één run volledig (of een ander record, op id of nummer)
  log verify           controleer de hashketen van elk logboek (of van één experiment), de
                       handtekeningen van besluiten, reviews, publicaties, vernietigingen en
                       correcties, en de zegels (die naast het logboek, en elk --seal-bestand)
  --seal <bestand>     een zegelbestand dat elders werd bewaard; mag vaker
  log seal             zet een ondertekend zegel op het logboek (aantal records, hash van het
                       laatste, tijd, wie) naast het logboek, en met --out ook in <bestand>;
                       bewaar het ook elders (git, de site, een tweede plek)
  log accept-unsigned  aanvaard met uw handtekening de niet-ondertekende records die verify
                       noemt (zoals van vóór het ondertekenen): één record dat ze bij nummer
                       noemt; ze blijven niet meetellen, maar verify faalt er niet meer op
  --note <tekst>       waarom u ze aanvaardt
  log compare <a> <b>  twee runs naast elkaar: per controle de uitkomst, de meting en wat veranderde,
                       en welke data (vingerafdruk van de inhoud) en welke code verschillen
  --experiment <e>     zoek de run alleen in dit experiment
  --root <map>         de map van het lab (standaard: de huidige map)

  Exit van 'log verify': 0 als elke keten intact is, 1 als een logboek is aangetast (ook: een
  handtekening die niet klopt, een besluit, review of ander record zonder handtekening dat niet
  is aanvaard, een record dat eerder is gedateerd dan het record ervoor of later dan nu, of een
  zegel dat niet meer past), 3 bij een gebruiksfout.`;

export const logCommand: Command = {
  name: "log",
  summary: "Toon het logboek van een experiment, één run, of controleer de hashketen",
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      {
        root: { type: "string" },
        experiment: { type: "string" },
        last: { type: "string" },
        all: { type: "boolean" },
        seal: { type: "string", multiple: true },
        out: { type: "string" },
        note: { type: "string" },
      },
      "log",
    );
    const workspace = openWorkspace(values.root);
    const [first, second, ...more] = positionals;
    if (first === "verify" && more.length === 0) return verify(workspace, second, values.seal ?? []);
    if (first === "seal" && second !== undefined && more.length === 0) return seal(workspace, second, values.out);
    if (first === "accept-unsigned" && second !== undefined && more.length === 0)
      return accept(workspace, second, requireOption(values.note, "note", USAGE));
    if (first === "compare" && second !== undefined && more.length === 1)
      return compare(workspace, second, more[0] ?? "", values.experiment);
    if (first === "show" && second !== undefined && more.length === 0)
      return show(workspace, second, values.experiment);
    if (first !== undefined && second === undefined) return list(workspace, first, values);
    throw new LivingLabError({ code: "usage", message: "Onbekende aanroep van 'livinglab log'.", hint: USAGE });
  },
};

async function list(workspace: Workspace, experiment: string, page: { last?: string; all?: boolean }): Promise<number> {
  const file = runLogPath(resolveExperimentDir(workspace, experiment));
  const last = page.all ? Number.POSITIVE_INFINITY : positiveNumber(page.last ?? String(PAGE));
  const { rows, earlier } = await readLogOverview(file, { last });
  if (rows.length === 0) {
    console.log(`Het logboek van '${experiment}' is nog leeg.`);
    return EXIT.ok;
  }
  const cells = rows.map((r) => [
    String(r.seq),
    formatWhen(r.at),
    shorten(r.who, 28),
    shorten(r.what, 32),
    outcomeWords[r.outcome] ?? r.outcome,
    `${shorten(r.text, 50)}${r.corrections > 0 ? ` [${r.corrections}× gecorrigeerd]` : ""}`,
    r.id.slice(0, 8),
  ]);
  if (earlier) {
    console.log(
      `De laatste ${rows.length} regels, vanaf record ${rows[0]?.seq}; eerdere met --last <aantal> of --all.`,
    );
  }
  console.log(renderTextTable(["nr", "wanneer", "wie", "wat", "uitkomst", "verantwoording", "id"], cells));
  return EXIT.ok;
}

function positiveNumber(text: string): number {
  const n = Number(text);
  if (Number.isInteger(n) && n > 0) return n;
  throw new LivingLabError({
    code: "usage",
    message: `--last verwacht een geheel getal groter dan 0, niet '${text}'.`,
    hint: "Bijvoorbeeld --last 100, of --all voor het hele logboek.",
  });
}

async function compare(workspace: Workspace, a: string, b: string, experiment: string | undefined): Promise<number> {
  const before = await findRunRecord(workspace, a, experiment);
  const after = await findRunRecord(workspace, b, experiment);
  console.log(formatComparison(compareRuns(before, after)));
  return EXIT.ok;
}

async function findRunRecord(workspace: Workspace, ref: string, experiment: string | undefined): Promise<RunRecord> {
  const found = await findAnywhere(workspace, ref, experiment);
  if (found?.record.type === "run") return found.record;
  const end = found?.related.find((r): r is RunRecord => r.type === "run");
  if (end) return end;
  throw new LivingLabError({
    code: found ? "run_not_finished" : "record_not_found",
    message: found ? `Record '${ref}' is geen afgeronde run.` : `Geen run '${ref}' gevonden.`,
    hint: "Zoek het id op met 'livinglab log <experiment>'; de eerste 8 tekens zijn genoeg.",
  });
}

async function findAnywhere(
  workspace: Workspace,
  ref: string,
  experiment: string | undefined,
): Promise<Awaited<ReturnType<typeof findInLog>>> {
  const dirs = experiment ? [resolveExperimentDir(workspace, experiment)] : await experimentDirs(workspace);
  for (const dir of dirs) {
    try {
      const found = await findInLog(runLogPath(dir), ref);
      if (found) return found;
    } catch (error) {
      if (!(isLivingLabError(error) && error.problems[0]?.code === "record_not_found")) throw error;
    }
  }
  return undefined;
}

async function show(workspace: Workspace, ref: string, experiment: string | undefined): Promise<number> {
  const dirs = experiment ? [resolveExperimentDir(workspace, experiment)] : await experimentDirs(workspace);
  for (const dir of dirs) {
    let found: Awaited<ReturnType<typeof findInLog>>;
    try {
      found = await findInLog(runLogPath(dir), ref);
    } catch (error) {
      if (isLivingLabError(error) && error.problems[0]?.code === "record_not_found") continue;
      throw error;
    }
    if (!found) continue;
    const people = await loadPeople(workspace.root);
    console.log(describeRecord(found.record, found.related, relative(workspace.root, runLogPath(dir)), people));
    return EXIT.ok;
  }
  throw new LivingLabError({
    code: "record_not_found",
    message: `Geen run of record '${ref}' gevonden in ${experiment ? `het logboek van '${experiment}'` : "de logboeken van dit lab"}.`,
    hint: "Zoek het id op met 'livinglab log <experiment>'; de eerste 8 tekens zijn genoeg.",
  });
}

async function verify(
  workspace: Workspace,
  experiment: string | undefined,
  sealFiles: readonly string[],
): Promise<number> {
  // Every experiment, also those without a log: a log that is gone while something still knows it is a finding.
  const dirs = experiment ? [resolveExperimentDir(workspace, experiment)] : await experimentDirs(workspace);
  if (dirs.length === 0) console.log("Er zijn nog geen experimenten in dit lab.");
  const people = await loadPeople(workspace.root);
  if (people.problems.length > 0 || !people.exists) {
    console.log(
      `  let op: ${people.exists ? "het personenbestand heeft fouten ('livinglab people')" : "het lab heeft geen personenbestand"}; geen handtekening kan kloppen, dus elk besluit, elke review en elk ander record dat ondertekend moet zijn wordt hieronder genoemd.`,
    );
  }
  const given = [];
  for (const file of sealFiles) {
    const path = resolve(file);
    for (const seal of await readSeals(path)) given.push({ seal, from: relative(workspace.root, path) || path });
  }
  let broken = 0;
  for (const file of dirs.map(runLogPath)) {
    const result = await verifyRunLog(file, { people, seals: given });
    const name = relative(workspace.root, file);
    if (result.intact && !existsSync(file)) {
      console.log(`· ${name}: nog geen logboek.`);
      continue;
    }
    if (result.intact) {
      const holding = result.seals.filter((s) => s.holds).length;
      const sealed = holding > 0 ? `, ${holding} ${holding === 1 ? "zegel klopt" : "zegels kloppen"}` : "";
      console.log(`✓ ${name}: ${result.records} records, de keten is intact${sealed}.`);
    } else {
      broken++;
      const f = result.finding;
      const where = f
        ? `regel ${f.line}${f.seq !== undefined ? `, record ${f.seq}` : ""}${f.id ? `, id ${f.id.slice(0, 8)}` : ""}`
        : "";
      console.log(`✗ ${name} (${where}): ${f?.message ?? "aangetast"}`);
      if (f?.hint) console.log(`  wat te doen: ${f.hint}`);
    }
    for (const check of result.seals.filter((s) => !s.holds)) console.log(`  zegel uit ${check.from}: ${check.why}`);
    // Every record whose maker is not proven, and every record dated out of order: all of them, not the first few.
    for (const u of result.unproven) {
      console.log(
        `  regel ${u.line}, record ${u.seq} (${logRecordLabels[u.type as LogRecordType] ?? u.type}, id ${u.id.slice(0, 8)}): ${signatureStateWords[u.state]}, telt niet. ${u.why}`,
      );
    }
    for (const t of result.timing) console.log(`  regel ${t.line}: ${t.message}`);
    if (result.accepted.length > 0) {
      const by = [...new Set(result.accepted.map((a) => a.acceptedBy))].join(", ");
      console.log(
        `  ${result.accepted.length} niet-ondertekende records zijn met naam aanvaard (in record ${by}); ze tellen niet mee.`,
      );
    }
    for (const note of result.notes) console.log(`  let op: ${note}`);
  }
  return broken > 0 ? EXIT.checksFailed : EXIT.ok;
}

async function seal(workspace: Workspace, experiment: string, out: string | undefined): Promise<number> {
  const dir = resolveExperimentDir(workspace, experiment);
  const made = await sealLog(workspace, runLogPath(dir));
  if (out) await appendFile(resolve(out), `${JSON.stringify(made)}\n`);
  console.log(
    `Zegel gezet door ${made.who.name}: ${made.records} records, laatste hash ${made.head.slice(0, 16)}…, ${formatWhen(made.at)}.`,
  );
  console.log(
    `Bewaard in ${relative(workspace.root, sealsPath(runLogPath(dir)))}${out ? ` en in ${out}` : ""}; bewaar het ook elders.`,
  );
  return EXIT.ok;
}

async function accept(workspace: Workspace, experiment: string, note: string): Promise<number> {
  const opened = await openExperiment(workspace, experiment);
  const made = await acceptUnsigned(workspace, opened, { toelichting: note });
  console.log(
    `${made.records.length} niet-ondertekende ${made.records.length === 1 ? "record" : "records"} aanvaard door ${made.who.name} in record ${made.seq}; ze tellen niet mee, maar 'log verify' faalt er niet meer op.`,
  );
  return EXIT.ok;
}

async function experimentDirs(workspace: Workspace): Promise<string[]> {
  const entries = await readdir(workspace.experimentsDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && existsSync(join(workspace.experimentsDir, e.name, EXPERIMENT_FILE)))
    .map((e) => join(workspace.experimentsDir, e.name))
    .sort();
}

function describeRecord(record: LogRecord, records: readonly LogRecord[], file: string, people: People): string {
  const corrections = records.filter((r) => r.type === "correction" && r.refers_to.id === record.id);
  const lines = [`Record ${record.seq} van ${file}`, ...fieldsOf(record, records, people)];
  for (const c of corrections) {
    if (c.type === "correction")
      lines.push(`Correctie (record ${c.seq}, ${formatWhen(c.at)}, ${c.who.name}): ${c.correctie}`);
  }
  return lines.join("\n");
}

function fieldsOf(record: LogRecord, records: readonly LogRecord[], people: People): string[] {
  const signature = signatureOf(record, people);
  const head = [
    `  id             ${record.id}`,
    `  soort          ${record.type}`,
    `  wie            ${record.who.name} (bron: ${record.who.source})`,
    `  handtekening   ${signatureStateWords[signature.state]}${signature.fingerprint ? ` (${signature.fingerprint})` : ""}${signature.why ? `: ${signature.why}` : ""}`,
    `  wanneer        ${record.at}`,
    `  experiment     ${record.experiment.id}, sjabloon ${record.experiment.template}, sha256 ${record.experiment.file_sha256}`,
  ];
  if (record.type !== "run" && record.type !== "run_started") {
    const {
      schema: _s,
      seq: _q,
      id: _i,
      type: _t,
      at: _a,
      who: _w,
      experiment: _e,
      signature: _g,
      prev_hash,
      hash,
      ...rest
    } = record;
    return [
      ...head,
      ...Object.entries(rest).map(([k, v]) => `  ${k.padEnd(14)} ${typeof v === "string" ? v : JSON.stringify(v)}`),
      `  hash           ${hash} (vorige: ${prev_hash})`,
    ];
  }
  const end = records.find((r) => r.type === "run" && r.id === record.id);
  const run = end?.type === "run" ? end : record;
  // A file outside the experiment is named by its place from the lab's root, which the experiment declares.
  const files = (list: readonly { name: string; path: string; sha256: string; location?: string }[] | undefined) =>
    (list ?? []).map(
      (f) =>
        `    ${f.name.padEnd(18)} ${f.location !== undefined ? `${f.location} (plek in het lab)` : f.path}  sha256 ${f.sha256}`,
    );
  return [
    ...head,
    `  afgerond       ${end?.type === "run" ? (end.ended_at ?? end.at) : "nee: de run is onvoltooid (gestart, nooit afgesloten)"}`,
    `  analyse        ${run.analysis.name} ${JSON.stringify(run.analysis.params)}`,
    `  verantwoording ${run.justification}${run.justification_reused_from ? ` (hergebruikt van run ${run.justification_reused_from})` : ""}`,
    ...(run.parent_run ? [`  onderdeel van  run ${run.parent_run} (een notebookrun)`] : []),
    ...partsOf(record.id, records),
    ...(run.type === "run"
      ? [
          `  uitkomst       ${outcomeWords[run.outcome] ?? run.outcome} (${run.outcome})${run.error ? `: ${run.error.message}` : ""}`,
        ]
      : []),
    `  code           commit ${run.code.commit ?? "geen (geen git)"}, niet vastgelegde wijzigingen: ${uncommittedText(run.code)}`,
    `  versies        node ${run.versions.node}, livinglab ${run.versions.livinglab}, ${run.versions.engine ?? "engine onbekend"}`,
    ...(run.suite ? [`  suite          ${run.suite.path}  sha256 ${run.suite.sha256}`] : []),
    "  datasets",
    ...files(run.datasets),
    ...(run.type === "run" && run.data
      ? [
          "  gelezen        (inhoud per dataset, zoals de engine die las)",
          ...run.data.map(
            (d) =>
              `    ${d.name.padEnd(18)} ${d.rows} rijen, ${d.columns.length} kolommen, ${d.engine}  ${d.content_sha256 !== undefined ? `inhoud ${d.content_sha256}` : `bestand ${d.file?.sha256 ?? "onbekend"}`}${d.made ? " (door de analyse gemaakt)" : ""}${d.frame ? " (uit een DataFrame)" : ""}${d.table !== undefined && !d.made ? `  tabel ${d.table}` : ""}${d.content_from !== undefined ? `  (vingerafdruk van run ${d.content_from}, hetzelfde bestand)` : ""}`,
          ),
        ]
      : []),
    ...(run.columns_read
      ? [
          "  kolommen",
          ...Object.entries(run.columns_read).map(([by, columns]) => `    ${by.padEnd(30)} ${columns.join(", ")}`),
        ]
      : []),
    ...(run.type === "run" && run.tables
      ? [
          "  tabellen",
          ...run.tables.map(
            (t) => `    ${t.name.padEnd(18)} ${t.table} (${t.row_count} rijen)  checksum ${t.checksum}`,
          ),
        ]
      : []),
    ...(run.type === "run"
      ? [
          "  metrieken",
          ...Object.entries(run.metrics).map(([k, v]) => `    ${k.padEnd(30)} ${metricLine(v, run.metric_units?.[k])}`),
          "  artefacten",
          ...files(run.artifacts),
        ]
      : []),
    `  hash           ${run.hash} (vorige: ${run.prev_hash})`,
  ];
}

function uncommittedText(code: RunRecord["code"]): string {
  if (!code.uncommitted_sha256) return "geen";
  const covers = code.uncommitted
    ? ` (${code.uncommitted.tracked_files} gewijzigde en ${code.uncommitted.untracked_files} nieuwe, niet genegeerde bestanden)`
    : "";
  return `sha256 ${code.uncommitted_sha256}${covers}`;
}

/** A metric in its unit with the unit's name, as the run recorded it: "62,0% (aandeel)". */
function metricLine(metric: number | null, unit: MetricUnit | undefined): string {
  const known = unit ?? "unrecorded";
  return metric === null ? "niet te bepalen" : `${metricText({ metric, unit: known })} (${unitWords[known].name})`;
}

/** The analyses a notebook run made, as lines of `log show`. */
function partsOf(id: string, records: readonly LogRecord[]): string[] {
  const parts = records.filter((r) => r.type === "run_started" && r.parent_run === id);
  if (parts.length === 0) return [];
  return [
    `  onderdelen     ${parts.length} analyses in deze notebookrun`,
    ...parts.map((r) => `    ${r.id}  ${r.type === "run_started" ? r.analysis.name : ""}`),
  ];
}
