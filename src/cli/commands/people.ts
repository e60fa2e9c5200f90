import { formatProblems } from "../../errors/format-problem.js";
import { allowedSigners, loadPeople } from "../../people/load-people.js";
import type { RoleWindow } from "../../people/people-schema.js";
import { keyFingerprint, publicKeyBlob, SIGNATURE_NAMESPACE } from "../../people/ssh-signature.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";
import { expectPositionals } from "../positionals.js";
import { renderTextTable } from "../text-table.js";

export const peopleCommand: Command = {
  name: "people",
  summary: "Toon de mensen van het lab, hun rollen en sleutels (people.yaml)",
  usage: `livinglab people [--allowed-signers] [--root <map>]

  Toont people.yaml van het lab: per persoon de rollen en de sleutels waarmee hij of zij
  ondertekent, met de dagen dat elke sleutel geldt. Fouten in het bestand staan met regel en
  uitleg eronder; zolang er fouten zijn, telt geen handtekening.

  --allowed-signers    schrijf het bestand als allowed_signers voor 'ssh-keygen -Y verify'
                       (namespace ${SIGNATURE_NAMESPACE}), om handtekeningen zelf na te gaan
  --root <map>         de map van het lab (standaard: de huidige map)

Exitcodes:
  0  het bestand is in orde
  3  het bestand ontbreekt of heeft fouten`,
  async run(args) {
    const { values, positionals } = parseOptions(
      args,
      { root: { type: "string" }, "allowed-signers": { type: "boolean" } },
      "people",
    );
    expectPositionals(positionals, 0, 0, this.usage);
    const people = await loadPeople(openWorkspace(values.root).root);
    if (!people.exists) {
      console.log(
        `Dit lab heeft geen personenbestand (${people.file}). Zonder dat bestand telt geen besluit of review op echte persoonsgegevens.`,
      );
      return EXIT.error;
    }
    if (people.problems.length > 0) {
      console.log(formatProblems(people.problems));
      return EXIT.error;
    }
    if (values["allowed-signers"]) {
      process.stdout.write(allowedSigners(people, SIGNATURE_NAMESPACE));
      return EXIT.ok;
    }
    const rows = people.people.flatMap((p) => {
      const keys = p.sleutels.length > 0 ? p.sleutels : [undefined];
      return keys.map((k, i) => [
        i === 0 ? p.naam : "",
        i === 0 ? p.email : "",
        i === 0 ? p.rollen.map((role) => roleText(role, p.rol_geldig?.[role])).join(", ") : "",
        k ? keyFingerprint(publicKeyBlob(k.sleutel)) : "(geen sleutel: kan niet ondertekenen)",
        k ? `${k.geldig_vanaf ?? "altijd"} tot ${k.geldig_tot ?? "nader order"}` : "",
      ]);
    });
    console.log(renderTextTable(["naam", "e-mail", "rollen", "sleutel", "geldig"], rows));
    return EXIT.ok;
  },
};

/** A role with its dates, when it has them: "reviewer (vanaf 2026-03-01 tot 2027-01-01)". */
function roleText(role: string, window: RoleWindow | undefined): string {
  const span = [window?.vanaf && `vanaf ${window.vanaf}`, window?.tot && `tot ${window.tot}`].filter(Boolean).join(" ");
  return span ? `${role} (${span})` : role;
}
