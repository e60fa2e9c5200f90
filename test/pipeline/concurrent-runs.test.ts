import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type RunRecord, readLogRecords, verifyRunLog } from "../../src/index.js";
import { asPerson, makeLab, startCli } from "../helpers/cli.js";

const JUSTIFICATION =
  "Vier runs tegelijk: nagaan dat geen run de tijdelijke bestanden of de hashes van een ander gebruikt.";
const RUNS = 4;

const sha256 = async (file: string) =>
  createHash("sha256")
    .update(await readFile(file))
    .digest("hex");

describe("runs of one experiment at the same time", () => {
  it(`${RUNS} concurrent runs all finish, and each records the hash of exactly what it wrote`, async () => {
    const lab = await makeLab();
    const dir = join(lab, "experiments/om-datakwaliteit");
    const runs = await Promise.all(
      Array.from({ length: RUNS }, () =>
        startCli(["run", "om-datakwaliteit", "--root", lab, "--justification", JUSTIFICATION], asPerson("Analist A")),
      ),
    );
    for (const run of runs) {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(1); // the example data holds defects on purpose
    }
    const file = join(dir, "runlog.jsonl");
    expect(await verifyRunLog(file)).toMatchObject({ intact: true, records: 2 * RUNS });
    const ended = (await readLogRecords(file)).filter((r): r is RunRecord => r.type === "run");
    expect(ended).toHaveLength(RUNS);
    for (const record of ended) {
      // Each run's own copy has the bytes it wrote to resultaten.json; its record holds their hash.
      const results = record.artifacts.find((a) => a.name === "resultaten.json");
      expect(results?.sha256).toBe(await sha256(join(dir, "rapport/runs", `${record.id}.json`)));
      for (const dataset of record.datasets) expect(dataset.sha256).toBe(await sha256(join(dir, dataset.path)));
    }
    // Nothing temporary is left behind: no spool, no half-written file.
    expect((await readdir(join(dir, "data"))).sort()).toEqual(
      [
        "datasheet.json",
        "datasheet.md",
        "feiten.parquet",
        "ground_truth.parquet",
        "verdachten.parquet",
        "zaken.parquet",
      ].sort(),
    );
    expect((await readdir(join(dir, "rapport"))).sort()).toEqual(["resultaten.json", "runs", "samenvatting.html"]);
  }, 300_000);
});
