import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  appendRecord,
  CLOCK_TOLERANCE_MS,
  hashRecord,
  isLivingLabError,
  type NewLogRecord,
  RUN_LOG_SCHEMA_VERSION,
  verifyRunLog,
} from "../../src/index.js";
import { makeLab, runCli } from "../helpers/cli.js";
import { decision, EXPERIMENT } from "./log-fixture.js";

const T = Date.UTC(2026, 9, 1, 9, 0);
const at = (ms: number) => new Date(ms).toISOString();
const MINUTE = 60_000;

/** A run's start, the kind of record that needs no signature. */
function started(i: number, when: number): NewLogRecord {
  return {
    type: "run_started",
    id: `start-${i}`,
    at: at(when),
    who: { name: "Analist A", source: "env" },
    experiment: EXPERIMENT,
    analysis: { name: "verkenning", params: {} },
    justification: "Een verkenning om de tijden in het logboek na te gaan.",
    code: { commit: null, uncommitted_sha256: null },
    versions: { node: "v20", livinglab: "0.1.0" },
  };
}

/** A finished run that started at `start` and ended at `end`. */
function finished(i: number, start: number, end: number): NewLogRecord {
  return {
    type: "run",
    id: `run-${i}`,
    at: at(start),
    who: { name: "Analist A", source: "env" },
    experiment: EXPERIMENT,
    analysis: { name: "verkenning", params: {} },
    justification: "Een verkenning om de tijden in het logboek na te gaan.",
    code: { commit: null, uncommitted_sha256: null },
    datasets: [],
    versions: { node: "v20", livinglab: "0.1.0", engine: "duckdb" },
    outcome: "passed",
    metrics: {},
    artifacts: [],
    ended_at: at(end),
  };
}

/** Writes records chained by hand, as someone writing past the workbench would (the workbench refuses such times). */
async function writeChained(file: string, records: NewLogRecord[]): Promise<void> {
  let prev = "0".repeat(64);
  const lines = records.map((record, i) => {
    const unsealed = { schema: RUN_LOG_SCHEMA_VERSION, seq: i + 1, ...record, prev_hash: prev };
    prev = hashRecord(unsealed);
    return `${JSON.stringify({ ...unsealed, hash: prev })}\n`;
  });
  await writeFile(file, lines.join(""));
  await writeFile(`${file}.head`, `${JSON.stringify({ seq: records.length, hash: prev })}\n`);
}

describe("a record's time", () => {
  it("may not lie before the record before it, nor after now: verify names each with its line", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "livinglab-tijd-")), "runlog.jsonl");
    const now = new Date(T + 60 * MINUTE);
    await writeChained(file, [
      started(1, T),
      started(2, T + 10 * MINUTE),
      // A minute before the one before it: parallel appends land so; within the tolerance.
      started(3, T + 9 * MINUTE),
      // A run that started long before and ended now is written now: in order.
      finished(4, T - 120 * MINUTE, T + 11 * MINUTE),
      started(5, T - 60 * MINUTE),
      started(6, T + 12 * MINUTE),
      started(7, now.getTime() + CLOCK_TOLERANCE_MS + MINUTE),
      // Within the tolerance after now: clocks differ a little.
      started(8, now.getTime() + CLOCK_TOLERANCE_MS - MINUTE),
    ]);
    const verified = await verifyRunLog(file, { now });
    expect(verified.timing.map((t) => [t.kind, t.line, t.seq])).toEqual([
      ["backdated", 5, 5],
      ["future", 7, 7],
    ]);
    expect(verified.intact).toBe(false);
    expect(verified.finding).toMatchObject({ kind: "backdated", line: 5, seq: 5 });
    expect(verified.finding?.message).toBe(
      `Record 5 (run gestart, regel 5) is gedateerd op ${at(T - 60 * MINUTE)}, eerder dan record 4 (${at(T + 11 * MINUTE)}) dat ervoor staat: het is teruggedateerd.`,
    );
    expect(verified.finding?.hint).toContain("verzette klok");
    // A moment later, the record dated just past the tolerance is no longer in the future.
    const later = await verifyRunLog(file, { now: new Date(now.getTime() + 2 * MINUTE) });
    expect(later.timing.map((t) => t.seq)).toEqual([5]);
  });

  it("is judged by 'log verify' from the command line, with the line and what to do", async () => {
    const lab = await makeLab();
    const file = join(lab, "experiments/om-datakwaliteit/runlog.jsonl");
    const now = Date.now();
    await writeChained(file, [started(1, now - 10 * MINUTE), started(2, now - 60 * MINUTE), started(3, now)]);
    const cli = runCli(["log", "verify", "om-datakwaliteit", "--root", lab]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain("(regel 2, record 2, id start-2): Record 2 (run gestart, regel 2) is gedateerd op");
    expect(cli.stdout).toContain("  regel 2: Record 2 (run gestart, regel 2)");
    expect(cli.stdout).toContain("wat te doen: Een record krijgt de tijd waarop het wordt geschreven");
  });

  it("is refused by the append when it would lie before the last record, or after now; the log is unchanged", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "livinglab-tijd-")), "runlog.jsonl");
    const now = Date.now();
    await appendRecord(file, { ...decision(0), at: at(now) });
    const before = await readFile(file, "utf8");
    const codeOf = async (record: NewLogRecord) => {
      const error = await appendRecord(file, record).then(
        () => undefined,
        (e: unknown) => e,
      );
      return isLivingLabError(error) ? error.problems.map((p) => p.code) : error;
    };
    expect(await codeOf({ ...decision(1), at: at(now - 60 * MINUTE) })).toEqual(["record_before_last"]);
    expect(await codeOf({ ...decision(2), at: at(now + 24 * 60 * MINUTE) })).toEqual(["record_in_future"]);
    expect(await readFile(file, "utf8")).toBe(before);
    // A run that started an hour ago and ends now is in order: it is written now.
    await appendRecord(file, finished(3, now - 60 * MINUTE, now));
    expect((await verifyRunLog(file)).intact).toBe(true);
  });
});
