import { bsn } from "./bsn.js";
import type { PersonalDataDetector } from "./detector.js";
import { email } from "./email.js";
import { iban } from "./iban.js";
import { phone } from "./phone.js";

/**
 * Every kind of personal data the lab looks for in free text, by the name a suite uses in
 * `pii_scan`'s `detect`. The masker uses all of them.
 */
export const personalDataDetectors = {
  bsn,
  telefoon: phone,
  email,
  iban,
} as const satisfies Record<string, PersonalDataDetector>;

export type DetectorName = keyof typeof personalDataDetectors;
export const detectorNames = Object.keys(personalDataDetectors) as [DetectorName, ...DetectorName[]];
