import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { type MetricUnit, metricText, unitWords } from "../../checks/metric-unit.js";
import { isLivingLabError, LivingLabError } from "../../errors/problem.js";
import { EXPERIMENT_FILE, resolveExperimentDir } from "../../experiments/open-experiment.js";
import { formatWhen } from "../../report/run-log-table.js";
import { findInLog } from "../../runlog/find-record.js";
import { outcomeWords, readLogOverview, shorten } from "../../runlog/log-overview.js";
import type { LogRecord } from "../../runlog/log-record-schema.js";
import { runLogPath } from "../../runlog/run-log.js";
import type { RunRecord } from "../../runlog/run-record-schema.js";
import { verifyRunLog } from "../../runlog/verify-run-log.js";
import { openWorkspace, type Workspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";
import { renderTextTable } from "../text-table.js";

/** Rows shown by default: the newest page, so a log of any length prints at once. */
const PAGE = 50;

const USAGE = `livinglab log <experiment> [--last <aantal> | --all] [--root <map>]
livinglab log show <run> [--experiment <experiment>] [--root <map>]
livinglab log verify [<experiment>] [--root <map>]

  log <experiment>     de runs en gebeurtenissen als tabel: wanneer, wie, wat, uitkomst, verantwoording
  --last <aantal>      toon de laatste <aantal> regels (standaard ${PAGE})
  --all                toon het hele logboek
  log show <run>       één run volledig (of een ander record, op id of nummer)
  log verify           controleer de hashketen van elk logboek (of van één experiment)
  --experiment <e>     zoek de run alleen in dit experiment
  --root <map>         de map van het lab (standaard: de huidige map)

  Exit van 'log verify': 0 als elke keten intact is, 1 als een logboek is aangetast, 3 bij een gebruiksfout.`;

export const logCommand: Command = {
  name: "log",
  summary: "Toon het logboek van een experiment, één run, of controleer de hashketen",
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      { root: { type: "string" }, experiment: { type: "string" }, last: { type: "string" }, all: { type: "boolean" } },
      "log",
    );
    const workspace = openWorkspace(values.root);
    const [first, second, ...more] = positionals;
    if (first === "verify" && more.length === 0) return verify(workspace, second);
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
    console.log(describeRecord(found.record, found.related, relative(workspace.root, runLogPath(dir))));
    return EXIT.ok;
  }
  throw new LivingLabError({
    code: "record_not_found",
    message: `Geen run of record '${ref}' gevonden in ${experiment ? `het logboek van '${experiment}'` : "de logboeken van dit lab"}.`,
    hint: "Zoek het id op met 'livinglab log <experiment>'; de eerste 8 tekens zijn genoeg.",
  });
}

async function verify(workspace: Workspace, experiment: string | undefined): Promise<number> {
  // Every experiment, also those without a log: a log that is gone while something still knows it is a finding.
  const dirs = experiment ? [resolveExperimentDir(workspace, experiment)] : await experimentDirs(workspace);
  if (dirs.length === 0) console.log("Er zijn nog geen experimenten in dit lab.");
  let broken = 0;
  for (const file of dirs.map(runLogPath)) {
    const result = await verifyRunLog(file);
    const name = relative(workspace.root, file);
    if (result.intact && !existsSync(file)) {
      console.log(`· ${name}: nog geen logboek.`);
      continue;
    }
    if (result.intact) {
      console.log(`✓ ${name}: ${result.records} records, de keten is intact.`);
    } else {
      broken++;
      const f = result.finding;
      const where = f
        ? `regel ${f.line}${f.seq !== undefined ? `, record ${f.seq}` : ""}${f.id ? `, id ${f.id.slice(0, 8)}` : ""}`
        : "";
      console.log(`✗ ${name} (${where}): ${f?.message ?? "aangetast"}`);
    }
    for (const note of result.notes) console.log(`  let op: ${note}`);
  }
  return broken > 0 ? EXIT.checksFailed : EXIT.ok;
}

async function experimentDirs(workspace: Workspace): Promise<string[]> {
  const entries = await readdir(workspace.experimentsDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && existsSync(join(workspace.experimentsDir, e.name, EXPERIMENT_FILE)))
    .map((e) => join(workspace.experimentsDir, e.name))
    .sort();
}

function describeRecord(record: LogRecord, records: readonly LogRecord[], file: string): string {
  const corrections = records.filter((r) => r.type === "correction" && r.refers_to.id === record.id);
  const lines = [`Record ${record.seq} van ${file}`, ...fieldsOf(record, records)];
  for (const c of corrections) {
    if (c.type === "correction")
      lines.push(`Correctie (record ${c.seq}, ${formatWhen(c.at)}, ${c.who.name}): ${c.correctie}`);
  }
  return lines.join("\n");
}

function fieldsOf(record: LogRecord, records: readonly LogRecord[]): string[] {
  const head = [
    `  id             ${record.id}`,
    `  soort          ${record.type}`,
    `  wie            ${record.who.name} (bron: ${record.who.source})`,
    `  wanneer        ${record.at}`,
    `  experiment     ${record.experiment.id}, sjabloon ${record.experiment.template}, sha256 ${record.experiment.file_sha256}`,
  ];
  if (record.type !== "run" && record.type !== "run_started") {
    const { schema: _s, seq: _q, id: _i, type: _t, at: _a, who: _w, experiment: _e, prev_hash, hash, ...rest } = record;
    return [
      ...head,
      ...Object.entries(rest).map(([k, v]) => `  ${k.padEnd(14)} ${typeof v === "string" ? v : JSON.stringify(v)}`),
      `  hash           ${hash} (vorige: ${prev_hash})`,
    ];
  }
  const end = records.find((r) => r.type === "run" && r.id === record.id);
  const run = end?.type === "run" ? end : record;
  const files = (list: readonly { name: string; path: string; sha256: string }[] | undefined) =>
    (list ?? []).map((f) => `    ${f.name.padEnd(18)} ${f.path}  sha256 ${f.sha256}`);
  return [
    ...head,
    `  afgerond       ${end?.type === "run" ? (end.ended_at ?? end.at) : "nee: de run is onvoltooid (gestart, nooit afgesloten)"}`,
    `  analyse        ${run.analysis.name} ${JSON.stringify(run.analysis.params)}`,
    `  verantwoording ${run.justification}${run.justification_reused_from ? ` (hergebruikt van run ${run.justification_reused_from})` : ""}`,
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
              `    ${d.name.padEnd(18)} ${d.rows} rijen, ${d.columns.length} kolommen, ${d.engine}  inhoud ${d.content_sha256}${d.made ? " (door de analyse gemaakt)" : ""}`,
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
