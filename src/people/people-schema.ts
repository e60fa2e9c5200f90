import { z } from "zod";
import { isoDateSchema } from "../yaml/iso-date.js";
import { labRoles } from "./lab-roles.js";

/** The format version of a people file. */
export const PEOPLE_SCHEMA_VERSION = 1 as const;

/** The key types whose signatures the workbench verifies itself (see ssh-signature.ts). */
export const signingKeyTypes = [
  "ssh-ed25519",
  "ssh-rsa",
  "ecdsa-sha2-nistp256",
  "ecdsa-sha2-nistp384",
  "ecdsa-sha2-nistp521",
] as const;

const publicKeySchema = z
  .string()
  .trim()
  // A FIDO key signs only with its hardware token at hand (a touch per signature), and its
  // signatures carry the token's counter and flags, which the workbench does not check itself.
  .refine((line) => !/^sk-/.test(line), {
    message:
      "Een FIDO-sleutel (sk-...) wordt niet aanvaard: ondertekenen kan daarmee alleen met de hardwaresleutel erbij (aanraken bij elke handtekening), en de werkbank controleert zulke handtekeningen niet zelf.",
    abort: true,
    params: {
      code: "people_key_fido",
      hint: "Maak een gewone sleutel om mee te ondertekenen: ssh-keygen -t ed25519 -f ~/.ssh/livinglab, en zet de regel uit ~/.ssh/livinglab.pub hier.",
    },
  })
  .regex(
    new RegExp(`^(${signingKeyTypes.join("|")}) [A-Za-z0-9+/]+={0,3}( .*)?$`),
    "Schrijf de publieke sleutel zoals in uw .pub-bestand: 'ssh-ed25519 AAAA... naam' (ed25519, rsa of ecdsa).",
  );

/** One public signing key and the days it is valid, as git's allowed_signers says `valid-after` / `valid-before`. */
export const personKeySchema = z.strictObject({
  sleutel: publicKeySchema,
  /** The first day the key may sign (valid-after). */
  geldig_vanaf: isoDateSchema.optional(),
  /** The first day the key may no longer sign (valid-before). */
  geldig_tot: isoDateSchema.optional(),
});
export type PersonKey = z.infer<typeof personKeySchema>;

/** When a role counts: from `vanaf` (its first day), until `tot` (the first day it no longer counts). */
export const roleWindowSchema = z.strictObject({
  vanaf: isoDateSchema.optional(),
  tot: isoDateSchema.optional(),
});
export type RoleWindow = z.infer<typeof roleWindowSchema>;

export const personSchema = z.strictObject({
  naam: z.string().trim().min(2, "Geef de naam van deze persoon."),
  email: z
    .string()
    .trim()
    .regex(/^[^\s<>@]+@[^\s<>@]+$/, "Geef een e-mailadres zoals naam@organisatie.nl."),
  rollen: z.array(z.enum(labRoles)).min(1, "Geef deze persoon minstens één rol."),
  /**
   * Since when, and until when, a role counts. A record is judged by the roles on its date: a role
   * given later never approved earlier, a role that ended approves nothing after. A role without
   * dates counts on every date, also before it was written down.
   */
  rol_geldig: z.partialRecord(z.enum(labRoles), roleWindowSchema).optional(),
  sleutels: z.array(personKeySchema).default([]),
});
export type Person = z.infer<typeof personSchema>;

/** The lab's people: who they are, their roles, the keys they sign with. */
export const peopleFileSchema = z.strictObject({
  schema: z.literal(PEOPLE_SCHEMA_VERSION, { error: `Zet 'schema: ${PEOPLE_SCHEMA_VERSION}' bovenaan.` }),
  mensen: z.array(personSchema),
});
export type PeopleFile = z.infer<typeof peopleFileSchema>;
