import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLogRecords, verifyRunLog } from "../../src/index.js";
import { spawnAppender } from "./append-child.js";

describe("two processes appending to one log at once", () => {
  it("lose nothing, never interleave, and keep one intact chain", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "livinglab-two-")), "runlog.jsonl");
    const [a, b] = await Promise.all([spawnAppender(file, 1000, "a"), spawnAppender(file, 1000, "b")]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, "", ""]);
    const records = await readLogRecords(file);
    expect(records).toHaveLength(2000);
    for (const writer of ["a", "b"]) {
      const ids = records.filter((r) => r.who.name === writer).map((r) => r.id);
      expect(ids).toEqual(Array.from({ length: 1000 }, (_, i) => `${writer}-${i}`));
    }
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
    // Both really ran at the same time: their records alternate somewhere in the log.
    const switches = records.filter((r, i) => i > 0 && r.who.name !== records[i - 1]?.who.name).length;
    expect(switches).toBeGreaterThan(10);
    expect(await verifyRunLog(file)).toMatchObject({ intact: true, records: 2000 });
  }, 300_000);
});
