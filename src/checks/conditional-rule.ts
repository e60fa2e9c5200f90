import { and, not } from "../sql/expr.js";
import { amongRows, defineCheck } from "./check-definition.js";
import { columnsOfCondition, compileCondition, conditionExpr, conditionSchema } from "./condition.js";

export const conditionalRule = defineCheck({
  dimension: "consistentie",
  name: "als-dan-regel",
  summary: "Als een rij aan de ene voorwaarde voldoet, dan ook aan de andere.",
  example: {
    id: "zaken-afgedaan-met-afdoening",
    table: "zaken",
    when: { column: "status", equals: "afgedaan" },
    // biome-ignore lint/suspicious/noThenProperty: the example is a check as users write it; never awaited.
    then: { column: "afdoening", is_not_null: true },
  },
  // biome-ignore lint/suspicious/noThenProperty: users write "when A then B"; params are never awaited.
  params: { when: conditionSchema, then: conditionSchema },
  columns: ({ when, then }) => [...columnsOfCondition(when), ...columnsOfCondition(then)].map((column) => ({ column })),
  validate: ({ when, then }, { typeOf }) => [
    ...compileCondition(when, typeOf).problems.map((p) => ({ ...p, path: ["when", ...p.path] })),
    ...compileCondition(then, typeOf).problems.map((p) => ({ ...p, path: ["then", ...p.path] })),
  ],
  measure: ({ when, then }, { typeOf }) => ({
    type: "rows",
    unit: "share",
    failing: and(conditionExpr(when, typeOf), not(conditionExpr(then, typeOf))),
  }),
  describe: ({ when, then }) =>
    `Als ${columnsOfCondition(when).join(", ")} aan de voorwaarde voldoet, dan klopt ook ${columnsOfCondition(then).join(", ")}.`,
  finding: ({ when, then }, found) =>
    `${amongRows(found)} klopt ${columnsOfCondition(then).join(", ")} niet bij ${columnsOfCondition(when).join(", ")}`,
});
