import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename, join, relative, resolve } from "node:path";
import type { CheckResultsRead } from "../checks/check-results-format.js";
import { LivingLabError, type Problem } from "../errors/problem.js";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import { writeFileAtomic } from "../files/write-file-atomic.js";
import { approveFinalSummary, type FinalApproval } from "../gates/final-summary-gate.js";
import { gateInputFor } from "../gates/gate-input.js";
import { maskPersonalData } from "../personal-data/mask-personal-data.js";
import { isSuppressed, isSuppressedOf, MIN_CELL_SIZE } from "../report/html.js";
import { openResultsFolder } from "../report/recorded-results.js";
import { renderSummaryPage, SUMMARY_MARK } from "../report/summary-page.js";
import { REPORT_DIR } from "../report/write-summary.js";
import { findRun } from "../runlog/find-record.js";
import { governanceEventBase, governanceSigner, requireText } from "../runlog/governance.js";
import type { SummaryPublished } from "../runlog/governance-schema.js";
import { writeSeal } from "../runlog/log-seal.js";
import { appendRecord, readLogRecords, runLogPath } from "../runlog/run-log.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import type { Workspace } from "../workspace.js";
import type { GovernanceState } from "./governance-state.js";

/** Where `publish` writes the final summary of the run it publishes. */
export const FINAL_SUMMARY = "samenvatting-definitief.html";

/**
 * Publishes the summary of a run (by default the latest finished run) to its readers and
 * records it with the hash of exactly what they got. It needs an approving review of that
 * run (the final-summary gate). Without `file` it writes the final summary from the run's
 * own results; a file given is refused when it is a concept, belongs to another run, shows a
 * count below the minimum cell size or an unmasked personal value.
 * @example await publishSummary(lab, om, { aan: "Hoofd informatievoorziening OM" });
 */
export async function publishSummary(
  workspace: Workspace,
  opened: OpenedExperiment,
  publication: { aan: string; file?: string; run?: string },
): Promise<SummaryPublished> {
  const aan = requireText(publication.aan, "aan");
  const signer = await governanceSigner(workspace);
  const records = await readLogRecords(runLogPath(opened.dir));
  const { governance } = await gateInputFor(opened, { records });
  const run =
    publication.run === undefined
      ? records.find((r): r is RunRecord => r.type === "run" && r.id === governance.summarized)
      : findRun(records, publication.run);
  if (!run) {
    throw new LivingLabError({
      code: "nothing_to_publish",
      message: "Er is nog geen afgeronde run met uitkomsten, dus niets om te publiceren.",
      hint: "Voer eerst een run uit met 'livinglab run', en laat die reviewen.",
    });
  }
  const approval = approveFinalSummary({ governance, run: run.id });
  const { path, bytes } = publication.file
    ? await readPublication(resolve(opened.dir, publication.file))
    : await writeFinalSummary(opened, run, approval, governance);
  // What is checked is what is hashed: the same bytes, read once.
  const problems = publicationProblems(bytes.toString("utf8"), run.id, path);
  if (problems.length > 0) throw new LivingLabError(problems);
  const recorded = (await appendRecord(
    runLogPath(opened.dir),
    {
      ...governanceEventBase(signer, opened),
      type: "summary_published",
      file: {
        name: basename(path),
        path: relative(opened.dir, path),
        sha256: createHash("sha256").update(bytes).digest("hex"),
      },
      aan,
      run: run.id,
      run_hash: run.hash,
      review: approval.review,
    },
    { sign: signer.sign },
  )) as SummaryPublished;
  // Publication seals the log on its own: what the readers got is anchored outside the log too.
  await writeSeal(runLogPath(opened.dir), recorded, opened.experiment.id, signer);
  return recorded;
}

/**
 * Why a file may not go to its readers (empty when it may): a concept, the summary of another
 * run, a whole number below the minimum cell size in a table cell, or personal data the masker finds.
 */
export function publicationProblems(text: string, runId: string, file?: string): Problem[] {
  const problems: Problem[] = [];
  const at = file ? { file } : {};
  const mark = new RegExp(`<meta name="${SUMMARY_MARK}" content="(concept|definitief); run=([^"]+)"`).exec(text);
  if (mark?.[1] === "concept") {
    problems.push({
      code: "publish_concept",
      message: "Dit bestand is een concept; een concept gaat niet naar de opdrachtgever.",
      hint: "Laat --file weg: dan schrijft publish de definitieve samenvatting van de gereviewde run.",
      ...at,
    });
  } else if (mark && mark[2] !== runId) {
    problems.push({
      code: "publish_other_run",
      message: `Dit bestand is de samenvatting van een andere run (${mark[2]?.slice(0, 8)}), niet van run ${runId.slice(0, 8)}.`,
      hint: "Publiceer de samenvatting van de run die gereviewd is, of geef die run met --run.",
      ...at,
    });
  }
  const small = smallCounts(text);
  if (small.length > 0) {
    problems.push({
      code: "publish_small_count",
      message: `Het bestand toont ${small.length === 1 ? "een aantal" : `${small.length} aantallen`} kleiner dan ${MIN_CELL_SIZE}, of die er minder dan ${MIN_CELL_SIZE} overlaten (${small.slice(0, 5).join(", ")}): zo zijn personen te herkennen.`,
      hint: `Toon aantallen onder ${MIN_CELL_SIZE} als "< ${MIN_CELL_SIZE}" en bijna alle rijen als "> 995 van 1.000", of voeg groepen samen.`,
      ...at,
    });
  }
  if (maskPersonalData(text) !== text) {
    problems.push({
      code: "publish_personal_data",
      message: "Het bestand bevat persoonsgegevens (een e-mailadres, telefoonnummer, IBAN of BSN).",
      hint: "Haal ze weg of maskeer ze voordat u het bestand publiceert.",
      ...at,
    });
  }
  return problems;
}

/**
 * Counts that give a small number away: whole numbers below the minimum cell size that stand
 * alone in a table cell (HTML) or a field (CSV, TSV), and in running text "3 van 1.000 rijen"
 * or "997 van 1.000 rijen" (which leaves three over).
 */
export function smallCounts(text: string): (number | string)[] {
  return [...smallCells(text), ...smallShares(text)];
}

/** Counts of rows, cases or people as "n van (de) m ...", with Dutch thousands separators. */
const COUNT_OF =
  /(?<![\d.,<>] ?)\b(\d{1,3}(?:\.\d{3})+|\d+) van (?:de )?(\d{1,3}(?:\.\d{3})+|\d+) (?:rijen|zaken|personen|verdachten|mensen|gevallen)\b/g;

function smallShares(text: string): string[] {
  const number = (digits: string) => Number(digits.replaceAll(".", ""));
  return [...text.matchAll(COUNT_OF)]
    .filter((m) => {
      const count = number(m[1] ?? "");
      return count > 0 && isSuppressedOf(count, number(m[2] ?? ""));
    })
    .map((m) => `${m[1]} van ${m[2]}`);
}

/** Whole numbers below the minimum cell size that stand alone in a table cell (HTML) or a field (CSV, TSV). */
function smallCells(text: string): number[] {
  const cells = /<t[dh][^>]*>/i.test(text)
    ? [...text.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((m) => (m[1] ?? "").replace(/<[^>]*>/g, ""))
    : text.split(/\r?\n/).flatMap((line) => line.split(/[,;\t]/));
  return cells
    .map((cell) => cell.trim().replace(/^"(.*)"$/, "$1"))
    .filter((cell) => /^\d+$/.test(cell))
    .map(Number)
    .filter((n) => isSuppressed(n));
}

/** A file to publish as its readers get it. */
async function readPublication(path: string): Promise<{ path: string; bytes: Buffer }> {
  const bytes = await readFile(path).catch(() => {
    throw new LivingLabError({
      code: "file_not_found",
      message: `Het bestand ${path} bestaat niet.`,
      hint: "Geef het bestand dat de lezers krijgen, of laat --file weg voor de definitieve samenvatting.",
      file: path,
    });
  });
  return { path, bytes };
}

/**
 * Renders the final summary of a run from its own results (checked against the hash its run
 * recorded) and writes it whole, under a temporary name of this process's own first.
 */
async function writeFinalSummary(
  opened: OpenedExperiment,
  run: RunRecord,
  approval: FinalApproval,
  governance: GovernanceState,
): Promise<{ path: string; bytes: Buffer }> {
  const result = await recordedResults(opened, run);
  const bytes = Buffer.from(renderSummaryPage(opened, result, run, { governance, approval }));
  const { path } = await writeFileAtomic(join(opened.dir, REPORT_DIR, FINAL_SUMMARY), bytes);
  return { path, bytes };
}

/**
 * The results a run wrote, read as the site reads them: only a file whose hash the run record
 * holds, in any format this version reads (format 3's bounds stand in as counts inside them).
 */
async function recordedResults(opened: OpenedExperiment, run: RunRecord): Promise<CheckResultsRead> {
  const found = await (await openResultsFolder(opened.dir)).resultsOf(run);
  if (found.state === "verified") return found.results;
  throw new LivingLabError({
    code: "results_missing",
    message: `De uitkomsten van run ${run.id.slice(0, 8)} zijn er niet meer, of niet meer zoals de run ze schreef.`,
    hint: "Publiceer een run waarvan de uitkomsten er nog zijn (zie 'livinglab log show <run>'), of geef met --file het bestand dat de lezers krijgen.",
  });
}
