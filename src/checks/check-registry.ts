import { acceptedValues } from "./accepted-values.js";
import type { CheckDefinition } from "./check-definition.js";
import { notNull } from "./not-null.js";
import { uniqueKey } from "./unique-key.js";

export const checkKinds = ["not_null", "accepted_values", "unique_key"] as const;
export type CheckKind = (typeof checkKinds)[number];

/** Every check kind with its definition; adding a kind is one file and one line here. */
export const checkRegistry = {
  not_null: notNull,
  accepted_values: acceptedValues,
  unique_key: uniqueKey,
} satisfies Record<CheckKind, CheckDefinition>;
