import type { PersonalDataDetector } from "./detector.js";

/** Letters (with the accented ones of Western European names), digits and what addresses use besides. */
const local = "A-Za-z0-9À-ÖØ-öø-ÿ._%+-";
const label = "[A-Za-z0-9À-ÖØ-öø-ÿ-]+";
/** `@`, or the ways people hide it from robots: `(at)`, `[at]`, `{at}`, with or without spaces. */
const at = "@| ?[\\[({] ?at ?[\\])}] ?";
const dot = "\\.| ?[\\[({] ?(?:dot|punt) ?[\\])}] ?";

/**
 * An e-mail address, also written as `jan(at)voorbeeld.nl` or `jan [at] voorbeeld [punt] nl`.
 * The address starts where a run of its characters starts, so a long text is scanned once.
 */
export const email: PersonalDataDetector = {
  label: "e-mailadres",
  pattern: `[${local}]+(?:${at})(?:${label}(?:${dot}))+[A-Za-z]{2,}`,
  notAfter: local,
  notBefore: "",
  caseInsensitive: true,
};
