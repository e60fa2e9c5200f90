import { appendFile, cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { makeLab, REPO, runCli } from "./cli.js";
import { signingEnv } from "./people.js";

/** Text a hostile or careless user might write: it must stay inert and masked on every page. */
export const HOSTILE = {
  script: `<script>window.__gehackt = "userstory"</script>`,
  image: `<img src="x" onerror="window.__gehackt = 'img'">`,
  justification: `Proefrun met vijandige tekst <script>window.__gehackt = "verantwoording"</script><b>vet</b> van 06-12345678.`,
  bsn: "111222333",
  bsnInJustification: "123456782",
  email: "jan.jansen@voorbeeld.nl",
  phone: "06-12345678",
} as const;

export const HOSTILE_ID = "proef-vijandig";

/** A dataset the hostile copy declares but no run reads: its name cannot be part of a file name. */
export const DECLARED_ONLY = "bijlage met spaties/..";

/** The hostile copy's check that all rows but three fail. */
export const NEARLY_ALL = "zaken-bijna-alles-afwijkend";

/**
 * A lab with the example experiment run twice (for a trend) and a hostile copy with few
 * rows (so that counts fall below the minimum cell size) and scripts and personal data
 * in its answers and justification.
 */
export async function makeSiteLab(): Promise<string> {
  const lab = await makeLab(["om-datakwaliteit"]);
  const hostile = join(lab, "experiments", HOSTILE_ID);
  await cp(join(REPO, "experiments/om-datakwaliteit"), hostile, {
    recursive: true,
    // Not the run log, nor its head: a head without its log is a log with records cut off.
    filter: (src) => !/\/(data|rapport)$|runlog\.jsonl/.test(src),
  });
  const experiment = parseDocument(await readFile(join(hostile, "experiment.yaml"), "utf8"));
  experiment.set("id", HOSTILE_ID);
  experiment.set("titel", "Proef met <em>vijandige</em> tekst");
  experiment.setIn(["userstory", "wil_ik"], `wil ik ${HOSTILE.script}${HOSTILE.image} weten of tekst veilig blijft`);
  experiment.setIn(["doel", "doel"], `Nagaan dat BSN ${HOSTILE.bsn} en ${HOSTILE.email} nergens verschijnen.`);
  experiment.setIn(
    ["principes", "doel", "toelichting"],
    `Besproken met ${HOSTILE.email} <script>window.__gehackt = "toelichting"</script>`,
  );
  experiment.addIn(["data", "datasets"], {
    naam: DECLARED_ONLY,
    bron: `Levering van ${HOSTILE.email}, BSN ${HOSTILE.bsn} ${HOSTILE.script}`,
    persoonsgegevens: false,
    synthetisch: true,
    kolommen: ["kenmerk", `<b>toelichting</b> ${HOSTILE.phone}`],
  });
  await writeFile(join(hostile, "experiment.yaml"), experiment.toString());
  const synth = (await readFile(join(hostile, "synth.yaml"), "utf8")).replace(/^zaken: \d+$/m, "zaken: 300");
  await writeFile(join(hostile, "synth.yaml"), synth);
  // A check that nearly every row fails: three in order out of some 300 must not show as "297 of 300".
  await appendFile(
    join(hostile, "suite.yaml"),
    `  - { id: ${NEARLY_ALL}, kind: pattern, table: zaken, column: zaak_id, pattern: "Z00000000[1-3]" }\n`,
  );

  const example = "Testrun voor de site: nagaan dat de pagina's de uitkomsten tonen.";
  for (let i = 0; i < 2; i++) expectRun(runCli(["run", "om-datakwaliteit", "--root", lab, "--justification", example]));
  expectRun(
    runCli([
      "run",
      HOSTILE_ID,
      "--root",
      lab,
      "--justification",
      `${HOSTILE.justification} BSN ${HOSTILE.bsnInJustification}.`,
    ]),
  );
  // The generator's datasheet of the hostile copy, made hostile after the run: HTML and a BSN in a
  // meaning and in an argument, and a row count below the minimum cell size.
  const sheetFile = join(hostile, "data", "datasheet.json");
  const sheet = JSON.parse(await readFile(sheetFile, "utf8"));
  sheet.tables.zaken.columns[0].betekenis = `${HOSTILE.script}${HOSTILE.image} BSN ${HOSTILE.bsn}`;
  sheet.tables.zaken.columns[1].betekenis = "";
  sheet.arguments.defects = `${HOSTILE.image} ${HOSTILE.bsn}`;
  sheet.row_counts.zaken = 3;
  await writeFile(sheetFile, JSON.stringify(sheet, null, 2));
  // A colleague approves the example, so its summary is final; the hostile copy stays a draft.
  expectRun(
    runCli(
      [
        "review",
        "om-datakwaliteit",
        "--root",
        lab,
        "--verdict",
        "goedgekeurd",
        "--note",
        "Steekproef van de afwijkingen nagekeken.",
      ],
      { env: REVIEWER_ENV },
    ),
  );
  return lab;
}

export const REVIEWER = "C. Bakker";

/** The environment that makes the next command sign as the reviewer, whatever the machine's identity and keys are. */
const REVIEWER_ENV = signingEnv(REVIEWER);

function expectRun(run: { code: number; stderr: string }): void {
  if (run.code !== 0 && run.code !== 1) throw new Error(`livinglab run failed (${run.code}): ${run.stderr}`);
}
