import { z } from "zod";

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * When a question appears: only when another answer holds. `question` names a sibling
 * (a question in the same section, or a column in the same table row) or `section.question`.
 */
export const conditionSchema = z
  .strictObject({
    question: z
      .string()
      .regex(/^([a-z]+\.)?[a-z][a-z0-9_]*$/, "Noem een vraag met haar id, of als sectie.id (zoals data.datasets)."),
    equals: scalar.optional(),
    one_of: z.array(scalar).min(1).optional(),
    contains: z.string().min(1).optional(),
  })
  .refine((c) => [c.equals, c.one_of, c.contains].filter((v) => v !== undefined).length === 1, {
    message: "Een voorwaarde heeft precies één van equals, one_of of contains.",
    params: { code: "condition_operator", hint: "Bijvoorbeeld: when: { question: persoonsgegevens, equals: true }" },
  });
export type Condition = z.infer<typeof conditionSchema>;

/** Whether a condition holds, looking the other answer up among siblings or in the whole experiment. */
export function conditionHolds(
  condition: Condition,
  siblings: Readonly<Record<string, unknown>>,
  root: Readonly<Record<string, unknown>>,
): boolean {
  const value = answerAt(condition.question, siblings, root);
  if (condition.equals !== undefined) return value === condition.equals;
  if (condition.one_of !== undefined) return condition.one_of.some((option) => option === value);
  if (condition.contains !== undefined) return Array.isArray(value) && value.includes(condition.contains);
  return false;
}

/** A human-readable form of a condition, in Dutch, for messages. */
export function describeCondition(condition: Condition): string {
  const show = (v: unknown) => (v === true ? "ja" : v === false ? "nee" : `'${String(v)}'`);
  if (condition.equals !== undefined) return `'${condition.question}' ${show(condition.equals)} is`;
  if (condition.one_of !== undefined)
    return `'${condition.question}' een van ${condition.one_of.map(show).join(", ")} is`;
  return `'${condition.question}' ${show(condition.contains)} bevat`;
}

function answerAt(
  question: string,
  siblings: Readonly<Record<string, unknown>>,
  root: Readonly<Record<string, unknown>>,
) {
  const [section, id] = question.includes(".") ? question.split(".") : [undefined, question];
  if (section === undefined) return siblings[id ?? ""];
  const answers = root[section];
  return answers !== null && typeof answers === "object" ? (answers as Record<string, unknown>)[id ?? ""] : undefined;
}
