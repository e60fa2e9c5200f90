import { dimensionName } from "../checks/dimension-words.js";
import { unitWords } from "../checks/metric-unit.js";
import { type CheckComparison, changeWords, type RunComparison } from "../runlog/compare-runs.js";
import { outcomeWords } from "../runlog/log-overview.js";
import { renderTextTable } from "./text-table.js";

/**
 * Two runs side by side for the terminal: what differs in data and code, then per check the
 * outcome and the metric before and after and the change, the changed checks first.
 */
export function formatComparison(diff: RunComparison): string {
  const { before, after, counts } = diff;
  const head = [
    `Run ${before.id.slice(0, 8)} (record ${before.seq}, ${before.at}) tegenover run ${after.id.slice(0, 8)} (record ${after.seq}, ${after.at})`,
    `Controles: ${counts.beter} beter, ${counts.slechter} slechter, ${counts.andere_meting} met een andere meting, ${counts.gelijk} gelijk, ${counts.nieuw} nieuw, ${counts.vervallen} vervallen.`,
  ];
  const differs = [...diff.data.map((d) => ({ ...d, name: `data ${d.name}` })), ...diff.code].filter((f) => !f.same);
  const facts =
    differs.length === 0
      ? ["Data (vingerafdruk van de inhoud) en code zijn in beide runs gelijk."]
      : ["Wat verschilt:", ...differs.map((f) => `  ${f.name}: ${f.before ?? "–"} → ${f.after ?? "–"}`)];
  const order: Record<CheckComparison["change"], number> = {
    slechter: 0,
    beter: 1,
    andere_meting: 2,
    nieuw: 3,
    vervallen: 4,
    gelijk: 5,
  };
  const rows = [...diff.checks]
    .sort((a, b) => order[a.change] - order[b.change])
    .map((c) => [
      c.id,
      c.dimension ? dimensionName(c.dimension) : "–",
      `${side(c.before, "outcome")} → ${side(c.after, "outcome")}`,
      `${side(c.before, "metric")} → ${side(c.after, "metric")}`,
      changeWords[c.change],
    ]);
  const table =
    rows.length === 0
      ? "Geen van beide runs heeft controles."
      : renderTextTable(["controle", "soort", "uitkomst", "gemeten", "verandering"], rows);
  return [...head, ...facts, "", table].join("\n");
}

function side(s: CheckComparison["before"], what: "outcome" | "metric"): string {
  if (!s) return "–";
  if (what === "outcome") return s.outcome ? (outcomeWords[s.outcome] ?? s.outcome) : "–";
  if (s.metric === null) return "–";
  return s.unit === "unrecorded" ? String(s.metric) : unitWords[s.unit].text(s.metric);
}
