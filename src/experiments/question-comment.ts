import { describeCondition } from "../templates/condition.js";
import { isRequired, type Question } from "../templates/template-schema.js";

/** The comment lines that explain a question in a scaffolded file: label, need, help, options. */
export function questionComment(question: Question): string[] {
  const need = isRequired(question)
    ? "verplicht"
    : question.optional
      ? "alleen waar het van toepassing is"
      : "aanbevolen";
  const when = question.when ? ` als ${describeCondition(question.when)}` : "";
  const lines = [`${question.label} – ${need}${when}`, question.help];
  if (question.options)
    lines.push(
      `Kies ${question.type === "multiple_choice" ? "een of meer" : "een"} uit: ${question.options.join(", ")}`,
    );
  const hint = answerHint[question.type];
  if (hint) lines.push(hint);
  return lines;
}

const answerHint: Record<Question["type"], string> = {
  text: "",
  long_text: "Meer regels? Schrijf '|' na de dubbele punt en de tekst ingesprongen op de regels eronder.",
  choice: "",
  multiple_choice: "Schrijf als lijst: [keuze1, keuze2]",
  date: "Datum als JJJJ-MM-DD.",
  yes_no: "Antwoord true (ja) of false (nee).",
  list: "Schrijf als lijst, elk punt op een regel die begint met '- '.",
  table: "Per rij de kolommen hieronder; herhaal de rij (vanaf '-') voor elke volgende.",
  number: "Een getal, zoals 1 of 0.5.",
};
