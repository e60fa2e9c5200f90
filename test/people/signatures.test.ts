import { execFileSync } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  acceptUnsigned,
  allowedSigners,
  appendRecord,
  decidePrinciple,
  experimentStatus,
  gateInputFor,
  giveReview,
  hashRecord,
  isLivingLabError,
  loadPeople,
  type NewLogRecord,
  openExperiment,
  openRun,
  openWorkspace,
  parseSshSignature,
  peopleFileSchema,
  readLogRecords,
  runGateProblems,
  runLogPath,
  SIGNATURE_NAMESPACE,
  sealsPath,
  signatureOf,
  signedBytes as signedBytesOf,
  signWithKey,
  verifyRunLog,
  verifySshSignature,
} from "../../src/index.js";
import { asUser } from "../helpers/as-user.js";
import { asPerson, makeLab, runCli } from "../helpers/cli.js";
import { TEST_PEOPLE, testKey, writeTestPeople } from "../helpers/people.js";
import { decideRealOwners, makeRealLab, openReal, REVIEWER } from "../helpers/real-lab.js";

const AUTHOR = "B. Jansen";
const PRIVACY_OFFICER = "D. Visser";
const identityOf = (name: string) => {
  const person = TEST_PEOPLE.find((p) => p.naam === name);
  return `${person?.naam} <${person?.email}>`;
};
const keyOf = (name: string) => ({ source: "env" as const, ...testKey(name) });

async function errorCodes(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (isLivingLabError(error)) return error.problems.map((p) => p.code);
  throw error ?? new Error("geen fout");
}

/** A lab with real personal data whose Mag principles are decided by their owners: only the review is missing. */
async function labAwaitingReview() {
  const { lab } = await makeRealLab();
  await decideRealOwners(lab);
  const { workspace, opened } = await openReal(lab);
  return { lab, workspace, opened, log: runLogPath(opened.dir) };
}

/** A review record as `giveReview` would write it, for someone forging one by hand. */
function forgedReview(opened: Awaited<ReturnType<typeof openReal>>["opened"], name: string): NewLogRecord {
  return {
    type: "review_given",
    id: `vervalst-${name.length}-${Date.now()}`,
    at: new Date().toISOString(),
    who: { name, source: "key" },
    experiment: { id: opened.experiment.id, template: opened.experiment.template, file_sha256: opened.sha256 },
    verdict: "goedgekeurd",
    toelichting: "Nagelopen.",
    run: null,
    author: opened.experiment.auteur,
  };
}

/** The gate's codes on the real-data example, and what `log verify` says about its log. */
async function gateAndVerify(lab: string) {
  const { workspace, opened } = await openReal(lab);
  const codes = runGateProblems(await gateInputFor(opened)).map((p) => p.code);
  const verified = await verifyRunLog(runLogPath(opened.dir), { people: await loadPeople(workspace.root) });
  const cli = runCli(["log", "verify", opened.experiment.id, "--root", lab]);
  return { codes, verified, cli };
}

describe("SSH signatures", () => {
  it("are verified as ssh-keygen verifies them: ed25519, rsa and ecdsa, namespace and message bound", async () => {
    const dir = await mkdtemp(join(tmpdir(), "livinglab-sig-"));
    try {
      const made = async (name: string, type: string[]) => {
        execFileSync("ssh-keygen", ["-q", ...type, "-N", "", "-C", name, "-f", join(dir, name)]);
        return {
          source: "env" as const,
          file: join(dir, name),
          publicKey: await readFile(join(dir, `${name}.pub`), "utf8"),
        };
      };
      const keys = [
        keyOf("A. de Vries"),
        await made("rsa", ["-t", "rsa", "-b", "2048"]),
        await made("ecdsa256", ["-t", "ecdsa", "-b", "256"]),
        await made("ecdsa384", ["-t", "ecdsa", "-b", "384"]),
        await made("ecdsa521", ["-t", "ecdsa", "-b", "521"]),
      ];
      expect(keys.slice(2).map((k) => k.publicKey.split(" ")[0])).toEqual([
        "ecdsa-sha2-nistp256",
        "ecdsa-sha2-nistp384",
        "ecdsa-sha2-nistp521",
      ]);
      for (const key of keys) {
        await writeFile(join(dir, "allowed"), `a@lab.example namespaces="${SIGNATURE_NAMESPACE}" ${key.publicKey}\n`);
        const cases = [
          { namespace: SIGNATURE_NAMESPACE, message: "record", checked: "record" },
          { namespace: SIGNATURE_NAMESPACE, message: "record", checked: "ander record" },
          { namespace: "git", message: "record", checked: "record" },
        ];
        for (const c of cases) {
          const signature = await signWithKey(key, c.message, c.namespace);
          await writeFile(join(dir, "sig"), signature);
          const ours = verifySshSignature(
            parseSshSignature(signature) ?? expect.fail(),
            c.checked,
            SIGNATURE_NAMESPACE,
          );
          let theirs = true;
          try {
            execFileSync(
              "ssh-keygen",
              [
                "-Y",
                "verify",
                "-f",
                join(dir, "allowed"),
                "-I",
                "a@lab.example",
                "-n",
                SIGNATURE_NAMESPACE,
                "-s",
                join(dir, "sig"),
              ],
              { input: c.checked, stdio: ["pipe", "ignore", "ignore"] },
            );
          } catch {
            theirs = false;
          }
          expect({ ...c, key: key.publicKey.split(" ")[0], ours }).toEqual({
            ...c,
            key: key.publicKey.split(" ")[0],
            ours: theirs,
          });
        }
        // And the people file takes the key.
        const file = {
          schema: 1,
          mensen: [
            {
              naam: "A. de Vries",
              email: "a@lab.example",
              rollen: ["reviewer"],
              sleutels: [{ sleutel: key.publicKey }],
            },
          ],
        };
        expect(peopleFileSchema.safeParse(file).success).toBe(true);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("the people file", () => {
  it("locates each problem with file, line and a Dutch hint, and then proves nobody", async () => {
    const { lab } = await makeRealLab();
    const key = testKey("A. de Vries").publicKey;
    await writeFile(
      join(lab, "people.yaml"),
      [
        "schema: 1",
        "mensen:",
        "  - naam: A. de Vries",
        "    email: a.devries@lab.example",
        "    rollen: [data scientist, revieuwer]",
        "    sleutels:",
        `      - sleutel: ${key}`,
        "  - naam: B. Jansen",
        "    email: b.jansen@lab.example",
        "    rollen: [data scientist]",
        "    sleutels:",
        `      - sleutel: ${key}`,
        "",
      ].join("\n"),
    );
    const people = await loadPeople(lab);
    expect(people.problems.map((p) => [p.line, p.file?.endsWith("people.yaml")])).toEqual([[5, true]]);
    expect(people.problems[0]).toMatchObject({ code: "invalid_value", hint: expect.stringContaining("reviewer") });
    const cli = runCli(["people", "--root", lab]);
    expect(cli.code).toBe(3);
    expect(cli.stdout).toContain("people.yaml:5");

    await writeFile(
      join(lab, "people.yaml"),
      (await readFile(join(lab, "people.yaml"), "utf8")).replace("revieuwer", "reviewer"),
    );
    const twice = await loadPeople(lab);
    expect(twice.problems.map((p) => [p.code, p.line])).toEqual([["people_key_twice", 12]]);
    expect(twice.keys.size).toBe(0);
    expect(await errorCodes(decideRealOwners(lab))).toEqual(["no_signing_identity"]);
  });

  it("refuses a FIDO key (sk-) with the reason: it signs only with its hardware token at hand", async () => {
    const { lab } = await makeRealLab();
    await writeFile(
      join(lab, "people.yaml"),
      [
        "schema: 1",
        "mensen:",
        "  - naam: A. de Vries",
        "    email: a.devries@lab.example",
        "    rollen: [data scientist]",
        "    sleutels:",
        "      - sleutel: sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAIE a@token",
        "",
      ].join("\n"),
    );
    const people = await loadPeople(lab);
    expect(people.problems.map((p) => [p.code, p.line])).toEqual([["people_key_fido", 7]]);
    expect(people.problems[0]?.message).toContain("alleen met de hardwaresleutel erbij");
    expect(people.problems[0]?.hint).toContain("ssh-keygen -t ed25519");
  });

  it("is listed by 'people', exported as allowed_signers, and 'whoami' says who you are by your key, not your name", async () => {
    const { lab } = await makeRealLab();
    const list = runCli(["people", "--root", lab]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/E\. de Wit\s+e\.dewit@lab\.example\s+reviewer\s+SHA256:/);
    const allowed = runCli(["people", "--allowed-signers", "--root", lab]).stdout;
    expect(allowed).toBe(allowedSigners(await loadPeople(lab), SIGNATURE_NAMESPACE));
    expect(allowed).toContain(
      `e.dewit@lab.example namespaces="${SIGNATURE_NAMESPACE}",valid-after="20200101" ssh-ed25519 `,
    );

    const me = runCli(["whoami", "--root", lab], asPerson(REVIEWER));
    expect(me.code).toBe(0);
    expect(me.stdout).toContain("U bent E. de Wit <e.dewit@lab.example> (reviewer)");
    // The author's key with the reviewer's name in LIVINGLAB_USER and git: still the author.
    const posing = runCli(["whoami", "--root", lab], {
      env: {
        ...asPerson(AUTHOR).env,
        LIVINGLAB_USER: REVIEWER,
        GIT_CONFIG_COUNT: "1",
        GIT_CONFIG_KEY_0: "user.name",
        GIT_CONFIG_VALUE_0: REVIEWER,
      },
    });
    expect(posing.stdout).toContain("U bent B. Jansen");
    const nobody = runCli(["whoami", "--root", lab], { env: { ...asPerson(REVIEWER).env, LIVINGLAB_SIGNING_KEY: "" } });
    expect(nobody.code).toBe(1);
    expect(nobody.stdout).toContain("Er is geen sleutel om mee te ondertekenen");
  });
});

describe("impersonation fails: refused by the gate, reported by verify with the record named", () => {
  it("a review under another person's name, signed with one's own key", async () => {
    const { lab, opened, log } = await labAwaitingReview();
    const forged = await appendRecord(log, forgedReview(opened, identityOf(REVIEWER)), {
      sign: (bytes) => signWithKey(keyOf(AUTHOR), bytes, SIGNATURE_NAMESPACE),
    });
    const { codes, verified, cli } = await gateAndVerify(lab);
    expect(codes).toEqual(["gate_review_missing"]);
    expect(verified.unproven).toEqual([expect.objectContaining({ seq: forged.seq, state: "name_mismatch" })]);
    expect(verified.intact).toBe(false);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`record ${forged.seq}`);
    expect(cli.stdout).toContain("is ondertekend met de sleutel van B. Jansen");
  });

  it("a forged review line with a correct chain hash and no signature", async () => {
    const { lab, opened, log } = await labAwaitingReview();
    const forged = await appendRecord(log, forgedReview(opened, identityOf(REVIEWER)));
    const { codes, verified, cli } = await gateAndVerify(lab);
    expect(codes).toEqual(["gate_review_missing"]);
    // Named, it does not count, and the log is not in order: nobody vouches for the record.
    expect(verified.unproven).toEqual([expect.objectContaining({ seq: forged.seq, state: "unsigned" })]);
    expect(verified.finding).toMatchObject({ kind: "unsigned", line: forged.seq, seq: forged.seq });
    expect(verified.intact).toBe(false);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`Record ${forged.seq} (review, regel ${forged.seq}) is niet ondertekend`);
    expect(cli.stdout).toContain(`regel ${forged.seq}, record ${forged.seq} (review, id vervalst`);
    expect(cli.stdout).toContain(`niet ondertekend, telt niet. Record ${forged.seq} is niet ondertekend`);
    expect(cli.stdout).toContain(`wat te doen: Zijn dit records van vóór het ondertekenen`);
    expect(cli.stdout).toContain(`'livinglab log accept-unsigned ${opened.experiment.id} --note`);
  });

  it("a key used after its valid-before", async () => {
    const { lab, workspace, opened, log } = await labAwaitingReview();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await writeTestPeople(
      lab,
      TEST_PEOPLE.map((p) => (p.naam === REVIEWER ? { ...p, geldig_tot: yesterday } : p)),
    );
    // The workbench itself no longer signs with it...
    expect(await errorCodes(asUser(REVIEWER, () => giveReview(workspace, opened, approval)))).toEqual([
      "no_signing_identity",
    ]);
    // ...and a record signed with it anyway does not count.
    const forged = await appendRecord(log, forgedReview(opened, identityOf(REVIEWER)), {
      sign: (bytes) => signWithKey(keyOf(REVIEWER), bytes, SIGNATURE_NAMESPACE),
    });
    const { codes, verified } = await gateAndVerify(lab);
    expect(codes).toEqual(["gate_review_missing"]);
    expect(verified.unproven).toEqual([expect.objectContaining({ seq: forged.seq, state: "key_not_valid" })]);
  });

  it("a signature made for another namespace, or for another record", async () => {
    const { lab, workspace, opened, log } = await labAwaitingReview();
    const other = await appendRecord(log, forgedReview(opened, identityOf(REVIEWER)), {
      sign: (bytes) => signWithKey(keyOf(REVIEWER), bytes, "git"),
    });
    // The reviewer's real review of the plan, whose signature is then put on a forged record.
    const real = await asUser(REVIEWER, () => giveReview(workspace, opened, approval));
    const copied = await appendRecord(log, forgedReview(opened, identityOf(REVIEWER)), {
      sign: async () => real.signature ?? "",
    });
    const { verified } = await gateAndVerify(lab);
    expect(verified.unproven.map((u) => [u.seq, u.state])).toEqual([
      [other.seq, "bad_signature"],
      [copied.seq, "bad_signature"],
    ]);
    // The real review counts; the forged ones do not.
    const status = await experimentStatus(workspace, opened.experiment.id);
    expect(status.reviews.map((r) => [r.seq, r.inForce, r.signature])).toEqual([
      [other.seq, false, "bad_signature"],
      [real.seq, true, "signed"],
      [copied.seq, false, "bad_signature"],
    ]);
  });
});

/** A decision as a workbench from before signing wrote it: unsigned, named by git. */
function oldDecision(opened: Awaited<ReturnType<typeof openReal>>["opened"], i: number): NewLogRecord {
  return {
    type: "principle_decided",
    id: `oud-besluit-${i}`,
    at: new Date().toISOString(),
    who: { name: "C. Bakker", source: "git" },
    experiment: { id: opened.experiment.id, template: opened.experiment.template, file_sha256: opened.sha256 },
    principle: "grondslag",
    status: "voldaan",
    toelichting: `Besluit ${i} van vóór het ondertekenen.`,
  };
}

describe("unsigned governance records (logs from before signing)", () => {
  it("fail verify, every one listed, until a signed record names them; they never count", async () => {
    const { lab } = await makeRealLab();
    const { workspace, opened } = await openReal(lab);
    const log = runLogPath(opened.dir);
    const old = [];
    for (let i = 0; i < 120; i++) old.push(await appendRecord(log, oldDecision(opened, i)));
    const id = opened.experiment.id;

    const before = runCli(["log", "verify", id, "--root", lab]);
    expect(before.code).toBe(1);
    expect(before.stdout).toContain(
      "(besluit, regel 1) is niet ondertekend: niemand staat ervoor in, en het telt niet. Er zijn nog 119 zulke records.",
    );
    // All of them, not the first hundred.
    expect(before.stdout.match(/: niet ondertekend, telt niet\./g)).toHaveLength(120);
    expect(before.stdout).toContain("regel 120, record 120 (besluit, id oud-besl)");

    // An unsigned acceptance accepts nothing, and is itself named.
    const unsignedAcceptance = await appendRecord(log, {
      ...oldDecision(opened, 0),
      id: "aanvaarding-zonder-handtekening",
      type: "unsigned_accepted",
      records: old.map((r) => r.seq),
      toelichting: "Alles goed.",
    });
    const still = await verifyRunLog(log, { people: await loadPeople(lab) });
    expect(still.unproven).toHaveLength(121);
    expect(still.unproven.at(-1)).toMatchObject({ seq: unsignedAcceptance.seq, type: "unsigned_accepted" });

    const accept = runCli(
      ["log", "accept-unsigned", id, "--note", "Besluiten van vóór het ondertekenen, nagelopen.", "--root", lab],
      asPerson(PRIVACY_OFFICER),
    );
    expect(accept.stderr).toBe("");
    expect(accept.stdout).toContain(
      "121 niet-ondertekende records aanvaard door D. Visser <d.visser@lab.example> in record 122",
    );
    const after = runCli(["log", "verify", id, "--root", lab]);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain(
      "121 niet-ondertekende records zijn met naam aanvaard (in record 122); ze tellen niet mee.",
    );
    expect(runCli(["log", id, "--root", lab]).stdout).toMatch(/niet ondertekend aanvaard\s+121 records/);

    // Accepted is not decided: the legal basis is still open, and the gate still closed on it.
    const input = await gateInputFor(opened);
    expect(input.governance.principles.find((p) => p.principle.id === "grondslag")?.status).toBe("open");
    expect(runGateProblems(input).map((p) => p.code)).toContain("gate_mag_open");

    // A later unsigned record fails verify again, and only that one is named.
    const late = await appendRecord(log, oldDecision(opened, 999));
    const again = await verifyRunLog(log, { people: await loadPeople(lab) });
    expect(again.unproven.map((u) => u.seq)).toEqual([late.seq]);
    expect(again.finding).toMatchObject({ kind: "unsigned", seq: late.seq });
    expect(again.accepted).toHaveLength(121);

    // Nothing left to accept after accepting it: refused with a reason.
    await asUser(REVIEWER, () => acceptUnsigned(workspace, opened, { toelichting: "Ook deze is bekend." }));
    expect(
      await errorCodes(asUser(REVIEWER, () => acceptUnsigned(workspace, opened, { toelichting: "Nog eens." }))),
    ).toEqual(["nothing_to_accept"]);
    expect((await verifyRunLog(log, { people: await loadPeople(lab) })).intact).toBe(true);
  });
});

describe("people and roles in the gates", () => {
  it("refuses a self-review whatever name or key the author uses", async () => {
    const { lab, opened, log } = await labAwaitingReview();
    // The author has a second key, and writes the reviewer's name in LIVINGLAB_USER: still the author.
    await writeTestPeople(lab, [
      ...TEST_PEOPLE.filter((p) => p.naam !== AUTHOR),
      { naam: AUTHOR, email: "b.jansen@lab.example", rollen: ["data scientist", "reviewer"] },
    ]);
    const people = await readFile(join(lab, "people.yaml"), "utf8");
    await writeFile(
      join(lab, "people.yaml"),
      people.replace(
        /( {2}- naam: B\. Jansen[\s\S]*?sleutels:\n)/,
        `$1      - sleutel: ${testKey("B. Jansen tweede sleutel").publicKey}\n`,
      ),
    );
    const second = { ...asPerson(REVIEWER).env, LIVINGLAB_SIGNING_KEY: testKey("B. Jansen tweede sleutel").file };
    const cli = runCli(
      [
        "review",
        opened.experiment.id,
        "--plan",
        "--verdict",
        "goedgekeurd",
        "--note",
        "Zelf nagelopen.",
        "--root",
        lab,
      ],
      { env: second },
    );
    expect(cli.stderr).toContain("(review_by_author)");
    // Written past the tool with that key, it does not count.
    await appendRecord(log, forgedReview(opened, identityOf(AUTHOR)), {
      sign: (bytes) => signWithKey(keyOf("B. Jansen tweede sleutel"), bytes, SIGNATURE_NAMESPACE),
    });
    const input = await gateInputFor(opened);
    expect(runGateProblems(input).map((p) => p.code)).toEqual(["gate_review_missing"]);
    expect(input.governance.reviews.at(-1)?.void).toBe("Door de auteur of de maker zelf.");
  });

  it("does not open the gate on a review by someone without the reviewer role", async () => {
    const { workspace, opened } = await labAwaitingReview();
    await asUser(PRIVACY_OFFICER, () => giveReview(workspace, opened, approval));
    const input = await gateInputFor(opened);
    expect(runGateProblems(input).map((p) => p.code)).toEqual(["gate_review_missing"]);
    expect(input.governance.reviews[0]?.void).toBe("D. Visser heeft geen rol reviewer in het personenbestand.");
    expect(
      await errorCodes(asUser(PRIVACY_OFFICER, () => giveReview(workspace, opened, { ...approval, role: "reviewer" }))),
    ).toEqual(["role_not_held"]);
    await asUser(REVIEWER, () => giveReview(workspace, opened, approval));
    expect(runGateProblems(await gateInputFor(opened))).toEqual([]);
  });

  it("does not count a Mag decision by someone without the owning role", async () => {
    const { lab } = await makeRealLab();
    const { workspace, opened } = await openReal(lab);
    // The privacy officer decides the legal basis, which the jurist owns.
    await asUser(PRIVACY_OFFICER, () =>
      decidePrinciple(workspace, opened, { principle: "grondslag", status: "voldaan", toelichting: "Lijkt mij goed." }),
    );
    const input = await gateInputFor(opened);
    const grondslag = input.governance.principles.find((p) => p.principle.id === "grondslag");
    expect(grondslag?.status).toBe("open");
    expect(grondslag?.ignored).toEqual([
      expect.objectContaining({ why: "D. Visser heeft niet de rol jurist, die over dit uitgangspunt besluit." }),
    ]);
    expect(
      runGateProblems(input)
        .filter((p) => p.path?.[1] === "grondslag")
        .map((p) => p.code),
    ).toEqual(["gate_mag_open"]);
  });
});

describe("runs", () => {
  it("are signed by the runner where a key is available, and say plainly when not", async () => {
    const lab = await makeLab();
    const workspace = openWorkspace(lab);
    const opened = await openExperiment(workspace, "om-datakwaliteit");
    const start = () =>
      openRun({
        workspace,
        opened,
        analysis: { name: "verkenning", params: {} },
        reads: { datasets: [], columns: {} },
        justification: "Een verkenning zonder data, om te zien wie de run deed.",
      });
    const signed = await asUser("A. de Vries", start);
    const unsigned = await asUser("A. de Vries", async () => {
      process.env.LIVINGLAB_SIGNING_KEY = "";
      return start();
    });
    const people = await loadPeople(lab);
    const records = await readLogRecords(runLogPath(opened.dir));
    const byId = (id: string) => records.find((r) => r.id === id) ?? expect.fail();
    expect(byId(signed.id).who).toEqual({ name: "A. de Vries <a.devries@lab.example>", source: "key" });
    expect(signatureOf(byId(signed.id), people).state).toBe("signed");
    expect(byId(unsigned.id).who).toEqual({ name: "A. de Vries", source: "env" });
    const show = runCli(["log", "show", unsigned.id, "--root", lab]).stdout;
    expect(show).toContain(
      "handtekening   niet ondertekend: Record 2 is niet ondertekend; de naam 'A. de Vries' is niet bewezen.",
    );
  });
});

describe("seals", () => {
  it("catch a log and head rewritten consistently with the library's own hashing", async () => {
    const { lab, workspace, opened, log } = await labAwaitingReview();
    await asUser(REVIEWER, () => giveReview(workspace, opened, approval));
    // The review sealed the log; 'log seal' makes another, kept elsewhere too; the lab's own seals file is removed.
    const elsewhere = join(await mkdtemp(join(tmpdir(), "livinglab-zegels-")), "zegels.jsonl");
    const sealed = runCli(["log", "seal", opened.experiment.id, "--out", elsewhere, "--root", lab], asPerson(AUTHOR));
    expect(sealed.stdout).toMatch(/^Zegel gezet door B\. Jansen <b\.jansen@lab\.example>: 4 records/);
    expect((await readFile(sealsPath(log), "utf8")).trim().split("\n")).toHaveLength(2);
    await rm(sealsPath(log));

    // The review is cut off, and the head rewritten to match: the chain and the head agree again.
    const records = await readLogRecords(log);
    const kept = records.slice(0, -1);
    await writeFile(log, kept.map((r) => `${JSON.stringify(r)}\n`).join(""));
    const last = kept.at(-1) as { seq: number; hash: string };
    await writeFile(`${log}.head`, `${JSON.stringify({ seq: last.seq, hash: last.hash })}\n`);
    expect(hashRecord(last as unknown as Record<string, unknown>)).toBe(last.hash);

    const without = runCli(["log", "verify", opened.experiment.id, "--root", lab]);
    expect(without.code).toBe(0);
    const withSeal = runCli(["log", "verify", opened.experiment.id, "--seal", elsewhere, "--root", lab]);
    expect(withSeal.code).toBe(1);
    expect(withSeal.stdout).toContain("kent 4 records, maar het logboek heeft er nu 3: er zijn records weggehaald");
    const verified = await verifyRunLog(log, {
      people: await loadPeople(lab),
      seals: [{ seal: JSON.parse(await readFile(elsewhere, "utf8")), from: elsewhere }],
    });
    expect(verified.finding?.kind).toBe("seal_mismatch");
  });

  it("catch the last record rewritten and re-signed by its own signer, with the head to match", async () => {
    const { lab, workspace, opened, log } = await labAwaitingReview();
    await asUser(REVIEWER, () => giveReview(workspace, opened, approval));
    const elsewhere = join(await mkdtemp(join(tmpdir(), "livinglab-zegels-")), "zegels.jsonl");
    await copyFile(sealsPath(log), elsewhere);
    await rm(sealsPath(log));
    // The reviewer rewrites the review's note after the fact, signs it again and rewrites the head.
    const records = await readLogRecords(log);
    const review = records.at(-1) as Record<string, unknown>;
    const { hash: _h, signature: _s, ...rest } = review;
    const changed: Record<string, unknown> = { ...rest, toelichting: "Toch iets anders nagelopen." };
    changed.signature = await signWithKey(keyOf(REVIEWER), signedBytesOf(changed), SIGNATURE_NAMESPACE);
    changed.hash = hashRecord(changed);
    await writeFile(log, [...records.slice(0, -1), changed].map((r) => `${JSON.stringify(r)}\n`).join(""));
    await writeFile(`${log}.head`, `${JSON.stringify({ seq: changed.seq, hash: changed.hash })}\n`);
    expect(runCli(["log", "verify", opened.experiment.id, "--root", lab]).code).toBe(0);
    const withSeal = runCli(["log", "verify", opened.experiment.id, "--seal", elsewhere, "--root", lab]);
    expect(withSeal.code).toBe(1);
    expect(withSeal.stdout).toContain("Record 4 heeft niet meer de hash die het zegel");
  });
});

const approval = { verdict: "goedgekeurd", toelichting: "Opzet en grondslag nagelopen.", plan: true } as const;
