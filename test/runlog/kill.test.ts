import { existsSync } from "node:fs";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { appendRecord, readLogRecords, verifyRunLog } from "../../src/index.js";
import { SeededRandom } from "../../src/synth/random.js";
import { type ChildAppends, spawnAppender } from "./append-child.js";
import { decision } from "./log-fixture.js";

const KILLS = 200;
const PARALLEL = 4;

describe("appends killed at random moments", () => {
  it(`leave every acknowledged record in an intact chain after ${KILLS} SIGKILLs`, async () => {
    const file = join(await mkdtemp(join(tmpdir(), "livinglab-kill-")), "runlog.jsonl");
    const random = new SeededRandom(20261125);
    const results: ChildAppends[] = [];
    let promised = 0;
    let next = 0;
    // Several children at once, so kills land while holding the lock, waiting for it, or writing.
    // Each is killed once it has acknowledged its own (seeded) number of records: it is then in
    // the middle of its next append. On a slow machine that takes longer, and nothing else changes.
    const worker = async () => {
      while (next < KILLS) {
        const n = next++;
        const killAfter = random.int(1, 3);
        promised += killAfter;
        results.push(
          await spawnAppender(file, 1_000_000, `k${n}`, (child, acked) => {
            if (acked === killAfter) child.kill("SIGKILL");
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));

    expect(results.every((r) => r.signal === "SIGKILL")).toBe(true);
    expect(results.map((r) => r.stderr).join("")).toBe("");
    const verification = await verifyRunLog(file);
    // SIGKILL cannot cut a single write() in half on Linux, but a torn line is the one allowed damage.
    if (!verification.intact) expect(verification.finding?.kind).toBe("torn");
    const onDisk = new Map((await readLogRecords(file)).map((r) => [r.seq, r.hash]));
    const acked = results.flatMap((r) => r.acked);
    expect(acked.length).toBeGreaterThanOrEqual(promised);
    for (const line of acked) {
      const [seq, hash] = line.split(" ");
      expect(onDisk.get(Number(seq))).toBe(hash);
    }
    // At most one record per killed child was written but not yet acknowledged.
    expect(onDisk.size - acked.length).toBeLessThanOrEqual(KILLS);

    // The next append breaks any lock a killed child left behind, and the chain goes on.
    // (Dated now: the children wrote now, and a log only moves forward in time.)
    const last = await appendRecord(file, { ...decision(0), at: new Date().toISOString() }, { timeoutMs: 5_000 });
    expect(last.seq).toBe(onDisk.size + 1);
    expect(await verifyRunLog(file)).toMatchObject({ intact: true, records: onDisk.size + 1 });
    expect(existsSync(`${file}.lock`)).toBe(false);
    // Killed children may leave their private lock files; the next process to take the lock clears those of dead ones.
    expect((await readdir(dirname(file))).sort()).toEqual(["runlog.jsonl", "runlog.jsonl.head"]);
  }, 300_000);
});
