import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblems, isLivingLabError, loadSuite } from "../../src/index.js";

const GOLDEN = join(import.meta.dirname, "../golden/suite-problems.txt");

const BROKEN = `format: livinglab-suite/2
name: kapot
datasets:
  zaken: { file: zaken.parquet, key: zaak_id }
checks:
  - { id: a, kind: not_nul, table: zaken, column: x }
  - { id: b, kind: not_null, table: zakken, column: x }
  - { id: c, kind: drift, table: zaken, metric_of: bestaat-niet, max_change: 1 }
  - { id: d, kind: value_range, table: zaken, column: x, max: 30-06-2026 }
`;

async function problemsOf(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "livinglab-suite-"));
  const file = join(dir, "suite.yaml");
  await writeFile(file, text);
  try {
    await loadSuite(file);
  } catch (error) {
    if (isLivingLabError(error)) return formatProblems(error.problems).replaceAll(dir, "<map>");
    throw error;
  }
  throw new Error("the broken suite was accepted");
}

describe("a broken suite", () => {
  it("is reported in Dutch with line and column, a hint, and every problem at once", async () => {
    const schemaProblems = await problemsOf(BROKEN);
    const linkProblems = await problemsOf(
      BROKEN.replace("kind: not_nul,", "kind: not_null,").replace("max: 30-06-2026", "max: 2026-06-30"),
    );
    const text = `${schemaProblems}\n---\n${linkProblems}\n`;
    if (process.env.LIVINGLAB_UPDATE_GOLDEN === "1") writeFileSync(GOLDEN, text);
    expect(text).toBe(readFileSync(GOLDEN, "utf8"));
    expect(schemaProblems).toContain("Bedoelt u 'not_null'?");
    expect(linkProblems).toContain("suite.yaml:7:37");
  });
});

describe("a date in a suite", () => {
  it("must exist in the calendar, with the line where it does not", async () => {
    const dir = await mkdtemp(join(tmpdir(), "livinglab-suite-"));
    const file = join(dir, "suite.yaml");
    await writeFile(
      file,
      [
        "format: livinglab-suite/2",
        "name: datums",
        "reference_date: 2026-02-30",
        "datasets:",
        "  zaken: { file: zaken.parquet, key: zaak_id }",
        "checks:",
        "  - { id: a, kind: value_range, table: zaken, column: pleegdatum, max: 2026-13-45 }",
      ].join("\n"),
    );
    const error = await loadSuite(file).catch((e: unknown) => e);
    expect(isLivingLabError(error) && error.problems).toEqual([
      expect.objectContaining({ code: "invalid_date", line: 3, path: ["reference_date"] }),
      expect.objectContaining({ code: "invalid_date", line: 7, path: ["checks", 0, "max"] }),
    ]);
  });
});
