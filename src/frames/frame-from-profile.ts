import { DOUBLE, VARCHAR } from "@duckdb/node-api";
import type { DataFrame } from "danfojs-node";
import type { ColumnProfile, DatasetProfile } from "../profile/profile-dataset.js";
import { frameFromColumns } from "./frame-from-columns.js";

/**
 * A profile as a DataFrame, one row per column of the dataset: name, type, category, empty
 * (count), empty_share, distinct, minimum, maximum and common_shape (the most common shape).
 * The profile is already as anyone may read it: counts as published ("< 5", "> 995" where a
 * count may not be shown, so empty and distinct are text), and minimum and maximum are its
 * protected range (bounds with at least five rows beyond each), for numbers and dates only.
 * @example const kolommen = await frameFromProfile(profiel.profile);
 */
export async function frameFromProfile(profile: DatasetProfile): Promise<DataFrame> {
  const { columns } = profile;
  const text = (pick: (c: ColumnProfile) => string | null) => columns.map(pick);
  const bound = (pick: (c: ColumnProfile) => string | number | null) =>
    columns.map((c) => {
      const value = c.category === "number" || c.category === "date" ? pick(c) : null;
      return value === null ? null : String(value);
    });
  return frameFromColumns(
    [
      { name: "name", type: VARCHAR, values: text((c) => c.name) },
      { name: "type", type: VARCHAR, values: text((c) => c.type) },
      { name: "category", type: VARCHAR, values: text((c) => c.category) },
      { name: "empty", type: VARCHAR, values: columns.map((c) => String(c.empty)) },
      { name: "empty_share", type: DOUBLE, values: columns.map((c) => c.empty_share) },
      { name: "distinct", type: VARCHAR, values: columns.map((c) => String(c.distinct)) },
      { name: "minimum", type: VARCHAR, values: bound((c) => c.range?.from ?? null) },
      { name: "maximum", type: VARCHAR, values: bound((c) => c.range?.to ?? null) },
      { name: "common_shape", type: VARCHAR, values: text((c) => c.shapes[0]?.value ?? null) },
    ],
    {
      key: ["name"],
      show: ["type", "category", "minimum", "maximum", "common_shape"],
    },
  );
}
