import type { People } from "../people/load-people.js";
import type { Person } from "../people/people-schema.js";
import { type SignatureStanding, signatureOf } from "../people/record-signature.js";
import type { LogRecord } from "../runlog/log-record-schema.js";

/** Whether a log event may count: its maker is proven by a valid signature of a person in the people file. */
export interface EventTrust {
  trusted: boolean;
  signature: SignatureStanding;
  /** The proven maker (when trusted). */
  person?: Person;
  /** Why not, in Dutch, when it is not trusted. */
  why?: string;
}

/** Decides whether a record's maker is proven; one per governance state, remembering each record's answer. */
export type TrustOf = (record: LogRecord) => EventTrust;

/**
 * The one place that decides whether a decision, review, publication or correction may count:
 * only a record signed by a person in the lab's people file, with a key valid on its date. The
 * gates, status, the site and `log verify` all ask here, so they agree.
 * @example const trust = trustIn(await loadPeople(lab.root)); trust(record).trusted
 */
export function trustIn(people: People): TrustOf {
  const memo = new WeakMap<LogRecord, EventTrust>();
  return (record) => {
    const known = memo.get(record);
    if (known) return known;
    const signature = signatureOf(record, people);
    const trust: EventTrust =
      signature.state === "signed"
        ? { trusted: true, signature, ...(signature.person && { person: signature.person }) }
        : { trusted: false, signature, why: signature.why ?? "De herkomst is niet vast te stellen." };
    memo.set(record, trust);
    return trust;
  };
}
