import { personalDataDetectors } from "./detector-registry.js";
import { findPersonalData } from "./find-personal-data.js";

/**
 * Masks personal data in free text (BSNs that pass the 11-check, phone numbers, e-mail
 * addresses, IBANs that pass modulo 97) with the detectors `pii_scan` uses, so pages, logs and
 * outputs never show a value the reader did not already have. Linear in the length of the text.
 * @example maskPersonalData("BSN 111222333") // "BSN [BSN verborgen]"
 */
export function maskPersonalData(text: string): string {
  const known = recent.get(text);
  if (known !== undefined) return known;
  const masked = mask(text);
  // Pages repeat the same names, paths and justifications many times; remember a few thousand.
  if (recent.size >= RECENT) recent.clear();
  recent.set(text, masked);
  return masked;
}

const RECENT = 4096;
const recent = new Map<string, string>();

function mask(text: string): string {
  let masked = "";
  let from = 0;
  for (const span of findPersonalData(text)) {
    // A stretch that starts inside one already masked (digits in an e-mail address) widens it.
    if (span.start < from) {
      from = Math.max(from, span.end);
      continue;
    }
    masked += `${text.slice(from, span.start)}[${personalDataDetectors[span.detector].label} verborgen]`;
    from = span.end;
  }
  return masked + text.slice(from);
}
