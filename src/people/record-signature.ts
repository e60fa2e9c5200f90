import type { LogRecord } from "../runlog/log-record-schema.js";
import { signedBytes } from "../runlog/record-hash.js";
import { keyValidAt, type People, personIdentity } from "./load-people.js";
import type { Person } from "./people-schema.js";
import { keyFingerprint, parseSshSignature, SIGNATURE_NAMESPACE, verifySshSignature } from "./ssh-signature.js";

export const signatureStates = [
  "signed",
  "unsigned",
  "bad_signature",
  "unknown_key",
  "key_not_valid",
  "name_mismatch",
] as const;
export type SignatureState = (typeof signatureStates)[number];

/** Whether a record's maker is proven: who signed it, or why it is not proven. */
export interface SignatureStanding {
  state: SignatureState;
  /** The person in the people file whose key made a valid signature (state `signed`). */
  person?: Person;
  fingerprint?: string;
  /** Dutch, for status, the site and `log verify`; set unless signed. */
  why?: string;
}

/** The Dutch words for each state, for tables and pages. */
export const signatureStateWords = {
  signed: "ondertekend",
  unsigned: "niet ondertekend",
  bad_signature: "ongeldige handtekening",
  unknown_key: "onbekende sleutel",
  key_not_valid: "sleutel niet geldig op die datum",
  name_mismatch: "naam hoort niet bij de sleutel",
} as const satisfies Record<SignatureState, string>;

/**
 * Verifies a record's signature against the lab's people file at the record's time: a valid
 * signature in the workbench's namespace over exactly this record, by a key the file gives to the
 * person the record names, valid on the record's date.
 * @example signatureOf(record, await loadPeople(lab.root)).state === "signed"
 */
export function signatureOf(record: LogRecord, people: People): SignatureStanding {
  if (record.signature === undefined) {
    return {
      state: "unsigned",
      why: `Record ${record.seq} is niet ondertekend; de naam '${record.who.name}' is niet bewezen.`,
    };
  }
  const parsed = parseSshSignature(record.signature);
  if (!parsed) return { state: "bad_signature", why: `De handtekening van record ${record.seq} is onleesbaar.` };
  const fingerprint = keyFingerprint(parsed.publicKey);
  if (!verifySshSignature(parsed, signedBytes(record as unknown as Record<string, unknown>), SIGNATURE_NAMESPACE)) {
    return {
      state: "bad_signature",
      fingerprint,
      why: `De handtekening van record ${record.seq} klopt niet: ze is voor een ander record of een ander doel gemaakt, of het record is veranderd.`,
    };
  }
  const known = people.keys.get(fingerprint);
  if (!known) {
    return {
      state: "unknown_key",
      fingerprint,
      why: `Record ${record.seq} is ondertekend met de sleutel ${fingerprint}, die niet in het personenbestand staat.`,
    };
  }
  if (!keyValidAt(known, record.at)) {
    return {
      state: "key_not_valid",
      fingerprint,
      why: `Record ${record.seq} is ondertekend met een sleutel van ${known.person.naam} die op ${record.at.slice(0, 10)} niet geldig was.`,
    };
  }
  if (record.who.name !== personIdentity(known.person)) {
    return {
      state: "name_mismatch",
      fingerprint,
      why: `Record ${record.seq} noemt '${record.who.name}', maar is ondertekend met de sleutel van ${personIdentity(known.person)}.`,
    };
  }
  return { state: "signed", person: known.person, fingerprint };
}
