import { acceptedValues } from "./accepted-values.js";
import type { CheckDefinition } from "./check-definition.js";
import { conditionalRule } from "./conditional-rule.js";
import { customSql } from "./custom-sql.js";
import { dateOrder } from "./date-order.js";
import { derivedValue } from "./derived-value.js";
import { drift } from "./drift.js";
import { freshness } from "./freshness.js";
import { groupDisparity } from "./group-disparity.js";
import { notNull } from "./not-null.js";
import { pattern } from "./pattern.js";
import { piiScan } from "./pii-scan.js";
import { referentialIntegrity } from "./referential-integrity.js";
import { rowCount } from "./row-count.js";
import { uniqueKey } from "./unique-key.js";
import { valueRange } from "./value-range.js";

export const checkKinds = [
  "not_null",
  "pattern",
  "accepted_values",
  "unique_key",
  "row_count",
  "value_range",
  "date_order",
  "conditional_rule",
  "freshness",
  "referential_integrity",
  "derived_value",
  "group_disparity",
  "pii_scan",
  "drift",
  "custom_sql",
] as const;
export type CheckKind = (typeof checkKinds)[number];

/** Every check kind with its definition; adding a kind is one file and one line here. */
export const checkRegistry = {
  not_null: notNull,
  pattern,
  accepted_values: acceptedValues,
  unique_key: uniqueKey,
  row_count: rowCount,
  value_range: valueRange,
  date_order: dateOrder,
  conditional_rule: conditionalRule,
  freshness,
  referential_integrity: referentialIntegrity,
  derived_value: derivedValue,
  group_disparity: groupDisparity,
  pii_scan: piiScan,
  drift,
  custom_sql: customSql,
} satisfies Record<CheckKind, CheckDefinition>;

/** A recorded kind in words ("verplicht veld" for `not_null`); a kind this version does not know keeps its own name. */
export function kindName(kind: string): string {
  return Object.hasOwn(checkRegistry, kind) ? checkRegistry[kind as CheckKind].name : kind;
}
