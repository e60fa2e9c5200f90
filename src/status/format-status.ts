import { formatProblem } from "../errors/format-problem.js";
import { weighings } from "../templates/principle-schema.js";
import type { ExperimentStatus, GateState } from "./experiment-status.js";

export const statusWords: Record<string, string> = {
  voldaan: "voldaan",
  niet_voldaan: "niet voldaan",
  niet_van_toepassing: "niet van toepassing",
  open: "open",
};

export const gateWords: Record<GateState, string> = {
  open: "open (toegestaan)",
  dicht: "dicht",
  bij_elke_run: "geldt bij elke run",
};

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
  lines.push("", "Uitgangspunten:");
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
        `    ${p.status === "open" ? "○" : "●"} ${p.title}: ${statusWords[p.status] ?? p.status}${detail ? ` (${detail})` : ""}`,
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
