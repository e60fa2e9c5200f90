import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isLivingLabError, readLogRecords, requireJustification } from "../../src/index.js";
import { makeLab, runCli } from "../helpers/cli.js";

const GOOD =
  "Controle van de nieuwe levering zaken van oktober, omdat de opdrachtgever de cijfers volgende week gebruikt.";

function refusal(text: string): string {
  try {
    requireJustification(text);
  } catch (error) {
    if (isLivingLabError(error)) return `${error.problems[0]?.message} | ${error.problems[0]?.hint}`;
    throw error;
  }
  return "accepted";
}

describe("the justification gate", () => {
  it.each([
    ["", "Er is geen verantwoording opgegeven."],
    ["   \n ", "Er is geen verantwoording opgegeven."],
    ["test", "'test' is een opvultekst"],
    ["TODO", "'TODO' is een opvultekst"],
    ["n.v.t.", "'n.v.t.' is een opvultekst"],
    ["Lorem ipsum dolor sit amet, consectetur adipiscing elit", "is een opvultekst"],
    ["Even snel kijken", "te kort (16 tekens, 3 woorden)"],
    ["data data data data data data data data", "herhaalt steeds dezelfde woorden"],
  ])("refuses %j and says what a good justification contains", (text, why) => {
    const message = refusal(text);
    expect(message).toContain(why);
    expect(message).toContain("waarom u deze run doet, op deze data, en waarom nu");
    expect(message).toContain("--reuse-justification");
  });

  it("accepts a real justification, with its spaces tidied", () => {
    expect(requireJustification(`  ${GOOD.replace(" ", "   ")} `)).toBe(GOOD);
  });

  it("refuses in the CLI with exit 3, no stack trace and nothing written", async () => {
    const lab = await makeLab();
    const run = runCli(["run", "om-datakwaliteit", "--root", lab, "--justification", "nvt"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("justification_refused");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(lab, "experiments/om-datakwaliteit/runlog.jsonl"))).toBe(false);
  });

  it("reuses an earlier run's justification by id, and records that it did", async () => {
    const lab = await makeLab();
    const file = join(lab, "experiments/om-datakwaliteit/runlog.jsonl");
    runCli(["run", "om-datakwaliteit", "--root", lab, "--justification", GOOD]);
    const [first] = await readLogRecords(file);
    const again = runCli([
      "run",
      "om-datakwaliteit",
      "--root",
      lab,
      "--reuse-justification",
      first?.id.slice(0, 8) ?? "",
    ]);
    expect(again.code).toBe(1);
    const reused = (await readLogRecords(file)).filter((r) => r.type === "run").at(-1);
    expect(reused).toMatchObject({ justification: GOOD, justification_reused_from: first?.id });
    expect(runCli(["log", "om-datakwaliteit", "--root", lab]).stdout).toContain(
      `(hergebruikt van ${first?.id.slice(0, 8)})`,
    );
  });

  it("refuses to reuse an unknown run, or both a new and a reused justification", async () => {
    const lab = await makeLab();
    const unknown = runCli(["run", "om-datakwaliteit", "--root", lab, "--reuse-justification", "deadbeef-0000"]);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain("Er is geen run 'deadbeef-0000' in het logboek van dit experiment.");
    const both = runCli([
      "run",
      "om-datakwaliteit",
      "--root",
      lab,
      "--justification",
      GOOD,
      "--reuse-justification",
      "x",
    ]);
    expect(both.code).toBe(3);
    expect(both.stderr).toContain("óf hergebruik er een, niet allebei");
  });
});
