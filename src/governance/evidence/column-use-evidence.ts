import { type EvidenceFinding, type EvidenceSource, runText } from "./evidence.js";

/**
 * proportionaliteit: the declared columns against the columns the experiment's own suite reads
 * and the columns runs on this version of the experiment touched. An undeclared column or
 * dataset contradicts; a reader that does not say which columns (`dataset.*`) reads them all.
 */
export const columnUseEvidence: EvidenceSource = (context) => {
  const declared = new Map(context.declared.map((d) => [d.name, d.columns]));
  const undeclared = (qualified: string): boolean => {
    const dot = qualified.indexOf(".");
    const [dataset, column] = [qualified.slice(0, dot), qualified.slice(dot + 1)];
    const columns = declared.get(dataset);
    return !declared.has(dataset) || columns === undefined || column === "*" || !columns.includes(column);
  };
  const sources: Array<{ by: string; run?: string; columns: string[] }> = [];
  if (context.ownSuite) {
    sources.push({
      by: `de suite ${context.ownSuite.logName}`,
      columns: Object.values(context.ownSuite.reads.columns).flat(),
    });
  }
  for (const run of context.runs) {
    if (run.experiment.file_sha256 !== context.sha256 || !run.columns_read) continue;
    sources.push({ by: runText(run), run: run.id, columns: Object.values(run.columns_read).flat() });
  }
  if (sources.length === 0) return [];
  const findings: EvidenceFinding[] = [];
  for (const source of sources) {
    const outside = [...new Set(source.columns.filter(undeclared))].sort();
    if (outside.length === 0) continue;
    findings.push({
      kind: "kolomgebruik",
      verdict: "contradicts",
      text: `${capital(source.by)} leest ${outside.length === 1 ? "een kolom" : `${outside.length} kolommen`} die het experiment niet declareert: ${shortList(outside)}.`,
      ...(source.run && { run: source.run }),
    });
  }
  if (findings.length > 0) return findings;
  const read = new Set(sources.flatMap((s) => s.columns));
  return [
    {
      kind: "kolomgebruik",
      verdict: "supports",
      text: `De suite en de runs lezen alleen gedeclareerde kolommen (${read.size} in totaal).`,
    },
  ];
};

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function shortList(items: readonly string[], max = 6): string {
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown} en nog ${items.length - max}` : shown;
}
