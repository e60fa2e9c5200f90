import { describe, expect, it } from "vitest";
import { conditionHolds, describeCondition } from "../../src/templates/condition.js";

const root = { doel: { gebruiksniveau: "operationeel", kenmerken: ["leeftijd", "postcode"] } };

describe("conditions on answers", () => {
  it("compares with a sibling answer, also a cell in the same table row", () => {
    const row = { persoonsgegevens: true };
    expect(conditionHolds({ question: "persoonsgegevens", equals: true }, row, root)).toBe(true);
    expect(conditionHolds({ question: "persoonsgegevens", equals: true }, { persoonsgegevens: false }, root)).toBe(
      false,
    );
    expect(conditionHolds({ question: "persoonsgegevens", equals: true }, {}, root)).toBe(false);
  });

  it("looks up section.question anywhere in the experiment", () => {
    expect(conditionHolds({ question: "doel.gebruiksniveau", one_of: ["operationeel"] }, {}, root)).toBe(true);
    expect(conditionHolds({ question: "doel.kenmerken", contains: "postcode" }, {}, root)).toBe(true);
    expect(conditionHolds({ question: "doel.kenmerken", contains: "geslacht" }, {}, root)).toBe(false);
  });

  it("describes itself in Dutch for messages", () => {
    expect(describeCondition({ question: "persoonsgegevens", equals: true })).toBe("'persoonsgegevens' ja is");
    expect(describeCondition({ question: "oordeel", one_of: ["opschalen", "stoppen"] })).toBe(
      "'oordeel' een van 'opschalen', 'stoppen' is",
    );
  });
});
