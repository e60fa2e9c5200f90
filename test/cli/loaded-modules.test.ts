import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateOm } from "../../src/index.js";
import { runCli } from "../helpers/cli.js";
import { testLab } from "../helpers/test-run.js";

const WHY = "Test van wat de opdrachtregel laadt: alleen de engine van de run, geen grafieken.";

/** A loader hook that writes down every module the process loads, one URL per line. */
const HOOK = `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  appendFileSync(process.env.LIVINGLAB_TEST_LOADED, url + "\\n");
  return next(url, context);
}
`;

let lab: string;
let suite: string;

beforeAll(async () => {
  lab = await testLab();
  suite = join(lab, "experiments/om-datakwaliteit/suite.yaml");
  await generateOm({
    out: join(lab, "experiments/om-datakwaliteit/data"),
    zaken: 300,
    seed: 2,
    asOf: "2026-06-30",
    defects: "none",
  });
  await writeFile(join(lab, "hook.mjs"), HOOK);
  await writeFile(
    join(lab, "register.mjs"),
    `import { register } from "node:module";\nregister(${JSON.stringify(`file://${join(lab, "hook.mjs")}`)});\n`,
  );
});

/** The packages (from node_modules) a CLI call loaded. */
async function packagesLoadedBy(args: string[], name: string): Promise<Set<string>> {
  const list = join(lab, `${name}.txt`);
  await writeFile(list, "");
  const run = runCli(args, {
    env: { NODE_OPTIONS: `--import ${join(lab, "register.mjs")}`, LIVINGLAB_TEST_LOADED: list },
  });
  expect(run.code, run.stderr).toBeLessThan(3);
  const urls = (await readFile(list, "utf8")).split("\n");
  return new Set(urls.flatMap((url) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []));
}

// Loading every client library and the chart library cost each call of the command about a
// second of CPU, as much as checking a million rows takes on DuckDB.
describe("what a command loads", () => {
  it("check on DuckDB loads DuckDB, and neither the other engines' clients nor the chart library", async () => {
    const loaded = await packagesLoadedBy(["check", suite, "--justification", WHY], "check");
    expect(loaded.has("@duckdb/node-api")).toBe(true);
    for (const other of ["pg", "@grpc/grpc-js", "apache-arrow", "hive-driver", "@observablehq/plot", "linkedom"]) {
      expect(loaded.has(other), other).toBe(false);
    }
  });

  it("log loads no engine at all", async () => {
    const loaded = await packagesLoadedBy(["log", "om-datakwaliteit", "--root", lab], "log");
    expect(loaded.has("yaml") || loaded.has("zod")).toBe(true);
    for (const engine of ["@duckdb/node-api", "pg", "@grpc/grpc-js", "@observablehq/plot"]) {
      expect(loaded.has(engine), engine).toBe(false);
    }
  });
});
