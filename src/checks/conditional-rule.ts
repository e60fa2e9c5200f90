import { and, not } from "../sql/expr.js";
import { defineCheck } from "./check-definition.js";
import { columnsOfCondition, conditionSchema, exprFromCondition } from "./condition.js";

export const conditionalRule = defineCheck({
  dimension: "consistentie",
  // biome-ignore lint/suspicious/noThenProperty: users write "when A then B"; params are never awaited.
  params: { when: conditionSchema, then: conditionSchema },
  columns: ({ when, then }) => [...columnsOfCondition(when), ...columnsOfCondition(then)].map((column) => ({ column })),
  measure: ({ when, then }) => ({ type: "rows", failing: and(exprFromCondition(when), not(exprFromCondition(then))) }),
  describe: ({ when, then }) =>
    `Als ${columnsOfCondition(when).join(", ")} aan de voorwaarde voldoet, dan klopt ook ${columnsOfCondition(then).join(", ")}.`,
});
