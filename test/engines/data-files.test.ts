import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DuckDbEngine, isLivingLabError, loadSuite, runSuite } from "../../src/index.js";
import { runCli } from "../helpers/cli.js";
import { testDataDir, testLab, testPermit } from "../helpers/test-run.js";

/** Values in the files below; none may appear in a problem. */
const SECRET = "Jansen";
let dir: string;

async function suiteFor(data: string, folder = dir): Promise<string> {
  const file = join(folder, `${data}.yaml`);
  await writeFile(
    file,
    [
      "format: livinglab-suite/2",
      "name: levering",
      "datasets:",
      `  zaken: { file: ${JSON.stringify(join(dir, data))}, key: zaak_id }`,
      "checks:",
      "  - { id: status-ingevuld, kind: not_null, table: zaken, column: status }",
    ].join("\n"),
  );
  return file;
}

beforeAll(async () => {
  dir = await testDataDir("data-files-");
  const engine = await DuckDbEngine.open();
  const good = join(dir, "goed.parquet");
  try {
    await engine.query(
      `COPY (SELECT 'Z' || i AS zaak_id, '${SECRET} ' || md5(i::VARCHAR) AS status FROM range(50000) AS t(i)) TO '${good}' (FORMAT parquet, COMPRESSION zstd)`,
    );
  } finally {
    await engine.close();
  }
  const bytes = await readFile(good);
  await writeFile(join(dir, "leeg.parquet"), "");
  await writeFile(join(dir, "afgebroken.parquet"), bytes.subarray(0, Math.floor(bytes.length / 2)));
  const broken = Buffer.from(bytes);
  for (let i = 1000; i < bytes.length / 2; i += 7) broken[i] = 0x5a;
  await writeFile(join(dir, "beschadigd.parquet"), broken);
  await writeFile(join(dir, "tekst.parquet"), `zaak_id,status\nZ1,${SECRET}\n`);
  await writeFile(
    join(dir, "latin1.csv"),
    Buffer.from(`zaak_id,status\nZ1,open\nZ2,${SECRET} b\xe9\xe9ld\n`, "latin1"),
  );
  await writeFile(
    join(dir, "utf16.csv"),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`zaak_id,status\nZ1,${SECRET}\n`, "utf16le")]),
  );
  await writeFile(join(dir, "utf16-zonder-bom.csv"), Buffer.from(`zaak_id,status\nZ1,${SECRET}\n`, "utf16le"));
  await writeFile(join(dir, "lang-veld.csv"), `zaak_id,status\nZ1,open\nZ2,${SECRET}${"x".repeat(3 * 1024 * 1024)}\n`);
  await writeFile(join(dir, "leeg.csv"), "");
});

describe("a data file that cannot be read", () => {
  it.each([
    ["leeg.parquet", "data_file_empty"],
    ["afgebroken.parquet", "parquet_unreadable"],
    ["beschadigd.parquet", "parquet_unreadable"],
    ["tekst.parquet", "parquet_unreadable"],
    ["latin1.csv", "csv_not_utf8"],
    ["utf16.csv", "csv_not_utf8"],
    ["utf16-zonder-bom.csv", "csv_not_utf8"],
    ["lang-veld.csv", "csv_line_too_long"],
    ["leeg.csv", "data_file_empty"],
    ["bestaat-niet.parquet", "data_file_missing"],
  ])("%s is a coded problem that names the file and quotes nothing from it", async (data, code) => {
    const engine = await DuckDbEngine.open();
    const error = await runSuite(engine, await loadSuite(await suiteFor(data)), await testPermit())
      .catch((e: unknown) => e)
      .finally(() => engine.close());
    expect(isLivingLabError(error), String(error).slice(0, 300)).toBe(true);
    if (!isLivingLabError(error)) return;
    expect(error.problems).toEqual([expect.objectContaining({ code, file: join(dir, data) })]);
    expect(error.problems[0]?.hint).toBeTruthy();
    expect(JSON.stringify(error.problems)).not.toContain(SECRET);
  });

  it("stops the check command with exit 3, in Dutch, without a stack trace", async () => {
    // The lab whose experiment holds the data: the door reads data only there.
    const lab = await testLab();
    const suite = await suiteFor("beschadigd.parquet", join(lab, "experiments/om-datakwaliteit"));
    const run = runCli(["check", suite, "--justification", "Proef met een beschadigde levering."]);
    expect(run.stderr).toContain("(parquet_unreadable)");
    expect(run.code).toBe(3);
    expect(run.stderr).not.toMatch(/Interne fout|\n\s+at /);
  });
});
