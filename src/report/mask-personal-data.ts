/** What the masker recognises in free text, with the placeholder a reader sees instead. */
const detectors = [
  {
    label: "e-mailadres",
    pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu,
    accept: () => true,
  },
  {
    label: "IBAN",
    pattern: /\b[A-Z]{2}\d{2}[ ]?[A-Z]{4}(?:[ ]?\d){10}\b/gi,
    accept: () => true,
  },
  {
    label: "BSN",
    pattern: /\b\d{9}\b/g,
    accept: passesElevenCheck,
  },
  {
    label: "telefoonnummer",
    pattern: /(?<![\d-])(?:\+31|0031|0)[ -]?[1-9](?:[ -]?\d){8}(?![\d-])/g,
    accept: () => true,
  },
] as const;

/**
 * Masks personal data in free text (e-mail, IBAN, BSN passing the 11-check, Dutch phone
 * numbers), so pages never show a value the reader did not already have.
 * @example maskPersonalData("BSN 111222333") // "BSN [BSN verborgen]"
 */
export function maskPersonalData(text: string): string {
  let masked = text;
  for (const detector of detectors) {
    masked = masked.replace(detector.pattern, (match) =>
      detector.accept(match) ? `[${detector.label} verborgen]` : match,
    );
  }
  return masked;
}

/** The BSN 11-check: weights 9..2 and -1 for the last digit, sum divisible by 11. */
export function passesElevenCheck(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || digits === "000000000") return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (i === 8 ? -1 : 9 - i);
  return sum % 11 === 0;
}
