import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  appendRecord,
  logOverview,
  openExperiment,
  openRun,
  openWorkspace,
  readLogOverview,
  readLogRecords,
  verifyRunLog,
} from "../../src/index.js";
import { writeBigRunLog } from "../helpers/big-run-log.js";
import { CLI, makeLab } from "../helpers/cli.js";
import { signingEnv } from "../helpers/people.js";
import { decision, makeLog } from "./log-fixture.js";

/** The CLI with a JavaScript heap far smaller than the log: whatever holds the whole log fails. */
function smallHeapCli(args: string[]) {
  const result = spawnSync(process.execPath, ["--max-old-space-size=64", CLI, ...args], {
    encoding: "utf8",
    // Signing as Analist A: the correction below is a governance event, so it is signed.
    env: { ...process.env, ...signingEnv("Analist A") },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** These runs read no data: they only fill the log. */
const NOTHING = { datasets: [], columns: {} };

describe("a run log of 100,000 records", () => {
  it("is verified, listed, searched and appended to with a 64 MB heap (the log is 118 MB)", async () => {
    const lab = await makeLab();
    const file = join(lab, "experiments/om-datakwaliteit/runlog.jsonl");
    const head = await writeBigRunLog(file, 100_000);
    const root = ["--root", lab];

    // Its decisions are unsigned, as in a log from before signing: verify names every one and fails...
    const verify = smallHeapCli(["log", "verify", "om-datakwaliteit", ...root]);
    expect(verify.stderr).toBe("");
    expect(verify.code).toBe(1);
    const unsigned = verify.stdout.match(/: niet ondertekend, telt niet\./g)?.length ?? 0;
    expect(unsigned).toBeGreaterThan(4000);
    expect(verify.stdout).toContain(`Er zijn nog ${unsigned - 1} zulke records.`);
    // ...until someone known accepts them by name, in one signed record.
    const accept = smallHeapCli([
      "log",
      "accept-unsigned",
      "om-datakwaliteit",
      "--note",
      "Van vóór het ondertekenen.",
      ...root,
    ]);
    expect(accept.stderr).toBe("");
    expect(accept.stdout).toContain(`${unsigned} niet-ondertekende records aanvaard door Analist A`);
    const verified = smallHeapCli(["log", "verify", "om-datakwaliteit", ...root]);
    expect(verified.stdout).toContain("100001 records, de keten is intact.");

    const page = smallHeapCli(["log", "om-datakwaliteit", ...root]);
    expect(page.stderr).toBe("");
    const lines = page.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^De laatste 50 regels, vanaf record \d+; eerdere met --last <aantal> of --all\.$/);
    expect(lines).toHaveLength(53);
    expect(lines.at(-2)).toMatch(/^100000 .* onvoltooid /);
    expect(lines.at(-1)).toMatch(new RegExp(`^100001 .* niet ondertekend aanvaard\\s+${unsigned} records`));

    const show = smallHeapCli(["log", "show", "99990", ...root]);
    expect(show.stderr).toBe("");
    expect(show.stdout).toContain("Record 99990 van experiments/om-datakwaliteit/runlog.jsonl");

    const correct = smallHeapCli([
      "correct",
      "om-datakwaliteit",
      "99990",
      "--note",
      "Schaaltest: een correctie.",
      ...root,
    ]);
    expect(correct.stderr).toBe("");
    expect(correct.stdout).toContain("Correctie op record 99990 vastgelegd als record 100002.");
    const [acceptance, correction] = (await readFile(file, "utf8")).slice(-60_000).split("\n").slice(-3, -1);
    expect(JSON.parse(acceptance ?? "")).toMatchObject({
      seq: 100_001,
      prev_hash: head.hash,
      type: "unsigned_accepted",
    });
    expect(JSON.parse(correction ?? "")).toMatchObject({ seq: 100_002, refers_to: { seq: 99_990 } });
    expect(await verifyRunLog(file)).toMatchObject({ intact: true, records: 100_002 });
  }, 300_000);
});

describe("reading only the end of the log", () => {
  it("appends and shows the newest page without reading the start (verify still names it)", async () => {
    const { file } = await makeLog(300);
    const text = await readFile(file, "utf8");
    await writeFile(file, `{"kapot": true}${text.slice(text.indexOf("\n"))}`);
    const next = await appendRecord(file, decision(300));
    expect(next.seq).toBe(301);
    const { rows, earlier } = await readLogOverview(file, { last: 10 });
    expect(rows.map((r) => r.seq)).toEqual([292, 293, 294, 295, 296, 297, 298, 299, 300, 301]);
    expect(earlier).toBe(true);
    expect((await verifyRunLog(file)).finding).toMatchObject({ kind: "edited", line: 1 });
  });

  it("shows the same newest rows as the whole overview, with late ends and corrections", async () => {
    const lab = await makeLab();
    const workspace = openWorkspace(lab);
    const om = await openExperiment(workspace, "om-datakwaliteit");
    const file = join(om.dir, "runlog.jsonl");
    const justification = "Test van de overzichtspagina: runs die lang duren en correcties die later komen.";
    const longRun = await openRun({
      workspace,
      opened: om,
      analysis: { name: "lang", params: {} },
      reads: NOTHING,
      justification,
    });
    const crashed = await openRun({
      workspace,
      opened: om,
      analysis: { name: "gecrasht", params: {} },
      reads: NOTHING,
      justification,
    });
    for (let i = 0; i < 30; i++) {
      // Dated now, between runs made now: a log only moves forward in time.
      await appendRecord(file, { ...decision(i), at: new Date().toISOString() });
      if (i % 7 === 0) {
        const run = await openRun({
          workspace,
          opened: om,
          analysis: { name: `run ${i}`, params: {} },
          reads: NOTHING,
          justification,
        });
        await run.end({ outcome: i % 2 === 0 ? "passed" : "failed" });
      }
    }
    await longRun.end({ outcome: "warned" });
    const records = await readLogRecords(file);
    for (const target of [records[0], records[1], records.at(-3)]) {
      if (!target) continue;
      await appendRecord(file, {
        type: "correction",
        id: `correctie-${target.seq}`,
        at: new Date().toISOString(),
        who: { name: "Analist A", source: "env" },
        experiment: target.experiment,
        refers_to: { seq: target.seq, id: target.id, type: target.type, hash: target.hash },
        correctie: `Correctie op record ${target.seq}.`,
      });
    }
    const all = logOverview(await readLogRecords(file));
    expect(all.find((r) => r.id === crashed.id)?.outcome).toBe("unfinished");
    expect(all.find((r) => r.id === longRun.id)).toMatchObject({ outcome: "warned", corrections: 1 });
    for (let last = 1; last <= all.length + 1; last++) {
      const page = await readLogOverview(file, { last });
      expect(page.rows).toEqual(all.slice(-last));
      expect(page.earlier).toBe(last < all.length);
    }
    expect(await readLogOverview(file)).toMatchObject({ rows: all, earlier: false });
  });
});
