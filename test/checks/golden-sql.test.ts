import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkKinds, compileCheck, duckdbDialect, loadSuite, postgresDialect, sparkDialect } from "../../src/index.js";

const GOLDEN = join(import.meta.dirname, "../golden/sql");
const suite = await loadSuite(join(import.meta.dirname, "mini-suite.yaml"));
// The first check of each kind in the mini suite is that kind's example.
const examples = checkKinds.map((kind) => suite.suite.checks.find((c) => c.kind === kind));

/** Compares with the golden file; LIVINGLAB_UPDATE_GOLDEN=1 rewrites it, on purpose. */
function expectGolden(name: string, sql: string): void {
  const file = join(GOLDEN, name);
  if (process.env.LIVINGLAB_UPDATE_GOLDEN === "1") {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, `${sql}\n`);
  }
  expect(existsSync(file), `${name} is missing; write it with LIVINGLAB_UPDATE_GOLDEN=1`).toBe(true);
  expect(`${sql}\n`).toBe(readFileSync(file, "utf8"));
}

describe.each([duckdbDialect, postgresDialect, sparkDialect])(
  "the SQL each check kind compiles to ($name)",
  (dialect) => {
    it.each(checkKinds.map((kind, i) => [kind, examples[i]] as const))("%s", (kind, check) => {
      expect(check, `mini-suite.yaml has no example of ${kind}`).toBeDefined();
      if (!check) return;
      expectGolden(`${kind}.${dialect.name}.sql`, compileCheck(suite, check, dialect, "2025-06-30"));
    });
  },
);

describe("what is never pasted into SQL", () => {
  it("quotes hostile column names and values as data", () => {
    const check = suite.suite.checks.find((c) => c.id === "hostile-accepted");
    if (!check) throw new Error("hostile-accepted is missing from mini-suite.yaml");
    const sql = compileCheck(suite, check, postgresDialect, "2025-06-30");
    expect(sql).toContain(`"straße; DROP"`);
    expect(sql).toContain(`'a''b'`);
    expect(sql).toContain(`"sleutel ""id"""`);
  });
});
