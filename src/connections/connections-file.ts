import { access } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { LivingLabError, type Problem } from "../errors/problem.js";
import { readYamlWithSchema } from "../yaml/parse-with-schema.js";

/** The lab's connections file, at the lab's root: where declared tables live. */
export const CONNECTIONS_FILE = "verbindingen.yaml";

const NAME = /^[a-z][a-z0-9-]*$/;

export const connectionsSchema = z
  .object({
    format: z.literal("livinglab-verbindingen/1"),
    verbindingen: z.record(
      z.string().regex(NAME, "Een naam van een verbinding bestaat uit kleine letters, cijfers en '-'."),
      z.object({ postgres: z.string().min(1) }).strict(),
    ),
  })
  .strict();

/** A named connection to a server where declared datasets live; the URL holds no password. */
export interface Connection {
  name: string;
  /** A PostgreSQL URL without password: the password comes from PGPASSWORD or ~/.pgpass. */
  url: string;
}

const PASSWORD_HINT =
  "Zet geen wachtwoord in verbindingen.yaml: die staat in git. Geef het wachtwoord met PGPASSWORD of in ~/.pgpass van wie de run start.";

/**
 * The lab's connections by name (an empty list when the lab has no `verbindingen.yaml`). A URL
 * that is not PostgreSQL's or that carries a password is refused at its line.
 * @example (await readConnections("/lab")).get("om-warehouse")?.url // "postgres://lab@db:5432/om"
 */
export async function readConnections(lab: string): Promise<Map<string, Connection>> {
  const file = join(lab, CONNECTIONS_FILE);
  if (!(await exists(file))) return new Map();
  const { source, value } = await readYamlWithSchema(file, connectionsSchema);
  const problems: Problem[] = [];
  const found = new Map<string, Connection>();
  for (const [name, { postgres }] of Object.entries(value.verbindingen)) {
    const path = ["verbindingen", name, "postgres"];
    const at = { path, ...source.locate(path) };
    const url = parseUrl(postgres);
    if (!url || !/^postgres(ql)?:$/.test(url.protocol)) {
      problems.push({
        code: "connection_url_invalid",
        message: `Verbinding '${name}': '${postgres}' is geen PostgreSQL-adres.`,
        hint: "Schrijf het adres als postgres://gebruiker@server:5432/database.",
        ...at,
      });
    } else if (url.password !== "" || url.searchParams.has("password")) {
      // The value itself is never repeated: it holds a secret.
      problems.push({
        code: "connection_password",
        message: `Verbinding '${name}' bevat een wachtwoord.`,
        hint: PASSWORD_HINT,
        ...at,
      });
    } else found.set(name, { name, url: postgres });
  }
  if (problems.length > 0) throw new LivingLabError(problems);
  return found;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
