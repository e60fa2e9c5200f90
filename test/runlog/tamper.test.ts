import { readFile, writeFile } from "node:fs/promises";
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

  it("sets a torn last line aside on the next append and records that it did", async () => {
    const { file } = await makeLog(5);
    const text = await readFile(file, "utf8");
    await writeFile(file, `${text}{"schema":2,"seq":6,"id":"half`);
    const next = await appendRecord(file, decision(99));
    expect(next.seq).toBe(6);
    expect(next.torn_tail_set_aside?.bytes).toBe(30);
    const result = await verifyRunLog(file);
    expect(result.intact).toBe(true);
    expect(result.notes.join(" ")).toContain("afgebroken regel apart gezet");
    expect(await readFile(`${file}.torn`, "utf8")).toContain(
      Buffer.from('{"schema":2,"seq":6,"id":"half').toString("base64"),
    );
    expect(await readLogRecords(file)).toHaveLength(6);
  });

  it("livinglab log verify exits 1 and names the line; 0 when intact", async () => {
    const { file } = await makeLog(6);
    const lab = dirname(dirname(dirname(file)));
    const experiment = dirname(file);
    await writeFile(join(experiment, "experiment.yaml"), "id: proef\n");
    const ok = runCli(["log", "verify", experiment, "--root", lab]);
    expect(ok.stdout).toContain("6 records, de keten is intact");
    expect(ok.code).toBe(0);
    const content = await lines(file);
    content.splice(1, 1);
    await writeLines(file, content);
    const broken = runCli(["log", "verify", experiment, "--root", lab]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain("✗");
    expect(broken.stdout).toContain("Vóór regel 2 is record 2 verwijderd.");
  });
});
