import { describe, expect, it } from "vitest";
import { maskPersonalData } from "../../src/index.js";

describe("maskPersonalData", () => {
  it("masks a BSN that passes the 11-check, and leaves other nine-digit numbers alone", () => {
    expect(maskPersonalData("BSN 111222333 en zaak 123456789")).toBe("BSN [BSN verborgen] en zaak 123456789");
  });

  it("masks e-mail addresses, Dutch phone numbers and IBANs", () => {
    expect(maskPersonalData("Mail jan@voorbeeld.nl of bel 06-12345678 of +31 20 123 4567.")).toBe(
      "Mail [e-mailadres verborgen] of bel [telefoonnummer verborgen] of [telefoonnummer verborgen].",
    );
    expect(maskPersonalData("Rekening NL91ABNA0417164300.")).toBe("Rekening [IBAN verborgen].");
  });

  it("leaves dates, parketnummers and percentages as they are", () => {
    const text = "Op 2026-11-02 is parketnummer 13/123456-26 bekeken: 1,0% wijkt af.";
    expect(maskPersonalData(text)).toBe(text);
  });
});
