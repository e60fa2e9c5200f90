import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  DuckDbEngine,
  type Engine,
  isLivingLabError,
  loadIntoPostgres,
  loadSuite,
  PostgresEngine,
  parsePortableRegex,
  runSuite,
  type SuiteResult,
} from "../../src/index.js";
import { fileDatabase } from "../helpers/postgres-database.js";
import { testDataDir, testPermit } from "../helpers/test-run.js";

const VALUES = ["12", "123", "x", "ax", "a\nb", "é", "١", "a-b", "A_9", " ", "[x]", "a.b", "ab", "AB", "a{2}"];
const PATTERNS = [
  "[0-9]{2}|x",
  "a.b",
  "\\w+",
  "[[:alpha:]]+",
  "\\d",
  "[^a]",
  "a\\-b|\\[x\\]",
  "\\s",
  "[a-c.]+",
  "(a|b)+",
  "a?b*",
  ".*",
  "[[:upper:]]{2}",
  "a\\{2\\}",
  "^ab$",
  "(?:A|a)_?[0-9B]",
];

let dir: string;

async function suiteFile(name: string, patterns: string[]): Promise<string> {
  const file = join(dir, `${name}.yaml`);
  const checks = patterns.map(
    (pattern, i) => `  - { id: p${i}, kind: pattern, table: teksten, column: t, pattern: ${JSON.stringify(pattern)} }`,
  );
  await writeFile(
    file,
    [
      "format: livinglab-suite/2",
      `name: ${name}`,
      "datasets:",
      "  teksten: { file: teksten.parquet, key: id }",
      "checks:",
      ...checks,
    ].join("\n"),
  );
  return file;
}

async function run(engine: Engine, file: string): Promise<SuiteResult> {
  try {
    return (await runSuite(engine, await loadSuite(file), await testPermit())).result;
  } finally {
    await engine.close();
  }
}

beforeAll(async () => {
  dir = await testDataDir("regex-");
  const engine = await DuckDbEngine.open();
  try {
    const rows = VALUES.map((v, i) => `(${i}, '${v.replaceAll("'", "''")}')`).join(", ");
    const file = join(dir, "teksten.parquet");
    await engine.query(`COPY (SELECT * FROM (VALUES ${rows}) AS t(id, t)) TO '${file}' (FORMAT parquet)`);
  } finally {
    await engine.close();
  }
  await loadIntoPostgres(
    await testPermit(),
    { name: "teksten", file: join(dir, "teksten.parquet") },
    { table: "teksten", pgUrl: await fileDatabase() },
  );
});

describe("a pattern", () => {
  it("cannot escape its anchoring: an unbalanced ')|(' is refused when the suite is read", async () => {
    const file = await suiteFile("ontsnapping", ["[0-9]{9})|(.*"]);
    const error = await loadSuite(file).catch((e: unknown) => e);
    expect(isLivingLabError(error)).toBe(true);
    if (!isLivingLabError(error)) return;
    expect(error.problems).toEqual([
      expect.objectContaining({ code: "invalid_pattern", file, line: 6, path: ["checks", 0, "pattern"] }),
    ]);
    expect(error.problems[0]?.message).toContain("teken 9");
  });

  it("matches the whole value as one group on both engines", async () => {
    const file = await suiteFile("groep", ["[0-9]{2}|x"]);
    const flagged = (r: SuiteResult) => r.checks[0]?.failing_count;
    const keep = VALUES.filter((v) => v !== "12" && v !== "x").length;
    expect(flagged(await run(await DuckDbEngine.open(), file))).toBe(keep);
    expect(flagged(await run(await PostgresEngine.connect(await fileDatabase()), file))).toBe(keep);
  });

  it("means the same on DuckDB and PostgreSQL, line breaks and letters outside ASCII included", async () => {
    const file = await suiteFile("gelijk", PATTERNS);
    const duck = await run(await DuckDbEngine.open(), file);
    const pg = await run(await PostgresEngine.connect(await fileDatabase()), file);
    const shown = (r: SuiteResult) => r.checks.map((c) => `${PATTERNS[Number(c.id.slice(1))]}: ${c.failing_count}`);
    expect(shown(pg)).toEqual(shown(duck));
    // \d is [0-9]: an Arabic-Indic digit is not one, on either engine.
    expect(duck.checks[4]?.failing_count).toBe(VALUES.length);
  });

  it.each([
    ["(a", "wordt nergens gesloten"],
    ["a)", "')' zonder '('"],
    ["a**", "Twee herhalingen"],
    ["*a", "er staat niets voor"],
    ["a{256}", "hoogstens 255"],
    ["a{3,2}", "kleiner dan het eerste"],
    ["[z-a]", "loopt achteruit"],
    ["(?i)a", "Alleen gewone groepen"],
    ["(?=a)", "Alleen gewone groepen"],
    ["\\bword", "niet in beide databases"],
    ["(a)\\1", "niet in beide databases"],
    ["[[:word:]]", "werkt niet in beide databases"],
    ["[a", "wordt nergens gesloten"],
    ["a\\", "eindigt met"],
    ["a{x}", "Een '{' begint"],
    ["a]", "Een losse ']'"],
  ])("%s is refused with a reason", (pattern, reason) => {
    const parsed = parsePortableRegex(pattern);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.mistake.message).toContain(reason);
  });

  it("is written in one canonical form with ASCII classes", () => {
    expect(parsePortableRegex("\\d{2}/\\w+\\.[[:upper:]]")).toEqual({
      ok: true,
      canonical: "[0-9]{2}/[0-9A-Za-z_]+\\.[A-Z]",
    });
    expect(parsePortableRegex("[]a^-]")).toEqual({ ok: true, canonical: "[\\]a\\^\\-]" });
    // A sign escaped without need is the sign itself: `\/` and `/` are one pattern.
    expect(parsePortableRegex("[0-9]{2}\\/[0-9]{6}\\-[0-9]{2}\\.")).toEqual({
      ok: true,
      canonical: "[0-9]{2}/[0-9]{6}-[0-9]{2}\\.",
    });
  });
});
