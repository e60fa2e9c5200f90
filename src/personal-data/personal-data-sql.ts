import { and, anyMatch, call, type Expr, lit, matchedText } from "../sql/expr.js";
import { candidatePattern, type PersonalDataDetector, wholePattern } from "./detector.js";

/**
 * True where `text` holds a value the detector finds, as an SQL expression: the same candidates
 * as the masker finds, each held against the whole pattern and the detector's checksum.
 */
export function containsPersonalData(text: Expr, detector: PersonalDataDetector): Expr {
  const flags = detector.caseInsensitive ? "(?i)" : "";
  const whole = call("regex_contains", matchedText, lit(`${flags}${wholePattern(detector)}`));
  return anyMatch(text, `${flags}${candidatePattern(detector)}`, and(whole, detector.check?.sql(matchedText)));
}
