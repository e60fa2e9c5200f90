import { BIGINT, DOUBLE, VARCHAR } from "@duckdb/node-api";
import type { DataFrame } from "danfojs-node";
import type { ColumnProfile, DatasetProfile } from "../profile/profile-dataset.js";
import { frameFromColumns } from "./frame-from-columns.js";

/**
 * A profile as a DataFrame, one row per column of the dataset: name, type, category, empty
 * (count), empty_share, distinct, minimum, maximum and common_shape (the most common shape). Minimum and maximum are
 * given for numbers and dates only, so no free text reaches the frame.
 * @example const kolommen = await frameFromProfile(profiel.profile);
 */
export async function frameFromProfile(profile: DatasetProfile): Promise<DataFrame> {
  const { columns } = profile;
  const text = (pick: (c: ColumnProfile) => string | null) => columns.map(pick);
  const bound = (pick: (c: ColumnProfile) => string | null) =>
    columns.map((c) => (c.category === "number" || c.category === "date" ? pick(c) : null));
  return frameFromColumns(
    [
      { name: "name", type: VARCHAR, values: text((c) => c.name) },
      { name: "type", type: VARCHAR, values: text((c) => c.type) },
      { name: "category", type: VARCHAR, values: text((c) => c.category) },
      {
        name: "empty",
        type: BIGINT,
        values: columns.map((c) => (c.empty_share === null ? null : Math.round(c.empty_share * profile.rows))),
      },
      { name: "empty_share", type: DOUBLE, values: columns.map((c) => c.empty_share) },
      { name: "distinct", type: BIGINT, values: columns.map((c) => c.distinct) },
      { name: "minimum", type: VARCHAR, values: bound((c) => c.min) },
      { name: "maximum", type: VARCHAR, values: bound((c) => c.max) },
      { name: "common_shape", type: VARCHAR, values: text((c) => c.shapes[0]?.value ?? null) },
    ],
    {
      key: ["name"],
      counts: ["empty"],
      revealsCount: { empty_share: "empty" },
      show: ["type", "category", "minimum", "maximum", "common_shape"],
    },
  );
}
