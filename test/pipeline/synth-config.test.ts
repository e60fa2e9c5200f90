import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { datasheetSchema, defectSpecFrom, generateOm, isLivingLabError, readSynthConfig } from "../../src/index.js";
import { useTempDirs } from "../helpers/temp-dirs.js";

const tempDir = useTempDirs();

describe("an experiment's synth.yaml", () => {
  it("can name a defects file next to it, and the datasheet records it", async () => {
    const dir = await tempDir("livinglab-synth-config-");
    await writeFile(
      join(dir, "synth.yaml"),
      "generator: om\nzaken: 600\nseed: 2\nas_of: 2026-06-30\ndefects: defecten.yaml\ncsv: true\n",
    );
    await writeFile(join(dir, "defecten.yaml"), "format: livinglab-defects/1\nrates:\n  stale_open_case: 0.05\n");
    const config = await readSynthConfig(dir);
    if (!config) throw new Error("synth.yaml not read");
    const made = await generateOm({
      out: join(dir, config.out),
      zaken: config.zaken,
      seed: config.seed,
      asOf: config.as_of,
      defects: await defectSpecFrom(config.defects, dir),
      defectsLabel: config.defects,
      csv: config.csv,
    });
    expect(made.defectCounts.stale_open_case).toBeGreaterThan(0);
    const others = Object.entries(made.defectCounts).filter(([kind, n]) => kind !== "stale_open_case" && n > 0);
    expect(others).toEqual([]);
    const sheet = datasheetSchema.parse(JSON.parse(await readFile(join(dir, "data/datasheet.json"), "utf8")));
    expect(sheet.arguments.defects).toBe("defecten.yaml");
    expect(sheet.files.map((f) => f.name)).toContain("zaken.csv");
  });

  it("points at the line of a bad rate in the defects file", async () => {
    const dir = await tempDir("livinglab-synth-config-");
    const file = join(dir, "defecten.yaml");
    await writeFile(file, "format: livinglab-defects/1\nrates:\n  future_date: -0.1\n");
    const error = await defectSpecFrom("defecten.yaml", dir).catch((e: unknown) => e);
    expect(isLivingLabError(error)).toBe(true);
    if (!isLivingLabError(error)) return;
    expect(error.problems).toMatchObject([{ file, line: 3, path: ["rates", "future_date"] }]);
    expect(error.problems[0]?.message).toContain("Een kans kan niet negatief zijn");
  });
});
