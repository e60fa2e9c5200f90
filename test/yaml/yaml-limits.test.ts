import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isLivingLabError, loadSuite, openWorkspace, renderSite, validatePaths } from "../../src/index.js";
import { makeLab } from "../helpers/cli.js";
import { useTempDirs } from "../helpers/temp-dirs.js";

const tempDir = useTempDirs();

/** Nine aliases of nine aliases, six deep: 60 bytes a line, 9^6 values once expanded. */
const BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
  "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
  "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
  "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
  "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
].join("\n");

async function problemOf(load: Promise<unknown>): Promise<unknown> {
  const error = await load.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isLivingLabError(error), String(error)).toBe(true);
  return isLivingLabError(error) ? error.problems[0] : undefined;
}

describe("the YAML reader", () => {
  it("refuses an alias bomb in a suite with the line of its first alias", async () => {
    const file = join(await tempDir("livinglab-yaml-"), "suite.yaml");
    await writeFile(file, `format: livinglab-suite/2\n${BOMB}\n`);
    expect(await problemOf(loadSuite(file))).toMatchObject({ code: "yaml_too_many_aliases", file, line: 3 });
  });

  it("refuses a file larger than any suite a person writes, before reading it", async () => {
    const file = join(await tempDir("livinglab-yaml-"), "suite.yaml");
    await writeFile(file, `format: livinglab-suite/2\n# ${"x".repeat(9 * 1024 * 1024)}\n`);
    expect(await problemOf(loadSuite(file))).toMatchObject({ code: "yaml_too_large", file });
  });

  it("keeps validate and the site working for the rest of the lab when one experiment and one template are bombs", async () => {
    const lab = await makeLab(["om-datakwaliteit"]);
    await mkdir(join(lab, "experiments/bom"), { recursive: true });
    await writeFile(join(lab, "experiments/bom/experiment.yaml"), `schema: 1\n${BOMB}\n`);
    await mkdir(join(lab, "templates/bom"), { recursive: true });
    await writeFile(join(lab, "templates/bom/1.0.0.yaml"), `schema: 1\n${BOMB}\n`);
    const workspace = openWorkspace(lab);

    const report = await validatePaths(workspace);
    const bombs = report.problems.filter((p) => p.code === "yaml_too_many_aliases").map((p) => p.file);
    expect(bombs.sort()).toEqual(
      [join(lab, "experiments/bom/experiment.yaml"), join(lab, "templates/bom/1.0.0.yaml")].sort(),
    );
    expect(report.checked.find((c) => c.file.includes("om-datakwaliteit"))?.valid).toBe(true);

    const pages = await renderSite(workspace);
    expect(pages.has("experimenten/om-datakwaliteit/index.html")).toBe(true);
  });
});
