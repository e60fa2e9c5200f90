import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { appendRecord, hashRecord, readLogRecords, verifyRunLog } from "../../src/index.js";
import { runCli } from "../helpers/cli.js";
import { decision, makeLog } from "./log-fixture.js";

async function lines(file: string): Promise<string[]> {
  return (await readFile(file, "utf8")).split("\n").slice(0, -1);
}

async function writeLines(file: string, content: string[]): Promise<void> {
  await writeFile(file, `${content.join("\n")}\n`);
}

describe("the hash of a record", () => {
  it("stays the same bytes for every version of the tool, or every existing log would break", () => {
    const record = {
      schema: 2,
      seq: 7,
      id: "run-1",
      at: "2026-11-25T10:00:00.000Z",
      who: { name: "Analist A <a@lab.example>", source: "git" },
      experiment: { id: "om", template: "datakwaliteit@1.1.0", file_sha256: "a".repeat(64) },
      type: "run",
      metrics: { "zaken-uniek": 0.5, b: null, 'ä "q"': -0 },
      params: [1, "twee", { z: 1, a: [true, false] }],
      prev_hash: "0".repeat(64),
      hash: "f".repeat(64),
    };
    expect(hashRecord(record)).toBe("0d6bfc246d87ea01e1d529f8f07d057a9008cdb25d4df6878845c1dddc10e19a");
  });
});

describe("verifying a run log", () => {
  it("finds an untouched log intact", async () => {
    const { file } = await makeLog(10);
    const result = await verifyRunLog(file);
    expect(result).toMatchObject({ intact: true, records: 10, notes: [] });
  });

  it("locates a record edited by one byte", async () => {
    const { file } = await makeLog(10);
    const text = await readFile(file, "utf8");
    const at = text.indexOf("Besluit nummer 6.");
    await writeFile(file, `${text.slice(0, at)}besluit${text.slice(at + 7)}`);
    const { intact, finding } = await verifyRunLog(file);
    expect(intact).toBe(false);
    expect(finding).toMatchObject({ kind: "edited", line: 7, seq: 7 });
    expect(finding?.message).toContain("Regel 7 is bewerkt");
  });

  it("locates a record edited with its hash recomputed", async () => {
    const { file } = await makeLog(10);
    const content = await lines(file);
    const record = JSON.parse(content[3] as string) as Record<string, unknown>;
    record.toelichting = "Achteraf anders opgeschreven.";
    content[3] = JSON.stringify({ ...record, hash: hashRecord(record) });
    await writeLines(file, content);
    expect((await verifyRunLog(file)).finding).toMatchObject({ kind: "edited", line: 4, seq: 4 });
  });

  it("locates a deleted record", async () => {
    const { file } = await makeLog(10);
    const content = await lines(file);
    content.splice(4, 1);
    await writeLines(file, content);
    const { finding } = await verifyRunLog(file);
    expect(finding).toMatchObject({ kind: "removed", line: 5, seq: 6 });
    expect(finding?.message).toBe("Vóór regel 5 is record 5 verwijderd.");
  });

  it("locates two swapped records", async () => {
    const { file } = await makeLog(10);
    const content = await lines(file);
    [content[3], content[4]] = [content[4] as string, content[3] as string];
    await writeLines(file, content);
    const { finding } = await verifyRunLog(file);
    expect(finding).toMatchObject({ kind: "reordered", line: 4, seq: 5 });
  });

  it("locates an inserted copy of a record", async () => {
    const { file } = await makeLog(10);
    const content = await lines(file);
    content.splice(6, 0, content[2] as string);
    await writeLines(file, content);
    expect((await verifyRunLog(file)).finding).toMatchObject({ kind: "inserted", line: 7, seq: 3 });
  });

  it("reports a log truncated in the middle of a line as a torn last line", async () => {
    const { file } = await makeLog(10);
    const text = await readFile(file, "utf8");
    await writeFile(file, text.slice(0, text.length - 40));
    const { intact, finding, records } = await verifyRunLog(file);
    expect(intact).toBe(false);
    expect(records).toBe(9);
    expect(finding).toMatchObject({ kind: "torn", line: 10 });
    expect(finding?.message).toContain("afgebroken");
  });

  it("notices records cut off the end, by the head anchor", async () => {
    const { file } = await makeLog(10);
    await writeLines(file, (await lines(file)).slice(0, 8));
    const { finding } = await verifyRunLog(file);
    expect(finding).toMatchObject({ kind: "truncated", line: 9, seq: 9 });
    expect(finding?.message).toContain("de records 9 tot en met 10 zijn aan het eind verwijderd");
  });

  it("sets a torn last line aside on the next append, records that it did, and verify names it", async () => {
    const { file } = await makeLog(5);
    const text = await readFile(file, "utf8");
    await writeFile(file, `${text}{"schema":2,"seq":6,"id":"half`);
    const next = await appendRecord(file, decision(99));
    expect(next.seq).toBe(6);
    expect(next.torn_tail_set_aside?.bytes).toBe(30);
    expect(await readFile(`${file}.torn`, "utf8")).toContain(
      Buffer.from('{"schema":2,"seq":6,"id":"half').toString("base64"),
    );
    expect(await readLogRecords(file)).toHaveLength(6);
    // Anything set aside keeps verify failing: the log cannot tell a crash from a changed record.
    const result = await verifyRunLog(file);
    expect(result).toMatchObject({ intact: false, records: 6, finding: { kind: "set_aside", line: 6, seq: 6 } });
    expect(result.finding?.message).toContain("runlog.jsonl.torn");
    expect(result.finding?.message).toContain("gemeld in record 6");
  });

  it("keeps a last record that only lost its newline, instead of setting it aside", async () => {
    const { file, records } = await makeLog(5);
    const text = await readFile(file, "utf8");
    await writeFile(file, text.slice(0, -1));
    expect(await readLogRecords(file)).toEqual(records);
    const before = await verifyRunLog(file);
    expect(before).toMatchObject({ intact: true, records: 5 });
    expect(before.notes.join(" ")).toContain("mist zijn regeleinde");

    const next = await appendRecord(file, decision(99));
    expect(next).toMatchObject({ seq: 6, prev_hash: records[4]?.hash });
    expect(next.torn_tail_set_aside).toBeUndefined();
    expect(existsSync(`${file}.torn`)).toBe(false);
    expect(await readFile(file, "utf8")).toBe(`${text}${JSON.stringify(next)}\n`);
    expect(await verifyRunLog(file)).toMatchObject({ intact: true, records: 6, notes: [] });
  });

  it("fails verify when set-aside bytes are gone, or when the .torn file exists without a record", async () => {
    const { file } = await makeLog(3);
    await writeFile(file, `${await readFile(file, "utf8")}{"schema":2,"se`);
    await appendRecord(file, decision(9));
    await rm(`${file}.torn`);
    const gone = await verifyRunLog(file);
    expect(gone).toMatchObject({ intact: false, finding: { kind: "set_aside", line: 4, seq: 4 } });
    expect(gone.finding?.message).toContain("dat bewijs is verwijderd");

    const other = await makeLog(3);
    await writeFile(`${other.file}.torn`, "2026-11-25T10:00:00.000Z 4 YWJjZA==\n");
    const unnoted = await verifyRunLog(other.file);
    expect(unnoted).toMatchObject({ intact: false, finding: { kind: "set_aside", line: 4 } });
    expect(unnoted.finding?.message).toContain("door geen record gemeld");
  });

  it("refuses to append to a log cut short or with its last record replaced, so no number is used twice", async () => {
    const { file, records } = await makeLog(5);
    const content = await lines(file);
    await writeLines(file, content.slice(0, 4));
    await expect(appendRecord(file, decision(9))).rejects.toMatchObject({
      problems: [expect.objectContaining({ code: "run_log_truncated" })],
    });
    expect(await lines(file)).toEqual(content.slice(0, 4));
    expect((await verifyRunLog(file)).finding).toMatchObject({ kind: "truncated", seq: 5 });

    // The last record changed and its newline dropped: not set aside as torn, but refused.
    const changed = JSON.parse(content[4] as string) as Record<string, unknown>;
    changed.toelichting = "Achteraf anders.";
    await writeFile(file, `${content.slice(0, 4).join("\n")}\n${JSON.stringify(changed)}`);
    await expect(appendRecord(file, decision(9))).rejects.toMatchObject({
      problems: [expect.objectContaining({ code: "run_log_truncated" })],
    });
    expect(existsSync(`${file}.torn`)).toBe(false);
    expect(records).toHaveLength(5);
  });

  it("livinglab log verify exits 1 and names the line: a chain broken, and decisions nobody signed", async () => {
    const { file } = await makeLog(6);
    const lab = dirname(dirname(dirname(file)));
    const experiment = dirname(file);
    await writeFile(join(experiment, "experiment.yaml"), "id: proef\n");
    // The chain holds, but these decisions are unsigned and this lab has no people file to accept them.
    const unsigned = runCli(["log", "verify", experiment, "--root", lab]);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stdout).toContain("het lab heeft geen personenbestand");
    expect(unsigned.stdout).toContain("Record 1 (besluit, regel 1) is niet ondertekend");
    expect(await verifyRunLog(file)).toMatchObject({ intact: true, records: 6 });
    const content = await lines(file);
    content.splice(1, 1);
    await writeLines(file, content);
    const broken = runCli(["log", "verify", experiment, "--root", lab]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain("✗");
    expect(broken.stdout).toContain("Vóór regel 2 is record 2 verwijderd.");
  });
});
