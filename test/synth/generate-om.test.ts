import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Datasheet, datasheetSchema, defectKinds, generateOm, type SynthOptions } from "../../src/index.js";
import { findDefects, groundTruth, type Hit, openGenerated } from "../helpers/defect-conditions.js";
import { useTempDirs } from "../helpers/temp-dirs.js";

const tempDir = useTempDirs();

const AS_OF = "2026-06-30";

async function generate(options: Omit<SynthOptions, "out">): Promise<{ dir: string; sheet: Datasheet }> {
  const dir = await tempDir("livinglab-synth-");
  await generateOm({ ...options, out: dir });
  const sheet = datasheetSchema.parse(JSON.parse(await readFile(join(dir, "datasheet.json"), "utf8")));
  return { dir, sheet };
}

async function hashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    out[name] = createHash("sha256")
      .update(await readFile(join(dir, name)))
      .digest("hex");
  }
  return out;
}

async function defectsAndTruth(dir: string, sheet: Datasheet, format: "parquet" | "csv" = "parquet") {
  const engine = await openGenerated(dir, format);
  try {
    return {
      found: await findDefects(engine, sheet.arguments.as_of, sheet.code_lists),
      truth: await groundTruth(engine),
    };
  } finally {
    engine.close();
  }
}

describe("the synthetic OM data: determinism", () => {
  it("gives the same bytes for the same arguments, and other data for another seed", async () => {
    const options = { zaken: 1500, seed: 7, asOf: AS_OF, defects: "all", csv: true } as const;
    const first = await generate(options);
    const second = await generate(options);
    const other = await generate({ ...options, seed: 8 });

    const a = await hashes(first.dir);
    expect(Object.keys(a)).toEqual([
      "datasheet.json",
      "datasheet.md",
      "feiten.csv",
      "feiten.parquet",
      "ground_truth.csv",
      "ground_truth.parquet",
      "verdachten.csv",
      "verdachten.parquet",
      "zaken.csv",
      "zaken.parquet",
    ]);
    expect(await hashes(second.dir)).toEqual(a);
    const b = await hashes(other.dir);
    for (const name of ["zaken.parquet", "feiten.parquet", "verdachten.parquet", "ground_truth.parquet"]) {
      expect(b[name]).not.toBe(a[name]);
    }
  });
});

describe("the synthetic OM data: clean with --defects none", () => {
  it("holds no row that meets any defect condition, and an empty ground truth", async () => {
    const { dir, sheet } = await generate({ zaken: 6000, seed: 11, asOf: "2024-02-29", defects: "none" });
    const { found, truth } = await defectsAndTruth(dir, sheet);
    expect(Object.keys(found).sort()).toEqual([...defectKinds].sort());
    for (const kind of defectKinds) expect({ kind, hits: found[kind] }).toEqual({ kind, hits: [] });
    expect(truth).toEqual({});
    expect(sheet.defects.every((d) => d.count === 0 && d.rate === 0)).toBe(true);
    // Not even on the reference date itself, so a check using >= or comparing timestamps finds nothing.
    const engine = await openGenerated(dir);
    const [latest] = await engine.query(`
      SELECT greatest(max(pleegdatum), max(instroomdatum), max(afdoeningsdatum), max(CAST(laatst_gewijzigd AS DATE)),
                      (SELECT max(pleegdatum) FROM feiten))::VARCHAR AS day FROM zaken`);
    engine.close();
    expect(latest?.day).toBe("2024-02-28");
  });
});

describe("the synthetic OM data: the ground truth names exactly the defective rows", () => {
  const cases = {
    "--defects all": { zaken: 5000, seed: 3, asOf: AS_OF, defects: "all" },
    "high rates from a file": {
      zaken: 2500,
      seed: 5,
      asOf: "2025-12-31",
      defects: Object.fromEntries(defectKinds.map((kind) => [kind, kind === "group_completeness_gap" ? 0.5 : 0.03])),
    },
  } satisfies Record<string, Omit<SynthOptions, "out">>;

  for (const [name, options] of Object.entries(cases)) {
    describe(name, () => {
      let found: Record<string, Hit[]> = {};
      let truth: Record<string, Hit[]> = {};
      let sheet: Datasheet;
      beforeAll(async () => {
        const generated = await generate({ ...options, csv: true });
        sheet = generated.sheet;
        ({ found, truth } = await defectsAndTruth(generated.dir, sheet));
        const fromCsv = await defectsAndTruth(generated.dir, sheet, "csv");
        expect(fromCsv.found).toEqual(found);
      });

      it.each(defectKinds)("%s: the rows SQL finds are the rows the ground truth lists", (kind) => {
        expect(found[kind]?.length ?? 0).toBeGreaterThan(0);
        expect(found[kind]).toEqual(truth[kind]);
        expect(sheet.defects.find((d) => d.kind === kind)?.count).toBe(truth[kind]?.length);
      });

      it("gives each affected row one kind only (both copies of a duplicate count as two rows)", () => {
        const kindsPerRow = new Map<string, Set<string>>();
        for (const [kind, hits] of Object.entries(truth)) {
          for (const hit of hits) {
            const key = `${hit.table_name}:${hit.row_key}`;
            kindsPerRow.set(key, (kindsPerRow.get(key) ?? new Set()).add(kind));
          }
        }
        const mixed = [...kindsPerRow].filter(([, kinds]) => kinds.size > 1);
        expect(mixed).toEqual([]);
      });
    });
  }
});

describe("the datasheet", () => {
  it("matches the files: row counts, columns in order with their types, hashes", async () => {
    const { dir, sheet } = await generate({ zaken: 1200, seed: 21, asOf: AS_OF, defects: "all" });
    const engine = await openGenerated(dir);
    try {
      const sqlTypes = { text: "VARCHAR", integer: "INTEGER", date: "DATE", timestamp: "TIMESTAMP" };
      for (const table of ["verdachten", "zaken", "feiten", "ground_truth"]) {
        const [count] = await engine.query(`SELECT count(*) AS n FROM ${table}`);
        expect({ table, rows: count?.n }).toEqual({ table, rows: sheet.row_counts[table] });
        const described = await engine.query(`DESCRIBE ${table}`);
        const declared = sheet.tables[table]?.columns.map((c) => [c.name, sqlTypes[c.type]]);
        expect(described.map((c) => [c.column_name, c.column_type])).toEqual(declared);
      }
    } finally {
      engine.close();
    }
    for (const file of sheet.files) {
      const bytes = await readFile(join(dir, file.name));
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(file.sha256);
      expect(bytes.length).toBe(file.bytes);
    }
    const markdown = await readFile(join(dir, "datasheet.md"), "utf8");
    for (const table of Object.values(sheet.tables)) {
      for (const column of table.columns) expect(markdown).toContain(`\`${column.name}\``);
    }
    for (const kind of defectKinds) expect(markdown).toContain(`\`${kind}\``);
    expect(markdown).toContain(`| zaken | ${sheet.row_counts.zaken} |`);
    expect(markdown).toContain("| Amsterdam | 13 |");
  });
});

describe("stopping the generator", () => {
  it("stops at the signal between chunks, writes no data and removes its temporary files", async () => {
    const dir = await tempDir("livinglab-synth-stop-");
    const stop = new AbortController();
    const seen: number[] = [];
    const error = await generateOm({
      out: dir,
      zaken: 500_000,
      seed: 1,
      asOf: AS_OF,
      defects: "all",
      signal: stop.signal,
      onProgress: (made) => {
        seen.push(made);
        stop.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ problems: [{ code: "interrupted" }] });
    expect(seen).toEqual([50_000]);
    expect(await readdir(dir)).toEqual([]);
  });
});
