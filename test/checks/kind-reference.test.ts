import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkKinds, checkRegistry, kindParameters, renderKindReference, suiteSchema } from "../../src/index.js";
import { REPO, runCli } from "../helpers/cli.js";

describe("the reference of check kinds", () => {
  it("is in docs/soorten-controles.md exactly as the registry makes it (regenerate: npx livinglab kinds > docs/soorten-controles.md)", async () => {
    expect(await readFile(join(REPO, "docs/soorten-controles.md"), "utf8")).toBe(renderKindReference());
  });

  it("gives every kind a worked example that is a valid check of a suite", () => {
    for (const kind of checkKinds) {
      const { id, table, ...params } = checkRegistry[kind].example;
      const parsed = suiteSchema.safeParse({
        format: "livinglab-suite/2",
        name: "voorbeeld",
        datasets: { zaken: { key: "zaak_id" }, verdachten: { key: "verdachte_id" }, feiten: { key: "feit_id" } },
        checks: [{ id, kind, table, ...params }],
      });
      expect(parsed.success, `${kind}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it("shows each parameter with whether it is required and its default, from the schema", () => {
    expect(kindParameters("not_null")).toEqual([
      { name: "column", type: "tekst", required: true },
      { name: "blank_is_missing", type: "true of false", required: false, default: true },
    ]);
    expect(kindParameters("drift").find((p) => p.name === "window")).toEqual({
      name: "window",
      type: "geheel getal vanaf 1",
      required: false,
      default: 5,
    });
  });

  it("is what 'livinglab kinds' prints", () => {
    const cli = runCli(["kinds"]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toBe(renderKindReference());
  });
});
