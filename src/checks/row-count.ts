import { z } from "zod";
import { countRows } from "../sql/expr.js";
import { defineCheck } from "./check-definition.js";

export const rowCount = defineCheck({
  dimension: "compleetheid",
  name: "aantal rijen",
  summary: "De tabel heeft een aantal rijen binnen grenzen.",
  example: { id: "zaken-aantal-rijen", table: "zaken", min: 1 },
  params: { min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() },
  columns: () => [],
  measure: ({ min, max }, { scope }) => ({
    type: "table_value",
    unit: "count",
    value: countRows(scope),
    threshold: { ...(min !== undefined && { min }), ...(max !== undefined && { max }) },
    judge: (value) => ({
      metric: value,
      failing: value === null || (min !== undefined && value < min) || (max !== undefined && value > max),
    }),
  }),
  describe: ({ min, max }) => `De tabel heeft ${expected(min, max)} rijen.`,
  finding: ({ min, max }, { amount, table, filtered }) =>
    `${table} heeft ${amount} ${filtered ? "gefilterde " : ""}rijen, verwacht ${expected(min, max)}`,
});

function expected(min: number | undefined, max: number | undefined): string {
  return (
    [min !== undefined && `minstens ${min}`, max !== undefined && `hoogstens ${max}`].filter(Boolean).join(" en ") ||
    "een aantal"
  );
}
