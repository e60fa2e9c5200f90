import { findPerson, holdsRoleAt, type People, roleOutsideDates } from "../people/load-people.js";
import type { SignatureState } from "../people/record-signature.js";
import type { ReviewGiven } from "../runlog/governance-schema.js";
import type { LogRecord } from "../runlog/log-record-schema.js";
import { samePerson } from "../runlog/reviews.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import { withDefined } from "./defined.js";
import type { TrustOf } from "./event-trust.js";
import { dateText } from "./evidence/evidence.js";
import type { withdrawnRecords } from "./withdrawn.js";

/** A review and whether it counts, and if not, why. */
export interface ReviewStanding {
  id: string;
  seq: number;
  at: string;
  reviewer: string;
  role?: string;
  verdict: ReviewGiven["verdict"];
  note: string;
  /** The run it judged; undefined for a review of the plan. */
  run?: string;
  experimentSha256: string;
  inForce: boolean;
  /** Why it does not count, in Dutch; set when it is not in force. */
  void?: string;
  /** Whether the reviewer is proven by a signature of a person in the people file. */
  signature: SignatureState;
}

/** The role a review needs to open a gate or make a summary final. */
export const REVIEWER_ROLE = "reviewer";

/** What a review is judged against: the experiment as it is now, every review, the runs, what was withdrawn. */
export interface ReviewContext {
  /** The experiment's `auteur` and the experiment file's hash now. */
  author: string;
  sha256: string;
  people: People;
  trust: TrustOf;
  given: readonly ReviewGiven[];
  runs: ReadonlyMap<string, RunRecord>;
  withdrawn: ReturnType<typeof withdrawnRecords>;
}

/**
 * Every review in a log, oldest first, with whether it counts and why not: withdrawn by a
 * correction, revoked by a later rejection, of a run withdrawn or changed since, by the author
 * or the run's maker, or of another version of the experiment. A rejection counts until withdrawn.
 */
export function reviewStandings(
  facts: { author: string; sha256: string; people: People; trust: TrustOf },
  records: readonly LogRecord[],
  withdrawn: ReturnType<typeof withdrawnRecords>,
): ReviewStanding[] {
  const given = records.filter((r): r is ReviewGiven => r.type === "review_given");
  const runs = new Map(records.flatMap((r) => (r.type === "run" ? [[r.id, r] as const] : [])));
  return given.map((review) => {
    const why = voidReason(review, { ...facts, given, runs, withdrawn });
    return {
      id: review.id,
      seq: review.seq,
      at: review.at,
      reviewer: review.who.name,
      ...withDefined("role", review.role),
      verdict: review.verdict,
      note: review.toelichting,
      ...(review.run !== null && { run: review.run }),
      experimentSha256: review.experiment.file_sha256,
      inForce: why === undefined,
      ...withDefined("void", why),
      signature: facts.trust(review).signature.state,
    };
  });
}

/** Why a review does not count, or undefined when it does. A rejection only stops counting when withdrawn. */
function voidReason(
  review: ReviewGiven,
  { author, sha256, people, trust, given, runs, withdrawn }: ReviewContext,
): string | undefined {
  const proven = trust(review);
  if (!proven.trusted) return proven.why ?? "De herkomst van deze review is niet vast te stellen.";
  const correction = withdrawn.get(review.id);
  if (correction) return `Ingetrokken met een correctie (record ${correction.seq}).`;
  if (review.verdict !== "goedgekeurd") return undefined;
  const rejection = given.find(
    (r) => r.seq > review.seq && r.verdict === "afgekeurd" && !withdrawn.has(r.id) && trust(r).trusted,
  );
  if (rejection) {
    return `Herroepen door de afkeuring van ${rejection.who.name.replace(/\s*<[^>]*>/, "")} op ${dateText(rejection.at)} (record ${rejection.seq}).`;
  }
  if (review.run !== null) {
    const run = runs.get(review.run);
    const runCorrection = withdrawn.get(review.run);
    if (runCorrection) return `De beoordeelde run is gecorrigeerd (record ${runCorrection.seq}).`;
    if (run && review.run_hash !== undefined && review.run_hash !== run.hash)
      return "De beoordeelde run is niet meer dezelfde.";
  }
  const makers = [author, review.author].filter((name): name is string => typeof name === "string");
  // One person, whatever name or key they use: the people file says who a name is.
  const reviewer = proven.person;
  if (makers.some((name) => samePerson(review.who.name, name) || (reviewer && findPerson(people, name) === reviewer)))
    return "Door de auteur of de maker zelf.";
  // The reviewer role on the review's own date: given later, or ended before, it does not count.
  if (!reviewer || !holdsRoleAt(reviewer, REVIEWER_ROLE, review.at))
    return (
      (reviewer && roleOutsideDates(reviewer, REVIEWER_ROLE, review.at)) ??
      `${reviewer?.naam ?? review.who.name} heeft geen rol ${REVIEWER_ROLE} in het personenbestand.`
    );
  if (review.experiment.file_sha256 !== sha256) return "Gold een eerdere versie van het experiment.";
  return undefined;
}
