import { z } from "zod";
import { closestWord } from "../yaml/closest-word.js";

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

function isLabRole(role: string): role is LabRole {
  return (labRoles as readonly string[]).includes(role);
}

/** A role as a template names it: one of the lab's roles, else a located problem that lists them. */
export const labRoleSchema = z.string().transform((role, ctx): LabRole => {
  if (isLabRole(role)) return role;
  const suggestion = closestWord(role, labRoles);
  ctx.addIssue({
    code: "custom",
    message: `De rol '${role}' bestaat niet.`,
    params: {
      code: "unknown_role",
      hint: `${suggestion ? `Bedoelt u '${suggestion}'? ` : ""}De rollen zijn: ${labRoles.join(", ")}.`,
    },
  });
  return z.NEVER;
});
