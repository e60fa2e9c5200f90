import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { checkResultsFile, type RunRecord } from "../../src/index.js";
import { openResultsFolder } from "../../src/report/recorded-results.js";

const RUN = "run-20261101-abc";

/** A valid results file for RUN, the bytes a run writes, and the run record that vouches for them. */
function resultsOfRun(): { bytes: string; record: RunRecord } {
  const bytes = `${JSON.stringify(
    checkResultsFile(
      { suite: "s", engine: "duckdb", reference_date: "2026-06-30", outcome: "passed", checks: [] },
      RUN,
    ),
    null,
    2,
  )}\n`;
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const record = {
    type: "run",
    id: RUN,
    artifacts: [{ name: `${RUN}.json`, path: `rapport/runs/${RUN}.json`, sha256 }],
  } as unknown as RunRecord;
  return { bytes, record };
}

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "livinglab-results-"));
  await mkdir(join(dir, "rapport/runs"), { recursive: true });
});

describe("results files in a copy of a lab that someone prepared", () => {
  it("reads a run's own results file when its hash is the log's", async () => {
    const { bytes, record } = resultsOfRun();
    await writeFile(join(dir, "rapport/runs", `${RUN}.json`), bytes);
    expect((await (await openResultsFolder(dir)).resultsOf(record)).state).toBe("verified");
  });

  it("does not follow a symbolic link out of the experiment, even to the right bytes", async () => {
    const { bytes, record } = resultsOfRun();
    const elsewhere = await mkdtemp(join(tmpdir(), "livinglab-elders-"));
    await writeFile(join(elsewhere, "resultaten.json"), bytes);
    await symlink(join(elsewhere, "resultaten.json"), join(dir, "rapport/runs", `${RUN}.json`));
    expect(await (await openResultsFolder(dir)).resultsOf(record)).toEqual({
      state: "mismatch",
      file: `rapport/runs/${RUN}.json`,
    });
  });

  it("does not read results from a report folder that is a symbolic link", async () => {
    const { bytes, record } = resultsOfRun();
    const elsewhere = await mkdtemp(join(tmpdir(), "livinglab-elders-"));
    await writeFile(join(elsewhere, `${RUN}.json`), bytes);
    await rm(join(dir, "rapport/runs"), { recursive: true });
    await symlink(elsewhere, join(dir, "rapport/runs"));
    expect(await (await openResultsFolder(dir)).resultsOf(record)).toEqual({
      state: "mismatch",
      file: `rapport/runs/${RUN}.json`,
    });
  });

  it("never waits on a named pipe in place of a results file", async () => {
    const { record } = resultsOfRun();
    execFileSync("mkfifo", [join(dir, "rapport/runs", `${RUN}.json`)]);
    execFileSync("mkfifo", [join(dir, "rapport/resultaten.json")]);
    // Reading the pipe would block until a writer came: the answer comes without one.
    expect(await (await openResultsFolder(dir)).resultsOf(record)).toEqual({
      state: "mismatch",
      file: `rapport/runs/${RUN}.json`,
    });
  });

  it("does not read a results file larger than any run writes", async () => {
    const { record } = resultsOfRun();
    const file = join(dir, "rapport/runs", `${RUN}.json`);
    await writeFile(file, "");
    execFileSync("truncate", ["-s", "3G", file]);
    expect(await (await openResultsFolder(dir)).resultsOf(record)).toEqual({
      state: "mismatch",
      file: `rapport/runs/${RUN}.json`,
    });
  });
});
