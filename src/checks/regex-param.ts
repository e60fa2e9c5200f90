import { z } from "zod";
import { call, type Expr, lit } from "../sql/expr.js";
import { anchored, parsePortableRegex } from "../sql/portable-regex.js";

/**
 * A regular expression a user writes in a suite, checked when the suite is read: outside the
 * subset both engines read the same way it is refused with the place and a hint.
 */
export const regexSchema = z
  .string()
  .min(1)
  .superRefine((pattern, ctx) => {
    const parsed = parsePortableRegex(pattern);
    if (parsed.ok) return;
    const { position, message, hint } = parsed.mistake;
    ctx.addIssue({
      code: "custom",
      message: `Het patroon is niet geldig (teken ${position}): ${message}`,
      params: { code: "invalid_pattern", hint },
    });
  });

/** True when the whole text matches the pattern: anchored as one group, on every engine. */
export function fullMatch(text: Expr, pattern: string): Expr {
  const parsed = parsePortableRegex(pattern);
  if (!parsed.ok) throw new Error(`A pattern reached the SQL without passing the suite schema: ${pattern}`);
  return call("regex_full_match", text, lit(anchored(parsed.canonical)));
}
