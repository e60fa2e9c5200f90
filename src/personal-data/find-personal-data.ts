import { candidatePattern, type PersonalDataDetector, wholePattern } from "./detector.js";
import { type DetectorName, detectorNames, personalDataDetectors } from "./detector-registry.js";

/** A stretch of text that holds personal data: from `start` up to (not including) `end`. */
export interface PersonalDataSpan {
  detector: DetectorName;
  start: number;
  end: number;
}

interface Compiled {
  name: DetectorName;
  candidates: RegExp;
  whole: RegExp;
  detector: PersonalDataDetector;
}

const compiled: Compiled[] = detectorNames.map((name) => {
  const detector = personalDataDetectors[name];
  const flags = detector.caseInsensitive ? "i" : "";
  return {
    name,
    detector,
    // `d` gives the candidate's own position within each match.
    candidates: new RegExp(candidatePattern(detector), `gd${flags}`),
    whole: new RegExp(wholePattern(detector), flags),
  };
});

/**
 * Every stretch of personal data in a text, by the same detectors and the same scan as the
 * `pii_scan` check runs in SQL; in order of where they start. Linear in the length of the text.
 * @example findPersonalData("Mail jan@voorbeeld.nl") // [{ detector: "email", start: 5, end: 21 }]
 */
export function findPersonalData(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const { name, candidates, whole, detector } of compiled) {
    candidates.lastIndex = 0;
    for (let match = candidates.exec(text); match !== null; match = candidates.exec(text)) {
      const candidate = match[1] ?? "";
      const [start, end] = match.indices?.[1] ?? [0, 0];
      if (whole.test(candidate) && (detector.check?.js(candidate) ?? true)) spans.push({ detector: name, start, end });
    }
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}
