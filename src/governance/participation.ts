import { holdsRoleAt } from "../people/load-people.js";
import type { LogRecord } from "../runlog/log-record-schema.js";
import type { PrinciplesFile } from "../templates/principle-schema.js";
import type { TrustOf } from "./event-trust.js";
import { REVIEWER_ROLE } from "./review-standing.js";

/** One role that takes part in the weighing, and who in that role has spoken (a signed decision or review). */
export interface RoleParticipation {
  role: string;
  /** People in this role who signed a decision or review, with their first record; empty while nobody has. */
  spoken: Array<{ who: string; seq: number; what: "besluit" | "review" }>;
}

/**
 * Who has and has not yet spoken: the roles that own a principle, and the reviewer, each with
 * the people holding that role (in the people file) who signed a decision or a review.
 */
export function participation(
  principles: PrinciplesFile,
  records: readonly LogRecord[],
  counts: (r: LogRecord) => boolean,
  trust: TrustOf,
): RoleParticipation[] {
  const roles = [...new Set([...principles.principles.map((p) => p.owner), REVIEWER_ROLE])];
  return roles.map((role) => {
    const spoken = new Map<string, { who: string; seq: number; what: "besluit" | "review" }>();
    for (const r of records) {
      if ((r.type !== "principle_decided" && r.type !== "review_given") || !counts(r)) continue;
      const person = trust(r).person;
      if (!person || !holdsRoleAt(person, role, r.at) || spoken.has(person.email)) continue;
      spoken.set(person.email, {
        who: person.naam,
        seq: r.seq,
        what: r.type === "review_given" ? "review" : "besluit",
      });
    }
    return { role, spoken: [...spoken.values()] };
  });
}
