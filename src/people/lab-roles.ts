/**
 * The roles people hold in a lab. Principles name the role that owns them (`owner`), templates
 * the roles that take part in the weighing; the people file gives each person theirs.
 */
export const labRoles = [
  "data scientist",
  "reviewer",
  "privacy officer",
  "jurist",
  "opdrachtgever",
  "data-eigenaar",
] as const;
export type LabRole = (typeof labRoles)[number];
