import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  attachDatasets,
  checkKinds,
  compileCheck,
  type DatasetColumns,
  DuckDbEngine,
  duckdbDialect,
  type LoadedSuite,
  loadSuite,
  type PlanContext,
  postgresDialect,
} from "../../src/index.js";
import { writeMiniData } from "../helpers/mini-data.js";
import { testPermit } from "../helpers/test-run.js";

const GOLDEN = join(import.meta.dirname, "../golden/sql");
let suite: LoadedSuite;
let plan: PlanContext;

beforeAll(async () => {
  suite = await loadSuite(join(import.meta.dirname, "mini-suite.yaml"), await writeMiniData());
  const engine = await DuckDbEngine.open();
  let columns: DatasetColumns;
  try {
    ({ columns } = await attachDatasets(engine, suite, await testPermit()));
  } finally {
    await engine.close();
  }
  plan = { referenceDate: "2025-06-30", columns };
});

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

describe.each([duckdbDialect, postgresDialect])("the SQL each check kind compiles to ($name)", (dialect) => {
  // The first check of each kind in the mini suite is that kind's example.
  it.each([...checkKinds])("%s", (kind) => {
    const check = suite.suite.checks.find((c) => c.kind === kind);
    expect(check, `mini-suite.yaml has no example of ${kind}`).toBeDefined();
    if (!check) return;
    expectGolden(`${kind}.${dialect.name}.sql`, compileCheck(suite, check, dialect, plan));
  });
});

describe("what is never pasted into SQL", () => {
  it("quotes hostile column names and values as data", () => {
    const check = suite.suite.checks.find((c) => c.id === "hostile-accepted");
    if (!check) throw new Error("hostile-accepted is missing from mini-suite.yaml");
    const sql = compileCheck(suite, check, postgresDialect, plan);
    expect(sql).toContain(`"straße; DROP"`);
    expect(sql).toContain(`'a''b'`);
    expect(sql).toContain(`"sleutel ""id"""`);
  });
});
