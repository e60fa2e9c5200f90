import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeLab, runCli } from "../helpers/cli.js";

describe("livinglab site --out", () => {
  it("refuses a file as the site's folder, in Dutch, and leaves the file alone", async () => {
    const lab = await makeLab([]);
    const file = join(lab, "notities.txt");
    await writeFile(file, "eigen aantekeningen\n");
    const run = runCli(["site", "--out", file, "--root", lab]);
    expect(run.stderr).toContain("(site_out_is_file)");
    expect(run.code).toBe(3);
    expect(run.stderr).not.toMatch(/Interne fout|\n\s+at /);
    expect(await readFile(file, "utf8")).toBe("eigen aantekeningen\n");
  });
});
