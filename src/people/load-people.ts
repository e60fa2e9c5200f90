import { existsSync } from "node:fs";
import { join } from "node:path";
import { isLivingLabError, type Problem } from "../errors/problem.js";
import { parseSourceWithSchema } from "../yaml/parse-with-schema.js";
import { readYamlSource, type YamlSource } from "../yaml/yaml-source.js";
import type { LabRole } from "./lab-roles.js";
import { type PeopleFile, type Person, peopleFileSchema } from "./people-schema.js";
import { keyFingerprint, publicKeyBlob } from "./ssh-signature.js";

/** The lab's people file, in the lab's root folder, versioned in git with the rest of the lab. */
export const PEOPLE_FILE = "people.yaml";

/** One public key of a person, with the days it may sign. */
export interface KnownKey {
  person: Person;
  fingerprint: string;
  /** JJJJ-MM-DD: the first day it may sign, and the first day it may no longer sign. */
  validAfter?: string;
  validBefore?: string;
}

/** The lab's people as the workbench reads them: each person, each key by fingerprint, and what is wrong with the file. */
export interface People {
  file: string;
  /** False when the lab has no people file: then nobody is known and no signature counts. */
  exists: boolean;
  people: Person[];
  keys: ReadonlyMap<string, KnownKey>;
  /** Problems with the file, located (file, line, Dutch message, hint). While there are any, no signature counts. */
  problems: Problem[];
}

/** The path of a lab's people file. */
export function peopleFilePath(labRoot: string): string {
  return join(labRoot, PEOPLE_FILE);
}

/**
 * Reads the lab's people file: people, roles and public signing keys. A file with problems
 * yields no people (so no signature counts) and the problems, located in the file.
 * @example const people = await loadPeople(lab.root); people.problems.forEach(p => console.log(p.message));
 */
export async function loadPeople(labRoot: string): Promise<People> {
  const file = peopleFilePath(labRoot);
  const none = { file, people: [], keys: new Map<string, KnownKey>() };
  if (!existsSync(file)) return { ...none, exists: false, problems: [] };
  let source: YamlSource;
  let parsed: PeopleFile;
  try {
    source = await readYamlSource(file);
    parsed = parseSourceWithSchema(source, peopleFileSchema);
  } catch (error) {
    if (!isLivingLabError(error)) throw error;
    return { ...none, exists: true, problems: [...error.problems] };
  }
  const problems = duplicateProblems(parsed, source);
  if (problems.length > 0) return { ...none, exists: true, problems };
  const keys = new Map<string, KnownKey>();
  for (const person of parsed.mensen) {
    for (const key of person.sleutels) {
      keys.set(keyFingerprint(publicKeyBlob(key.sleutel)), {
        person,
        fingerprint: keyFingerprint(publicKeyBlob(key.sleutel)),
        ...(key.geldig_vanaf && { validAfter: key.geldig_vanaf }),
        ...(key.geldig_tot && { validBefore: key.geldig_tot }),
      });
    }
  }
  return { file, exists: true, people: parsed.mensen, keys, problems: [] };
}

/** A key or e-mail address listed twice would make "who signed" ambiguous. */
function duplicateProblems(parsed: PeopleFile, source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  const emails = new Map<string, number>();
  const keys = new Map<string, number>();
  parsed.mensen.forEach((person, i) => {
    const email = person.email.toLowerCase();
    const earlier = emails.get(email);
    if (earlier !== undefined) {
      problems.push({
        code: "people_email_twice",
        message: `Het e-mailadres ${person.email} staat bij twee mensen (ook bij ${parsed.mensen[earlier]?.naam}).`,
        hint: "Elk persoon heeft een eigen e-mailadres; zet iemands sleutels en rollen bij één vermelding.",
        ...source.locate(["mensen", i, "email"]),
      });
    } else emails.set(email, i);
    person.sleutels.forEach((key, k) => {
      const fingerprint = keyFingerprint(publicKeyBlob(key.sleutel));
      const owner = keys.get(fingerprint);
      if (owner !== undefined && owner !== i) {
        problems.push({
          code: "people_key_twice",
          message: `Deze sleutel (${fingerprint}) staat bij ${person.naam} en bij ${parsed.mensen[owner]?.naam}.`,
          hint: "Een sleutel hoort bij één persoon: iedereen ondertekent met een eigen sleutel.",
          ...source.locate(["mensen", i, "sleutels", k, "sleutel"]),
        });
      } else keys.set(fingerprint, i);
    });
    for (const [role, window] of Object.entries(person.rol_geldig ?? {})) {
      if (!person.rollen.some((held) => held === role)) {
        problems.push({
          code: "people_role_window_without_role",
          message: `${person.naam} heeft data voor de rol ${role}, maar die rol staat niet in de rollen van deze persoon.`,
          hint: `Zet ${role} ook in 'rollen', of haal de data weg. Een rol die eindigt blijft staan, met een datum 'tot'.`,
          ...source.locate(["mensen", i, "rol_geldig", role]),
        });
      }
      if (window?.vanaf && window.tot && window.tot <= window.vanaf) {
        problems.push({
          code: "people_role_window_empty",
          message: `De rol ${role} van ${person.naam} geldt nooit: tot (${window.tot}) ligt niet na vanaf (${window.vanaf}).`,
          hint: "Zet tot na vanaf, of laat een van beide weg.",
          ...source.locate(["mensen", i, "rol_geldig", role]),
        });
      }
    }
    person.sleutels.forEach((key, k) => {
      if (key.geldig_vanaf && key.geldig_tot && key.geldig_tot <= key.geldig_vanaf) {
        problems.push({
          code: "people_key_window_empty",
          message: `Een sleutel van ${person.naam} is nooit geldig: geldig_tot (${key.geldig_tot}) ligt niet na geldig_vanaf (${key.geldig_vanaf}).`,
          hint: "Zet geldig_tot na geldig_vanaf, of laat een van beide weg.",
          ...source.locate(["mensen", i, "sleutels", k]),
        });
      }
    });
  });
  return problems;
}

/** How a person is named in the log: name and e-mail address, as git writes an identity. */
export function personIdentity(person: Person): string {
  return `${person.naam} <${person.email}>`;
}

/** The person a name in an experiment (its `auteur`) or in the log means: by name or by e-mail address. */
export function findPerson(people: People, name: string): Person | undefined {
  const email =
    /<([^>]+)>/.exec(name)?.[1]?.trim().toLowerCase() ?? (name.includes("@") ? name.trim().toLowerCase() : undefined);
  const plain = name
    .replace(/<[^>]*>/, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
  return (
    (email && people.people.find((p) => p.email.toLowerCase() === email)) ||
    people.people.find((p) => p.naam.replace(/\s+/g, " ").trim().toLowerCase() === plain)
  );
}

/** Whether a key may sign at `at` (an ISO time): on or after its first day, before its last. */
export function keyValidAt(key: KnownKey, at: string): boolean {
  const day = at.slice(0, 10);
  return (
    (key.validAfter === undefined || day >= key.validAfter) && (key.validBefore === undefined || day < key.validBefore)
  );
}

/**
 * Whether `person` held `role` at `at` (an ISO time): the role is theirs in the people file, and
 * `at` falls on or after its `vanaf` and before its `tot`. Every reader judges a record by this,
 * at the record's own date.
 * @example holdsRoleAt(person, "reviewer", review.at)
 */
export function holdsRoleAt(person: Person, role: string, at: string): boolean {
  if (!person.rollen.some((held) => held === role)) return false;
  const window = person.rol_geldig?.[role as LabRole];
  const day = at.slice(0, 10);
  return (window?.vanaf === undefined || day >= window.vanaf) && (window?.tot === undefined || day < window.tot);
}

/**
 * Why `person`, who has `role`, did not hold it at `at` (its dates in the people file), in Dutch;
 * undefined when they held it then, or never had it at all.
 */
export function roleOutsideDates(person: Person, role: string, at: string): string | undefined {
  const window = person.rol_geldig?.[role as LabRole];
  if (!window || !person.rollen.some((held) => held === role) || holdsRoleAt(person, role, at)) return undefined;
  const span = [window.vanaf && `vanaf ${window.vanaf}`, window.tot && `tot ${window.tot}`].filter(Boolean).join(" ");
  return `${person.naam} had op ${at.slice(0, 10)} niet de rol ${role}: die geldt volgens het personenbestand ${span}.`;
}

/** The roles `person` holds at `at`, for `whoami` and refusals. */
export function rolesAt(person: Person, at: string): string[] {
  return person.rollen.filter((role) => holdsRoleAt(person, role, at));
}

/** The people file as git's allowed_signers file, for `ssh-keygen -Y verify` (and `git log --show-signature`). */
export function allowedSigners(people: People, namespace: string): string {
  const date = (d: string) => d.replaceAll("-", "");
  return people.people
    .flatMap((person) =>
      person.sleutels.map((key) => {
        const options = [
          `namespaces="${namespace}"`,
          ...(key.geldig_vanaf ? [`valid-after="${date(key.geldig_vanaf)}"`] : []),
          ...(key.geldig_tot ? [`valid-before="${date(key.geldig_tot)}"`] : []),
        ];
        return `${person.email} ${options.join(",")} ${key.sleutel.split(/\s+/).slice(0, 2).join(" ")}\n`;
      }),
    )
    .join("");
}
