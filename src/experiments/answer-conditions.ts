import type { Problem } from "../errors/problem.js";
import { type Condition, conditionHolds, describeCondition } from "../templates/condition.js";
import { isRequired, type Question, sectionIds, type Template } from "../templates/template-schema.js";
import type { YamlSource } from "../yaml/yaml-source.js";

type Answers = Readonly<Record<string, unknown>>;

/**
 * Required questions with a condition: missing answers while the condition holds. Runs on
 * the raw answers, so it reports even when other parts of the file are wrong.
 */
export function conditionProblems(template: Template, root: Answers, source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  for (const sectionId of sectionIds) {
    const answers = asRecord(root[sectionId]);
    for (const question of template.sections[sectionId].questions) {
      const path = [sectionId, question.id];
      if (question.when && isMissing(question, answers, root))
        problems.push(missing(question, question.when, path, source));
      const rows = answers[question.id];
      if (question.type !== "table" || !Array.isArray(rows)) continue;
      rows.forEach((row, index) => {
        const cells = asRecord(row);
        for (const column of question.columns ?? []) {
          if (column.when && isMissing(column, cells, root)) {
            problems.push(missing(column, column.when, [...path, index, column.id], source));
          }
        }
      });
    }
  }
  return problems;
}

function isMissing(question: Question, siblings: Answers, root: Answers): boolean {
  return (
    question.when !== undefined &&
    isRequired(question) &&
    siblings[question.id] === undefined &&
    conditionHolds(question.when, siblings, root)
  );
}

function missing(question: Question, when: Condition, path: Array<string | number>, source: YamlSource): Problem {
  return {
    code: "conditional_answer_missing",
    message: `De vraag '${question.label}' moet worden beantwoord, omdat ${describeCondition(when)}.`,
    hint: question.help,
    path,
    ...source.locate(path),
  };
}

function asRecord(value: unknown): Answers {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Answers) : {};
}
