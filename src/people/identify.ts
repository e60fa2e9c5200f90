import { LivingLabError } from "../errors/problem.js";
import { type KnownKey, keyValidAt, type People, personIdentity, rolesAt } from "./load-people.js";
import type { Person } from "./people-schema.js";
import { candidateKeys, type SigningKey, signWithKey } from "./signing-key.js";
import { keyFingerprint, publicKeyBlob, SEAL_NAMESPACE, SIGNATURE_NAMESPACE } from "./ssh-signature.js";

/** Who the workbench takes you for: the person whose key you can sign with, and why (or why nobody). */
export interface Identity {
  person?: Person;
  key?: SigningKey;
  fingerprint?: string;
  /** Dutch: how the workbench came to this, for `whoami` and refusals. */
  why: string;
}

const SOURCE_WORDS: Record<SigningKey["source"], string> = {
  env: "LIVINGLAB_SIGNING_KEY",
  git: "git user.signingkey",
  agent: "de ssh-agent",
};

/**
 * Who you are for governance: the first key you can sign with (LIVINGLAB_SIGNING_KEY, git's
 * SSH signing key, the ssh-agent) that the people file gives to a person, valid today. Names
 * from git or LIVINGLAB_USER play no part.
 * @example const me = await identify(await loadPeople(lab.root), lab.root); console.log(me.why);
 */
export async function identify(people: People, cwd: string, now: Date = new Date()): Promise<Identity> {
  if (!people.exists) {
    return { why: `Dit lab heeft geen personenbestand (${people.file}); zonder dat bestand is niemand bekend.` };
  }
  if (people.problems.length > 0) {
    return { why: `Het personenbestand ${people.file} bevat fouten; tot die zijn opgelost telt geen handtekening.` };
  }
  const keys = await candidateKeys(cwd);
  if (keys.length === 0) {
    return {
      why: "Er is geen sleutel om mee te ondertekenen: geen LIVINGLAB_SIGNING_KEY, geen SSH-sleutel in git (gpg.format ssh, user.signingkey), geen sleutel in de ssh-agent.",
    };
  }
  const seen: string[] = [];
  for (const key of keys) {
    const fingerprint = keyFingerprint(publicKeyBlob(key.publicKey));
    const known: KnownKey | undefined = people.keys.get(fingerprint);
    if (!known) {
      seen.push(`${fingerprint} (uit ${SOURCE_WORDS[key.source]}) staat niet in het personenbestand`);
      continue;
    }
    if (!keyValidAt(known, now.toISOString())) {
      seen.push(`${fingerprint} van ${known.person.naam} is vandaag niet geldig`);
      continue;
    }
    return {
      person: known.person,
      key,
      fingerprint,
      why: `U bent ${personIdentity(known.person)} (${rolesAt(known.person, now.toISOString()).join(", ") || "vandaag geen rol"}): de sleutel ${fingerprint} uit ${SOURCE_WORDS[key.source]} staat bij deze persoon in ${people.file}.`,
    };
  }
  return { why: `Geen van uw sleutels hoort bij iemand in het personenbestand: ${seen.join("; ")}.` };
}

/** A signer for the log: who signs, and functions that sign a record's or a seal's bytes, each in its own namespace. */
export interface Signer {
  person: Person;
  fingerprint: string;
  sign(message: string): Promise<string>;
  signSeal(message: string): Promise<string>;
}

function signerOf(person: Person, fingerprint: string, key: SigningKey): Signer {
  return {
    person,
    fingerprint,
    sign: (message) => signWithKey(key, message, SIGNATURE_NAMESPACE),
    signSeal: (message) => signWithKey(key, message, SEAL_NAMESPACE),
  };
}

/**
 * The signer for a governance event, or a refusal that says why nobody can sign here.
 * @example const signer = await requireSigner(people, lab.root);
 */
export async function requireSigner(people: People, cwd: string): Promise<Signer> {
  const me = await identify(people, cwd);
  const { person, key, fingerprint } = me;
  if (!person || !key || !fingerprint) {
    throw new LivingLabError({
      code: "no_signing_identity",
      message: `Dit wordt niet vastgelegd: het moet ondertekend worden, en ${me.why.charAt(0).toLowerCase()}${me.why.slice(1)}`,
      hint: "Zet uw publieke SSH-sleutel in people.yaml van het lab (laat dat vastleggen in git) en geef uw sleutel met LIVINGLAB_SIGNING_KEY=<pad> of via de ssh-agent. 'livinglab whoami' laat zien wie de werkbank in u ziet.",
    });
  }
  return signerOf(person, fingerprint, key);
}

/** The signer when a key is available, else undefined: runs are signed where they can be, and say so when not. */
export async function optionalSigner(people: People, cwd: string): Promise<Signer | undefined> {
  const me = await identify(people, cwd).catch(() => undefined);
  if (!me?.person || !me.key || !me.fingerprint) return undefined;
  return signerOf(me.person, me.fingerprint, me.key);
}
