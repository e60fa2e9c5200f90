import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  checkSuite,
  duckdbSettings,
  generateOm,
  isLivingLabError,
  type LivingLabError,
  PostgresEngine,
} from "../../src/index.js";
import { makeLab, runCli } from "../helpers/cli.js";

const WHY = "Test: een tip in een notebook noemt de optie van de functie, niet die van de opdrachtregel.";

/** What a notebook shows for a failing cell: Node's inspection of the thrown error. */
async function shownInNotebook(call: () => Promise<unknown>): Promise<string> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isLivingLabError(error), String(error)).toBe(true);
  return inspect(error as LivingLabError);
}

const synth = { seed: 1, asOf: "2026-06-30", defects: "none" } as const;

describe("a problem's hint in a notebook names the library's option, not the command line's flag", () => {
  it.each([
    {
      name: "an output folder that cannot be made",
      call: async () => {
        const lab = await makeLab();
        await writeFile(join(lab, "bestand"), "geen map\n");
        return generateOm({ ...synth, out: join(lab, "bestand", "data"), zaken: 10 });
      },
      notebook: "Kies met out een map",
      cli: "--out",
    },
    {
      name: "a number of cases out of range",
      call: async () => generateOm({ ...synth, out: "/nergens", zaken: 0 }),
      notebook: "Geef bijvoorbeeld zaken: 1000.",
      cli: "--zaken",
    },
    {
      name: "an amount of memory that is not one",
      call: async () => duckdbSettings({ memoryLimit: "veel" }),
      notebook: "resources: { memoryLimit }",
      cli: "--memory",
    },
    {
      name: "a PostgreSQL server that does not answer",
      call: async () => PostgresEngine.connect("postgres://nobody@127.0.0.1:9/geen"),
      notebook: 'pgUrl: "postgres://gebruiker@host:poort/database"',
      cli: "--pg-url",
    },
    {
      name: "a data file that is not there",
      call: async () => {
        const lab = await makeLab();
        const suite = join(lab, "experiments", "om-datakwaliteit", "weg.yaml");
        await mkdir(join(lab, "experiments", "om-datakwaliteit", "data"), { recursive: true });
        await writeFile(
          suite,
          "format: livinglab-suite/2\nname: weg\ndatasets:\n  zaken: { file: data/weg.parquet, key: zaak_id }\nchecks:\n  - { id: a, kind: row_count, table: zaken, min: 1 }\n",
        );
        return checkSuite({ suite, justification: WHY });
      },
      notebook: "geef met dataDir de map",
      cli: "--data",
    },
  ])("$name", async ({ call, notebook, cli }) => {
    const shown = await shownInNotebook(call);
    expect(shown).toContain(notebook);
    expect(shown).not.toContain(cli);
    expect(shown).not.toMatch(/\n\s+at /);
  });

  it("keeps the flag on the command line", () => {
    const run = runCli(["synth", "--out", "x", "--zaken", "0", "--seed", "1", "--as-of", "2026-06-30"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("tip: Geef bijvoorbeeld --zaken 1000.");
  });
});
