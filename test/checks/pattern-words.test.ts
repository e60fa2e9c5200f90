import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DuckDbEngine, findPersonalData, knownPatterns, loadSuite, runSuite } from "../../src/index.js";
import { writeMiniData } from "../helpers/mini-data.js";
import { openTestRun } from "../helpers/test-run.js";

let dir: string;

const HEAD = `format: livinglab-suite/2
name: patronen
reference_date: 2025-06-30
datasets:
  zaken: { file: zaken.parquet, key: zaak_id }
checks:
`;

async function run(checks: string) {
  const file = join(dir, `suite-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, HEAD + checks);
  const engine = await DuckDbEngine.open();
  const { permit } = await openTestRun();
  try {
    return await runSuite(engine, await loadSuite(file), permit);
  } finally {
    await engine.close();
  }
}

beforeAll(async () => {
  dir = await writeMiniData();
});

/** Regular-expression syntax a reader must never meet in a sentence. */
const REGEX = /[[\]{}\\^$|]/;

describe("a pattern in words", () => {
  it("names a known pattern with its explanation and a made-up example, the raw pattern only in the technical appendix", async () => {
    const { result } = await run(
      `  - { id: vorm, kind: pattern, table: zaken, column: parketnummer, pattern: "\\\\d{2}/[0-9]{6}-[0-9]{2}" }\n`,
    );
    const [check] = result.checks;
    expect(check?.description).toBe(
      "Het veld parketnummer heeft de vorm van een parketnummer: twee cijfers, een schuine streep, zes cijfers, een streepje en twee cijfers (bijvoorbeeld 12/345678-90).",
    );
    expect(check?.description).not.toMatch(REGEX);
    expect(check?.technical).toBe("Patroon (reguliere expressie): \\d{2}/[0-9]{6}-[0-9]{2}");
    if (check?.finding) expect(check.finding).not.toMatch(REGEX);
  });

  it("uses the suite's own example and explanation, and says 'een vast patroon' when it has neither", async () => {
    const { result } = await run(`  - id: eigen
    kind: pattern
    table: zaken
    column: parketnummer
    pattern: "[0-9]{2}/[0-9]{6}-[0-9]{2}|Z[0-9]+"
    example: Z0001
    explanation: een parketnummer, of een Z met cijfers
  - { id: kaal, kind: pattern, table: zaken, column: parketnummer, pattern: "[0-9]{2}/.*" }
`);
    const [own, bare] = result.checks;
    expect(own?.description).toBe(
      "Het veld parketnummer heeft een vaste vorm: een parketnummer, of een Z met cijfers (bijvoorbeeld Z0001).",
    );
    expect(bare?.description).toBe("Het veld parketnummer heeft een vast patroon (zie de technische bijlage).");
    expect(bare?.technical).toContain("[0-9]{2}/.*");
    for (const c of result.checks) if (c.finding) expect(c.finding).not.toMatch(REGEX);
  });

  it("refuses an example that does not fit the pattern, or that looks like personal data, before any row is read", async () => {
    await expect(
      run(
        `  - { id: past-niet, kind: pattern, table: zaken, column: parketnummer, pattern: "Z[0-9]+", example: "X1" }\n`,
      ),
    ).rejects.toMatchObject({ problems: [expect.objectContaining({ code: "example_does_not_fit", line: 7 })] });
    await expect(
      run(
        `  - { id: bsn, kind: pattern, table: zaken, column: parketnummer, pattern: "[0-9]{9}", example: "111222333" }\n`,
      ),
    ).rejects.toMatchObject({ problems: [expect.objectContaining({ code: "example_is_personal_data" })] });
  });

  it("gives every known pattern an example that fits it and is not personal data", () => {
    for (const known of knownPatterns) {
      expect(new RegExp(`^(?:${known.pattern})$`).test(known.example), known.name).toBe(true);
      expect(findPersonalData(known.example), known.name).toEqual([]);
    }
  });
});
