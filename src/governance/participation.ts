import type { People } from "../people/load-people.js";
import { holdsRoleAt } from "../people/load-people.js";
import type { LogRecord } from "../runlog/log-record-schema.js";
import type { PrinciplesFile } from "../templates/principle-schema.js";
import type { Template } from "../templates/template-schema.js";
import type { TrustOf } from "./event-trust.js";
import { REVIEWER_ROLE } from "./review-standing.js";

/** One role that takes part in the weighing, and who in that role has spoken (a signed decision or review). */
export interface RoleParticipation {
  role: string;
  /** People in this role who signed a decision or review, with their first record; empty while nobody has. */
  spoken: Array<{ who: string; seq: number; what: "besluit" | "review" }>;
  /** Who holds this role in the people file today; empty when nobody does, so nobody can speak in it. */
  holders: string[];
}

/**
 * Where the roles come from: the experiment's template version names them (`sjabloon`), or it is
 * an older version that does not, and they are derived from the principles' owners and the reviewer.
 */
export interface ParticipationSource {
  from: "sjabloon" | "afgeleid";
  /** The experiment's template, as `name@version` (absent while it could not be read). */
  template?: string;
}

/**
 * Who has and has not yet spoken, per role that takes part in the weighing: the roles the
 * template names, else the roles that own a principle and the reviewer. Per role the people
 * holding it (in the people file) who signed a decision or a review, and who holds it today.
 */
export function participation(
  roles: { template?: Template; principles: PrinciplesFile },
  records: readonly LogRecord[],
  counts: (r: LogRecord) => boolean,
  context: { trust: TrustOf; people: People; today: string },
): RoleParticipation[] {
  return weighingRoles(roles).map((role) => {
    const spoken = new Map<string, { who: string; seq: number; what: "besluit" | "review" }>();
    for (const r of records) {
      if ((r.type !== "principle_decided" && r.type !== "review_given") || !counts(r)) continue;
      const person = context.trust(r).person;
      if (!person || !holdsRoleAt(person, role, r.at) || spoken.has(person.email)) continue;
      spoken.set(person.email, {
        who: person.naam,
        seq: r.seq,
        what: r.type === "review_given" ? "review" : "besluit",
      });
    }
    const holders = context.people.people.filter((p) => holdsRoleAt(p, role, context.today)).map((p) => p.naam);
    return { role, spoken: [...spoken.values()], holders };
  });
}

/** The roles that must take part: the template's, else derived from the principles' owners and the reviewer. */
function weighingRoles({ template, principles }: { template?: Template; principles: PrinciplesFile }): string[] {
  return (
    template?.principles.weighingRoles ?? [...new Set([...principles.principles.map((p) => p.owner), REVIEWER_ROLE])]
  );
}

/** Whether the roles came from the template or were derived, for `status` to say. */
export function participationSource(template: Template | undefined): ParticipationSource {
  return {
    from: template?.principles.weighingRoles ? "sjabloon" : "afgeleid",
    ...(template && { template: `${template.id}@${template.version}` }),
  };
}
