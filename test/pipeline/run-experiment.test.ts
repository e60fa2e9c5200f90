import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLogRecords, readRunLog } from "../../src/index.js";
import { makeLab, runCli } from "../helpers/cli.js";

const JUSTIFICATION = "Testrun in een tijdelijke map: nagaan dat de hoofdtaak het logboek en de samenvatting schrijft.";

describe("the main job (livinglab run)", () => {
  it("logs one more run with its justification and writes a summary naming the experiment", async () => {
    const lab = await makeLab();
    const dir = join(lab, "experiments/om-datakwaliteit");
    const before = await readRunLog(join(dir, "runlog.jsonl"));

    const run = runCli(["run", "om-datakwaliteit", "--root", lab, "--justification", JUSTIFICATION]);

    // The example data has injected defects, so the suite reports failed checks: exit 1.
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("rapport/samenvatting.html");
    const after = await readRunLog(join(dir, "runlog.jsonl"));
    expect(after).toHaveLength(before.length + 1);
    const record = after.at(-1);
    expect(record?.justification).toBe(JUSTIFICATION);
    expect(record?.experiment.id).toBe("om-datakwaliteit");
    expect(record?.datasets.map((d) => d.name).sort()).toEqual(["feiten", "verdachten", "zaken"]);
    expect(record?.artifacts.map((a) => a.name)).toEqual(["resultaten.json", "samenvatting.html"]);

    const summary = await readFile(join(dir, "rapport/samenvatting.html"), "utf8");
    expect(summary).toContain("Datakwaliteit van de OM-zaakregistratie (synthetisch)");
    expect(summary).toContain("<svg");
    expect(summary).toContain(record?.id);
  });

  it("chains a second run to the first, each with a start and an end record", async () => {
    const lab = await makeLab();
    for (let i = 0; i < 2; i++) runCli(["run", "om-datakwaliteit", "--root", lab, "--justification", JUSTIFICATION]);
    const records = await readLogRecords(join(lab, "experiments/om-datakwaliteit/runlog.jsonl"));
    expect(records.map((r) => `${r.seq} ${r.type}`)).toEqual(["1 run_started", "2 run", "3 run_started", "4 run"]);
    records.slice(1).forEach((record, i) => {
      expect(record.prev_hash).toBe(records[i]?.hash);
    });
    const [first, second] = await readRunLog(join(lab, "experiments/om-datakwaliteit/runlog.jsonl"));
    expect(second?.id).not.toBe(first?.id);
  });

  it("refuses a run without a real justification and writes nothing", async () => {
    const lab = await makeLab();
    const dir = join(lab, "experiments/om-datakwaliteit");
    const run = runCli(["run", "om-datakwaliteit", "--root", lab, "--justification", "test"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("opvultekst");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, "runlog.jsonl"))).toBe(false);
    expect(existsSync(join(dir, "rapport"))).toBe(false);
  });
});
