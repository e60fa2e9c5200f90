import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The people of every test lab, with the roles the example experiments need. Their keys are made per test process. */
export const TEST_PEOPLE: ReadonlyArray<{ naam: string; email: string; rollen: string[] }> = [
  { naam: "A. de Vries", email: "a.devries@lab.example", rollen: ["data scientist"] },
  { naam: "B. Jansen", email: "b.jansen@lab.example", rollen: ["data scientist"] },
  { naam: "C. Bakker", email: "c.bakker@lab.example", rollen: ["jurist", "reviewer"] },
  { naam: "D. Visser", email: "d.visser@lab.example", rollen: ["privacy officer"] },
  { naam: "E. de Wit", email: "e.dewit@lab.example", rollen: ["reviewer"] },
  { naam: "F. Smit", email: "f.smit@lab.example", rollen: ["opdrachtgever", "data-eigenaar"] },
  { naam: "Analist A", email: "analist.a@lab.example", rollen: ["data scientist"] },
  { naam: "J. de Vries", email: "j.devries@lab.example", rollen: ["jurist"] },
  { naam: "Jurist C", email: "jurist.c@lab.example", rollen: ["jurist"] },
  { naam: "Reviewer B", email: "reviewer.b@lab.example", rollen: ["reviewer"] },
];

/** Throwaway keys, made with ssh-keygen for this test process only and removed when it ends. */
const KEY_DIR = mkdtempSync(join(tmpdir(), "livinglab-test-keys-"));
process.on("exit", () => rmSync(KEY_DIR, { recursive: true, force: true }));

/**
 * A throwaway ed25519 key for `label` (made once per process): the private key file and its
 * public key line. A name outside TEST_PEOPLE gets a key too, which no people file knows.
 */
export function testKey(label: string): { file: string; publicKey: string } {
  const file = join(KEY_DIR, label.replace(/[^A-Za-z0-9]+/g, "-"));
  if (!existsSync(file)) {
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", label, "-f", file]);
  }
  return { file, publicKey: readFileSync(`${file}.pub`, "utf8").trim() };
}

/** The text of a people file for `people`, each with their throwaway key (and validity dates where given). */
export function peopleYaml(
  people: ReadonlyArray<{
    naam: string;
    email: string;
    rollen: readonly string[];
    geldig_tot?: string;
    key?: string;
  }> = TEST_PEOPLE,
): string {
  const lines = ["schema: 1", "mensen:"];
  for (const p of people) {
    lines.push(`  - naam: ${p.naam}`, `    email: ${p.email}`, `    rollen: [${p.rollen.join(", ")}]`, "    sleutels:");
    lines.push(`      - sleutel: ${testKey(p.key ?? p.naam).publicKey}`, "        geldig_vanaf: 2020-01-01");
    if (p.geldig_tot) lines.push(`        geldig_tot: ${p.geldig_tot}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Writes the test people file into a lab. */
export async function writeTestPeople(lab: string, people?: Parameters<typeof peopleYaml>[0]): Promise<void> {
  await writeFile(join(lab, "people.yaml"), peopleYaml(people));
}

/** The environment that makes the workbench sign as `name`, with the machine's own keys and names out of the way. */
export function signingEnv(name: string): Record<string, string> {
  return {
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_CONFIG_NOSYSTEM: "1",
    LIVINGLAB_USER: name,
    LIVINGLAB_SIGNING_KEY: testKey(name).file,
    SSH_AUTH_SOCK: "",
  };
}
