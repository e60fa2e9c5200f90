import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeLab, runCli } from "../helpers/cli.js";

describe("validating an experiment file", () => {
  it("passes for the example experiment", async () => {
    const lab = await makeLab();
    const run = runCli(["validate", "--root", lab], { cwd: lab });
    expect(run.stdout).toContain("✓ experiment experiments/om-datakwaliteit/experiment.yaml");
    expect(run.code).toBe(0);
  });

  it("reports every problem at once with file, line, column and a hint", async () => {
    const lab = await makeLab();
    const file = join(lab, "experiments/om-datakwaliteit/experiment.yaml");
    const { readFile } = await import("node:fs/promises");
    const text = (await readFile(file, "utf8"))
      .replace("  opdrachtgever: Hoofd", "  opdrachtgevr: Hoofd")
      .replace(
        "    status: voldaan\n    toelichting: De userstory",
        "    status: voldaan\n    besloten: x\n    toelichting: De userstory",
      );
    await writeFile(file, text);
    const run = runCli(["validate", "--root", lab]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/experiment\.yaml:9:3 {2}userstory\.opdrachtgevr {2}Onbekend veld 'opdrachtgevr'/);
    expect(run.stderr).toContain("Bedoelt u 'opdrachtgever'?");
    expect(run.stderr).toMatch(
      /userstory\.opdrachtgever {2}De verplichte vraag 'Opdrachtgever \(rol en naam\)' is niet beantwoord/,
    );
    expect(run.stderr).toContain("principes.doel.besloten");
    expect(run.stderr).toContain("3 problemen gevonden.");
  });

  it("reports a YAML syntax error at its line", async () => {
    const lab = await makeLab();
    await writeFile(join(lab, "experiments/om-datakwaliteit/experiment.yaml"), "template: x\nid: [open\n");
    const run = runCli(["validate", "--root", lab]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/experiment\.yaml:\d+:\d+ {2}De YAML is niet geldig/);
  });
});
