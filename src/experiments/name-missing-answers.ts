import type { Problem } from "../errors/problem.js";
import type { PrinciplesFile } from "../templates/principle-schema.js";
import { type Question, type SectionId, sectionIds, type Template } from "../templates/template-schema.js";

/**
 * Gives a missing answer the words of its question: its Dutch label as the message and its
 * help text as the hint, instead of a bare "field missing".
 */
export function nameMissingAnswers(
  problems: readonly Problem[],
  template: Template,
  principles: PrinciplesFile,
): Problem[] {
  return problems.map((problem) => {
    if (problem.code !== "missing_field" || !problem.path) return problem;
    const [section, id, row, column] = problem.path;
    if (section === "principes" && problem.path.length === 2) {
      const principle = principles.principles.find((p) => p.id === id);
      if (!principle) return problem;
      return {
        ...problem,
        code: "principle_missing",
        message: `Het uitgangspunt '${principle.title}' ontbreekt.`,
        hint: `Zet hier minstens 'status: open'. De vraag: ${principle.question}`,
      };
    }
    if (!sectionIds.includes(section as SectionId)) return problem;
    const question = template.sections[section as SectionId].questions.find((q) => q.id === id);
    const asked: Question | undefined =
      problem.path.length === 4 && typeof row === "number" ? question?.columns?.find((c) => c.id === column) : question;
    if (!asked || (problem.path.length !== 2 && problem.path.length !== 4)) return problem;
    return {
      ...problem,
      code: "answer_missing",
      message: `De verplichte vraag '${asked.label}' is niet beantwoord.`,
      hint: asked.help,
    };
  });
}
