import { access, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkSuite, DuckDbEngine, evaluateSuite, isLivingLabError, readLogRecords } from "../../src/index.js";
import { makeLab, runCli } from "../helpers/cli.js";

const WHY = "Test: een check met een kolom die niet in de data staat wordt geweigerd voordat een rij wordt gelezen.";

let lab: string;
let dir: string;
let suite: string;
let truth: string;

beforeAll(async () => {
  lab = await makeLab();
  dir = join(lab, "experiments", "om-datakwaliteit");
  await mkdir(join(dir, "data"), { recursive: true });
  const engine = await DuckDbEngine.open();
  try {
    await engine.connection.run(`COPY (SELECT 'Z' || i AS zaak_id, '13/00000' || i || '-24' AS parketnummer,
        'afgedaan' AS status FROM range(20) AS t(i)) TO '${join(dir, "data", "zaken.parquet")}' (FORMAT parquet)`);
  } finally {
    await engine.close();
  }
  truth = join(dir, "data", "ground_truth.csv");
  await writeFile(truth, "kind,table_name,row_key\nmissing_value,zaken,Z1\n");
  suite = join(dir, "kolom.yaml");
  await writeFile(
    suite,
    [
      "format: livinglab-suite/2",
      "name: kolom",
      "reference_date: 2026-06-30",
      "datasets:",
      "  zaken: { file: data/zaken.parquet, key: zaak_id }",
      "checks:",
      "  - { id: status-ingevuld, kind: not_null, table: zaken, column: status }",
      "  - { id: doorlooptijd-ingevuld, kind: not_null, table: zaken, column: doorlooptijd, finds: missing_value }",
      "",
    ].join("\n"),
  );
});

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** The front-ends that run a suite, each as its users call it; each must refuse the same way. */
const frontEnds: Array<{ name: string; out: string; call: (out: string) => Promise<string> }> = [
  {
    name: "checkSuite",
    out: "check.json",
    call: async (out) => errorText(await checkSuite({ suite, justification: WHY, json: out }).catch((e) => e)),
  },
  {
    name: "evaluateSuite",
    out: "examen.json",
    call: async (out) =>
      errorText(
        await evaluateSuite({ suite, dataDir: join(dir, "data"), truth, justification: WHY, json: out }).catch(
          (e) => e,
        ),
      ),
  },
  {
    name: "CLI check",
    out: "check-cli.json",
    call: async (out) => cliError(["check", suite, "--json", out]),
  },
  {
    name: "CLI evaluate",
    out: "examen-cli.json",
    call: async (out) => cliError(["evaluate", suite, "--data", join(dir, "data"), "--truth", truth, "--json", out]),
  },
];

function errorText(error: unknown): string {
  if (!isLivingLabError(error)) throw error;
  expect(error.problems).toHaveLength(1);
  const [problem] = error.problems;
  expect(problem).toMatchObject({ code: "column_unknown", file: suite, line: 8 });
  return `${problem?.message} ${problem?.hint}`;
}

function cliError(args: string[]): string {
  const run = runCli([...args, "--root", lab, "--justification", WHY]);
  expect(run.code, run.stderr).toBe(3);
  expect(run.stderr).toContain("(column_unknown)");
  expect(run.stderr).toContain("kolom.yaml:8");
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return run.stderr;
}

describe("a check naming a column the data does not have, with no column close to it", () => {
  it.each(frontEnds)("$name: is refused at the check's line before any row is read", async ({ call, out }) => {
    const file = join(lab, out);
    const text = await call(file);
    expect(text).toContain("Check 'doorlooptijd-ingevuld': de kolom 'doorlooptijd' staat niet in zaken.");
    // The columns that do exist, and what to do; no guess when nothing is close.
    expect(text).toContain("Kolommen in zaken: zaak_id, parketnummer, status.");
    expect(text).toContain("Pas de kolom in de check aan");
    expect(text).not.toContain("Bedoelt u");
    expect(await exists(file)).toBe(false);
    const runs = (await readLogRecords(join(dir, "runlog.jsonl"))).filter((r) => r.type === "run");
    const last = runs.at(-1);
    // The run ended in the user's mistake, not with checks "niet beoordeeld"; no row was read.
    expect(last?.type === "run" && last.outcome).toBe("error");
    expect(last?.type === "run" && last.error?.code).toBe("column_unknown");
    expect(last?.type === "run" && last.checks).toBeUndefined();
    expect(last?.type === "run" && (last.data ?? [])).toEqual([]);
  });
});
