import { formatProblem } from "../errors/format-problem.js";
import type { EvidenceVerdict } from "../governance/evidence/evidence.js";
import type { RoleParticipation } from "../governance/participation.js";
import type { StandingCode } from "../governance/principle-standing.js";
import { criterionText } from "../governance/success-criteria.js";
import { signatureStateWords } from "../people/record-signature.js";
import { weighings } from "../templates/principle-schema.js";
import type { ExperimentStatus, GateState } from "./experiment-status.js";

const standingSymbol: Record<StandingCode, string> = {
  voldaan: "●",
  niet_voldaan: "✗",
  niet_van_toepassing: "●",
  voorgesteld: "◐",
  tegengesproken: "✗",
  open: "○",
};

const evidenceSymbol: Record<EvidenceVerdict, string> = { supports: "+", contradicts: "!", none: "·" };

function formatPercent(value: number): string {
  return `${value.toLocaleString("nl-NL", { maximumFractionDigits: 1 })}%`;
}

export const gateWords: Record<GateState, string> = {
  open: "open (toegestaan)",
  dicht: "dicht",
  bij_elke_run: "geldt bij elke run",
};

/** The heading over who has spoken: whose roles they are, the template's or derived. */
export function participationHeading(status: Pick<ExperimentStatus, "participationFrom">): string {
  const { from, template } = status.participationFrom;
  const named = template ? `het sjabloon ${template}` : "het sjabloon";
  return from === "sjabloon"
    ? `Wie heeft gesproken (ondertekend besluit of review, per rol die ${named} noemt)`
    : `Wie heeft gesproken (ondertekend besluit of review, per rol; ${named} noemt geen rollen, dus afgeleid uit de eigenaren van de uitgangspunten en de reviewer)`;
}

/** Who in a role has spoken; else that nobody has yet, and who could, or that nobody holds the role. */
export function spokenWords(p: RoleParticipation): string {
  if (p.spoken.length > 0) return p.spoken.map((s) => `${s.who} (${s.what}, record ${s.seq})`).join(", ");
  if (p.holders.length === 0) return "nog niemand; niemand in het personenbestand heeft deze rol";
  return `nog niemand (${p.holders.join(", ")} ${p.holders.length === 1 ? "heeft" : "hebben"} deze rol)`;
}

/** The status of an experiment as plain text, for the command line. */
export function formatStatus(status: ExperimentStatus): string {
  const lines = [
    `${status.titel || status.id} (${status.id}) – sjabloon ${status.template}, auteur ${status.auteur || "onbekend"}`,
    "",
    "Secties:",
  ];
  for (const s of status.sections) {
    lines.push(
      `  ${s.complete ? "✓" : "✗"} ${s.title.padEnd(16)} ${s.complete ? "compleet" : `nog ${s.missing.length} open`}`,
    );
    for (const m of s.missing) lines.push(`      - ${m}`);
    for (const r of s.recommended) lines.push(`      · aanbevolen: ${r}`);
  }
  lines.push("", "Uitgangspunten (besloten in het logboek; het experimentbestand is het voorstel):");
  for (const weighing of weighings) {
    lines.push(`  ${weighing}:`);
    for (const p of status.principles[weighing]) {
      const detail = [
        p.score !== undefined ? `score ${p.score}` : "",
        p.decidedBy ? `door ${p.decidedBy}` : "",
        p.date ?? "",
      ]
        .filter(Boolean)
        .join(", ");
      lines.push(
        `    ${standingSymbol[p.standing.code]} ${p.title}: ${p.standing.label}${detail ? ` (${detail})` : ""}`,
      );
      if (p.standing.code !== "open") lines.push(`        ${p.standing.detail}`);
      for (const d of p.ignored)
        lines.push(
          `        ○ besluit '${d.status}' van ${d.who.replace(/\s*<[^>]*>/, "")} (record ${d.seq}) telt niet: ${d.why}`,
        );
      for (const finding of p.evidence.findings)
        lines.push(`        ${evidenceSymbol[finding.verdict]} tool: ${finding.text}`);
    }
  }
  if (status.reviews.length > 0) {
    lines.push("", "Reviews:");
    for (const r of status.reviews) {
      const what = r.run ? `run ${r.run.slice(0, 8)}` : "het plan";
      lines.push(
        `  ${r.inForce ? "●" : "○"} ${r.verdict} door ${r.reviewer.replace(/\s*<[^>]*>/, "")} (${r.at.slice(0, 10)}, record ${r.seq}, ${signatureStateWords[r.signature]}), over ${what}${r.inForce ? "" : `: telt niet. ${r.void}`}`,
      );
    }
  }
  lines.push("", `${participationHeading(status)}:`);
  for (const p of status.participation) {
    lines.push(`  ${p.spoken.length > 0 ? "●" : "○"} ${p.role}: ${spokenWords(p)}`);
  }
  if (status.criteria.length > 0) {
    lines.push("", "Succesmaten (vooraf vastgelegd):");
    for (const c of status.criteria) {
      const measured = c.measured === null ? "nog niet gemeten" : `gemeten ${formatPercent(c.measured)}`;
      lines.push(
        `  ${c.met === null ? "○" : c.met ? "✓" : "✗"} ${criterionText(c.measure)}: minstens ${formatPercent(c.atLeast)}, ${measured}`,
      );
    }
  }
  lines.push("", "Poorten:");
  for (const g of status.gates) {
    lines.push(`  ${g.title}: ${gateWords[g.state]}`);
    for (const r of g.reasons) lines.push(`      - ${r}`);
  }
  if (status.problems.length > 0) {
    lines.push(
      "",
      `Problemen in het bestand (${status.problems.length}):`,
      ...status.problems.map((p) => formatProblem(p)),
    );
  }
  return lines.join("\n");
}
