import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { datasheetSchema, generateOm } from "../../src/index.js";
import { REPO, runCli } from "../helpers/cli.js";
import { useTempDirs } from "../helpers/temp-dirs.js";

const tempDir = useTempDirs();

/** Compares with a golden file; run with UPDATE_GOLDEN=1 to rewrite it on purpose. */
async function expectGolden(name: string, text: string): Promise<void> {
  const file = join(REPO, "test/golden", name);
  if (process.env.UPDATE_GOLDEN === "1") await writeFile(file, text);
  expect(text).toBe(await readFile(file, "utf8"));
}

describe("livinglab synth", () => {
  it("explains its options in Dutch", async () => {
    const run = runCli(["synth", "--help"]);
    expect(run.code).toBe(0);
    await expectGolden("synth-help.txt", run.stdout);
  });

  it("writes the tables, the ground truth and the datasheet, and says so", async () => {
    const dir = await tempDir("livinglab-synth-cli-");
    const out = join(dir, "data");
    const run = runCli([
      "synth",
      "--out",
      out,
      "--zaken",
      "1_000",
      "--seed",
      "4",
      "--as-of",
      "2026-06-30",
      "--defects",
      "all",
      "--csv",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✓ 1\d{3} zaken, \d+ feiten en \d+ verdachten in /);
    for (const table of ["verdachten", "zaken", "feiten", "ground_truth"]) {
      expect(existsSync(join(out, `${table}.parquet`))).toBe(true);
      expect(existsSync(join(out, `${table}.csv`))).toBe(true);
    }
    const sheet = datasheetSchema.parse(JSON.parse(await readFile(join(out, "datasheet.json"), "utf8")));
    expect(sheet.arguments).toEqual({ zaken: 1000, seed: 4, as_of: "2026-06-30", defects: "all", csv: true });
    expect(await readFile(join(out, "datasheet.md"), "utf8")).toContain("--defects all --csv");
  });

  it("makes the same bytes in another time zone as the library does here", async () => {
    const base = await tempDir("livinglab-synth-cli-");
    const args = { zaken: 700, seed: 9, asOf: "2026-03-29", defects: "all" } as const;
    await generateOm({ ...args, out: join(base, "here") });
    const run = runCli(
      [
        "synth",
        "--out",
        join(base, "there"),
        "--zaken",
        "700",
        "--seed",
        "9",
        "--as-of",
        "2026-03-29",
        "--defects",
        "all",
      ],
      { env: { TZ: "Pacific/Kiritimati" } },
    );
    expect(run.code).toBe(0);
    for (const name of await readdir(join(base, "here"))) {
      const here = await readFile(join(base, "here", name));
      expect({ name, same: here.equals(await readFile(join(base, "there", name))) }).toEqual({ name, same: true });
    }
  });

  it("reads rates from a defects file in JSON", async () => {
    const out = join(await tempDir("livinglab-synth-cli-"), "data");
    const file = "test/fixtures/synth/defecten-pii.json";
    const run = runCli([
      "synth",
      "--out",
      out,
      "--zaken",
      "800",
      "--seed",
      "1",
      "--as-of",
      "2026-06-30",
      "--defects",
      file,
    ]);
    expect(run.code).toBe(0);
    const sheet = datasheetSchema.parse(JSON.parse(await readFile(join(out, "datasheet.json"), "utf8")));
    const counted = sheet.defects.filter((d) => d.count > 0).map((d) => d.kind);
    expect(counted).toEqual(["pii_in_remark"]);
    expect(sheet.arguments.defects).toBe(file);
  });

  it("reports every mistake in a defects file with line, column and a hint, and writes nothing", async () => {
    const out = join(await tempDir("livinglab-synth-cli-"), "data");
    const file = "test/fixtures/synth/defecten-fout.yaml";
    const run = runCli([
      "synth",
      "--out",
      out,
      "--zaken",
      "100",
      "--seed",
      "1",
      "--as-of",
      "2026-06-30",
      "--defects",
      file,
    ]);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    await expectGolden("synth-defects-file-errors.txt", run.stderr);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses missing or malformed options with exit 3 and no stack trace", () => {
    const run = runCli(["synth", "--zaken", "veel", "--as-of", "2026-02-30"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("De optie --out ontbreekt.");
    expect(run.stderr).toContain("De optie --seed ontbreekt.");
    expect(run.stderr).toContain("--zaken moet een geheel getal zijn, niet 'veel'.");
    expect(run.stderr).not.toMatch(/\n\s+at /);

    const date = runCli(["synth", "--out", "x", "--zaken", "10", "--seed", "1", "--as-of", "2026-02-30"]);
    expect(date.code).toBe(3);
    expect(date.stderr).toContain("De peildatum '2026-02-30' is geen geldige datum.");
  });
});
