import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  checkRegistry,
  type DatasetProfile,
  DuckDbEngine,
  examplesNotInData,
  proposedExamples,
  shapeWords,
  starterSuite,
} from "../../src/index.js";
import { testDataDir, testPermit } from "../helpers/test-run.js";

/** A profile of one text column whose every value has the shape `shape`. */
function profileWith(shape: string): DatasetProfile {
  return {
    dataset: "meldingen",
    rows: 40,
    columns: [
      {
        name: "kenmerk",
        type: "VARCHAR",
        category: "text",
        empty: 0,
        empty_share: 0,
        distinct: 40,
        range: null,
        values: [],
        shapes: [{ value: shape, count: 40 }],
      },
    ],
  };
}

interface StarterCheck {
  kind: string;
  pattern?: string;
  explanation?: string;
  example?: string;
}

function patternCheck(yaml: string): StarterCheck | undefined {
  return (parse(yaml) as { checks: StarterCheck[] }).checks.find((c) => c.kind === "pattern");
}

describe("the starter suite's pattern checks", () => {
  it("say a known pattern in the registry's words, with its made-up example once the data is known not to hold it", () => {
    const profile = profileWith("99/999999-99");
    const yaml = starterSuite(profile, "meldingen.csv", { examplesNotInData: new Set(["kenmerk"]) });
    expect(patternCheck(yaml)).toMatchObject({
      explanation: "twee cijfers, een schuine streep, zes cijfers, een streepje en twee cijfers",
      example: "12/345678-90",
    });
    // The report reads the form, not "een vast patroon".
    const check = patternCheck(yaml);
    const described = checkRegistry.pattern.describe({ column: "kenmerk", ...check } as never);
    expect(described).toBe(
      "Het veld kenmerk heeft de vorm van een parketnummer: twee cijfers, een schuine streep, zes cijfers, een streepje en twee cijfers (bijvoorbeeld 12/345678-90).",
    );
  });

  it("read out a pattern derived from the data, with a value made up from its shape", () => {
    expect(shapeWords("AA-999 a")).toEqual({
      explanation: "twee hoofdletters, een streepje, drie cijfers, een spatie en een kleine letter",
      example: "AB-123 a",
    });
    const yaml = starterSuite(profileWith("AA-999"), "meldingen.csv", { examplesNotInData: new Set(["kenmerk"]) });
    expect(patternCheck(yaml)).toMatchObject({
      pattern: "[A-Z]{2}\\-[0-9]{3}",
      explanation: "twee hoofdletters, een streepje en drie cijfers",
      example: "AB-123",
    });
  });

  it("leave the example out, and say so, when the data holds it or nobody looked", () => {
    for (const options of [{ examplesNotInData: new Set<string>() }, {}]) {
      const yaml = starterSuite(profileWith("AA-999"), "meldingen.csv", options);
      const check = patternCheck(yaml);
      expect(check?.explanation).toBe("twee hoofdletters, een streepje en drie cijfers");
      expect(check?.example).toBeUndefined();
      expect(yaml).toMatch(/# Geen voorbeeld: .+\n\s+# Geef zelf een verzonnen voorbeeld/);
    }
  });

  it("look each made-up example up in the data: one that a row holds is never shown", async () => {
    const dir = await testDataDir("vorm-");
    const file = join(dir, "meldingen.csv");
    // The made-up value of the shape AA-999 is AB-123: here it is a real value.
    const values = ["AB-123", ...Array.from({ length: 39 }, (_, i) => `XY-${String(200 + i)}`)];
    await writeFile(file, `kenmerk\n${values.join("\n")}\n`);
    const engine = await DuckDbEngine.open();
    try {
      await (await testPermit()).attach(engine, { name: "meldingen", file });
      const examples = proposedExamples(profileWith("AA-999"));
      expect(examples).toEqual([{ column: "kenmerk", example: "AB-123" }]);
      expect(await examplesNotInData(engine, "meldingen", examples)).toEqual(new Set());
      expect(await examplesNotInData(engine, "meldingen", [{ column: "kenmerk", example: "AB-124" }])).toEqual(
        new Set(["kenmerk"]),
      );
      // An example that looks like personal data is never shown either, found in the data or not.
      expect(await examplesNotInData(engine, "meldingen", [{ column: "kenmerk", example: "111222333" }])).toEqual(
        new Set(),
      );
    } finally {
      await engine.close();
    }
  });
});
