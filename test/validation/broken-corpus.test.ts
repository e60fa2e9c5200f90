import { cp, mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { formatValidation, openWorkspace, validatePaths } from "../../src/index.js";
import { REPO } from "../helpers/cli.js";

const CORPUS = join(import.meta.dirname, "corpus");
const GOLDEN = "expected.txt";

/** Every file of a case (its overlay on the catalog), relative to the case folder. */
async function overlayFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name !== GOLDEN)
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const cases = (await readdir(CORPUS)).sort();

describe("validate on a corpus of broken experiment and template files", () => {
  it("has at least 20 cases, each a different mistake", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)("%s", async (name) => {
    const lab = await mkdtemp(join(tmpdir(), "livinglab-corpus-"));
    await cp(join(REPO, "templates"), join(lab, "templates"), { recursive: true });
    const files = await overlayFiles(join(CORPUS, name));
    for (const file of files) await cp(join(CORPUS, name, file), join(lab, file));

    const report = await validatePaths(openWorkspace(lab), files, lab);
    const { out, err } = formatValidation(report, lab);

    expect(report.problems.length).toBeGreaterThan(0);
    for (const problem of report.problems) {
      expect(problem.file, problem.message).toBeDefined();
      expect(problem.line, problem.message).toBeGreaterThan(0);
      expect(problem.column, problem.message).toBeGreaterThan(0);
      expect(problem.hint, problem.message).toBeTruthy();
    }
    // Golden file: what the user reads. Update on purpose only: npx vitest run -u test/validation
    await expect(`${out}\n--- problemen ---\n${err}\n`).toMatchFileSnapshot(join(CORPUS, name, GOLDEN));
  });
});
