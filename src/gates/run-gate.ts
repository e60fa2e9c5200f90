import type { Problem } from "../errors/problem.js";
import { LivingLabError } from "../errors/problem.js";
import { dateText } from "../governance/evidence/evidence.js";
import type { PrincipleGovernance } from "../governance/governance-state.js";
import { requireJustification } from "../runlog/justification.js";
import type { GateInput } from "./gate-input.js";

/**
 * Why this run may not read its data (empty when it may). For every experiment: no dataset
 * past its retention date. On declared real personal data also: every Mag principle decided
 * in the log and met (and not contradicted by the tool's evidence), an approving review in
 * force by someone other than the author, and only declared datasets and columns read.
 * Synthetic data may be used while principles are still open.
 */
export function runGateProblems(input: GateInput): Problem[] {
  const problems: Problem[] = [...retentionProblems(input)];
  const real = input.declared.filter((d) => d.real).map((d) => d.name);
  if (real.length === 0) return problems;
  const data = `de dataset(s) ${real.join(", ")} met echte persoonsgegevens`;
  for (const p of input.governance.principles.filter((p) => p.principle.weighing === "Mag")) {
    const problem = magProblem(p, data);
    if (problem) problems.push(problem);
  }
  if (!input.governance.approval) problems.push(reviewProblem(input, data));
  problems.push(...declarationProblems(input));
  return problems;
}

/**
 * The run gates, in order: a justification in words (gate 1), then everything `runGateProblems`
 * checks (gate 2). Returns the cleaned justification, or throws with every reason at once.
 * @example requireRunAllowed({ ...(await gateInputFor(om)), justification });
 */
export function requireRunAllowed(input: GateInput & { justification: string | undefined }): string {
  const justification = requireJustification(input.justification);
  const problems = runGateProblems(input);
  if (problems.length > 0) throw new LivingLabError(problems);
  return justification;
}

function retentionProblems(input: GateInput): Problem[] {
  const read = new Set(input.reads.datasets.map((d) => d.name));
  return input.declared
    .filter((d) => read.has(d.name) && d.destroyBy !== undefined && d.destroyBy < input.today)
    .map((d) => ({
      code: "gate_retention_expired",
      message: `Geen run op ${d.name}: de bewaartermijn is verstreken op ${dateText(d.destroyBy ?? "")}.`,
      hint: "Vernietig de data met 'livinglab destroy-data' en leg dat vast. Is een langere termijn afgesproken, leg die dan vast in het experiment (vernietigen_op) en laat het opnieuw reviewen.",
      path: ["data", "datasets"],
    }));
}

function magProblem(p: PrincipleGovernance, data: string): Problem | undefined {
  const { principle, proposal } = p;
  const path = ["principes", principle.id];
  if (p.status === "open") {
    const proposed = proposal && proposal.status !== "open" ? `; het experiment stelt '${proposal.status}' voor` : "";
    return {
      code: "gate_mag_open",
      message: `Geen run op ${data}: het uitgangspunt '${principle.title}' (Mag) is nog niet besloten in het logboek${proposed}.`,
      hint: `Laat de ${principle.owner} besluiten met 'livinglab decide <experiment> ${principle.id} --status ... --note "..."'. Met synthetische data kunt u al wel werken.`,
      path,
    };
  }
  if (p.status === "niet_voldaan") {
    return {
      code: "gate_mag_not_met",
      message: `Geen run op ${data}: aan '${principle.title}' (Mag) is niet voldaan, dus deze verwerking mag niet.`,
      hint: "Pas het experiment aan (minder of synthetische data, een andere grondslag) tot aan dit uitgangspunt is voldaan.",
      path,
    };
  }
  if (p.contradicted) {
    const why = p.evidence.findings.filter((f) => f.verdict === "contradicts").map((f) => f.text);
    return {
      code: "gate_mag_contradicted",
      message: `Geen run op ${data}: '${principle.title}' (Mag) is besloten als voldaan, maar wat de tool meet spreekt dat tegen: ${why.join(" ")}`,
      hint: `Neem de oorzaak weg, of laat de ${principle.owner} opnieuw besluiten.`,
      path,
    };
  }
  return undefined;
}

function reviewProblem(input: GateInput, data: string): Problem {
  const revoked = input.governance.reviews.filter((r) => r.verdict === "goedgekeurd" && !r.inForce).at(-1);
  return {
    code: "gate_review_missing",
    message: `Geen run op ${data}: het experiment is nog niet gereviewd door iemand anders dan de auteur (${input.author}).${revoked ? ` De goedkeuring van ${revoked.reviewer.replace(/\s*<[^>]*>/, "")} telt niet: ${revoked.void}` : ""}`,
    hint: "Vraag een collega om een review van deze versie van het experiment; die wordt vastgelegd in het logboek.",
  };
}

/** On real personal data an analysis reads only declared datasets and declared columns. */
function declarationProblems(input: GateInput): Problem[] {
  const problems: Problem[] = [];
  for (const planned of input.reads.datasets) {
    const declared = input.declared.find((d) => d.name === planned.name);
    if (!declared) {
      problems.push({
        code: "gate_dataset_undeclared",
        message: `Geen run: de dataset '${planned.name}' staat niet in de data van het experiment.`,
        hint: "Declareer de dataset (met bron, grondslag en benodigde kolommen) onder data.datasets, en laat het experiment opnieuw reviewen.",
        path: ["data", "datasets"],
      });
      continue;
    }
    if (declared.columns === undefined) {
      problems.push({
        code: "gate_columns_undeclared",
        message: `Geen run: bij '${planned.name}' staat niet welke kolommen nodig zijn.`,
        hint: "Vul 'kolommen' in bij deze dataset: alleen wat het experiment echt nodig heeft.",
        path: ["data", "datasets"],
      });
      continue;
    }
    const extra = (planned.columns ?? []).filter((c) => !declared.columns?.includes(c));
    if (extra.length > 0) {
      problems.push({
        code: "gate_column_undeclared",
        message: `Geen run: de analyse leest ${extra.length === 1 ? "de kolom" : "de kolommen"} ${extra.join(", ")} van '${planned.name}', die het experiment niet declareert.`,
        hint: "Laat de analyse alleen gedeclareerde kolommen lezen, of declareer de kolom (als die echt nodig is) en laat het experiment opnieuw reviewen.",
        path: ["data", "datasets"],
      });
    }
  }
  return problems;
}
