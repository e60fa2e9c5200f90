import type { Problem, SourceLocation } from "../errors/problem.js";
import type { Condition } from "./condition.js";
import {
  type Question,
  type ResolvedSection,
  type SectionId,
  sectionIds,
  type Template,
  type TemplateFile,
} from "./template-schema.js";

type Path = Array<string | number>;
type Locate = (path: Path) => SourceLocation;

export const sectionTitles: Record<SectionId, string> = {
  userstory: "Userstory",
  doel: "Doel",
  data: "Data",
  principes: "Uitgangspunten",
  evaluatie: "Evaluatie",
};

/**
 * Applies a template file on top of its parent (or on nothing, for a root template).
 * A child may add questions and tighten inherited ones; loosening is a problem.
 */
export function extendTemplate(
  file: TemplateFile,
  parent: Template | undefined,
  locate: Locate,
): { template: Template; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (path: Path) => ({ path, ...locate(path) });
  const sections = {} as Record<SectionId, ResolvedSection>;
  for (const id of sectionIds) {
    const own = file.sections[id];
    if (!parent && !own) {
      problems.push({
        code: "section_missing",
        message: `De sectie '${id}' ontbreekt.`,
        hint: "Een sjabloon zonder 'extends' heeft alle vijf secties: userstory, doel, data, principes en evaluatie.",
        ...at(["sections"]),
      });
    }
    const inherited = parent?.sections[id];
    sections[id] = {
      title: own?.title ?? inherited?.title ?? sectionTitles[id],
      questions: mergeQuestions(inherited?.questions ?? [], own?.questions ?? [], ["sections", id, "questions"], {
        problems,
        at,
      }),
    };
  }
  const ownPrinciples = file.sections.principes;
  const checklist = ownPrinciples?.checklist ?? parent?.principles.checklist;
  if (!checklist) {
    problems.push({
      code: "checklist_missing",
      message: "Het sjabloon noemt geen versie van de uitgangspunten.",
      hint: "Zet onder sections.principes bijvoorbeeld 'checklist: 1.0.0' (een bestand in templates/principes/).",
      ...at(["sections", "principes"]),
    });
  }
  const scores = [...new Set([...(parent?.principles.scores ?? []), ...(ownPrinciples?.scores ?? [])])];
  // A child may add roles to the weighing, never drop one its parent requires.
  const inheritedRoles = parent?.principles.weighingRoles;
  const ownRoles = ownPrinciples?.weging?.rollen;
  const weighingRoles =
    inheritedRoles || ownRoles ? [...new Set([...(inheritedRoles ?? []), ...(ownRoles ?? [])])] : undefined;
  const template: Template = {
    id: file.id,
    version: file.version,
    title: file.title,
    purpose: file.purpose,
    ...(file.extends ? { extends: file.extends } : {}),
    lineage: [`${file.id}@${file.version}`, ...(parent?.lineage ?? [])],
    sections,
    principles: { checklist: checklist ?? "0.0.0", scores, ...(weighingRoles && { weighingRoles }) },
  };
  return { template, problems };
}

interface MergeContext {
  problems: Problem[];
  at: (path: Path) => Pick<Problem, "path" | "file" | "line" | "column">;
}

function mergeQuestions(inherited: readonly Question[], own: readonly Question[], path: Path, ctx: MergeContext) {
  const merged = [...inherited];
  own.forEach((question, index) => {
    const i = merged.findIndex((q) => q.id === question.id);
    const parent = merged[i];
    if (parent === undefined) merged.push(question);
    else merged[i] = tighten(parent, question, [...path, index], ctx);
  });
  return merged;
}

function tighten(parent: Question, child: Question, path: Path, ctx: MergeContext): Question {
  const refuse = (field: string, code: string, message: string, hint: string) =>
    ctx.problems.push({ code, message, hint, ...ctx.at([...path, field]) });
  if (child.type !== parent.type) {
    refuse(
      "type",
      "extends_type_changed",
      `De vraag '${child.id}' is in het basissjabloon van type '${parent.type}'.`,
      "Een afgeleid sjabloon mag het type van een vraag niet veranderen; kies een nieuw id.",
    );
  }
  if (parent.required === true && child.required === false) {
    refuse(
      "required",
      "extends_loosened",
      `De vraag '${child.id}' is in het basissjabloon verplicht.`,
      "Een afgeleid sjabloon mag een vraag alleen strenger maken: laat 'required' weg of zet het op true.",
    );
  }
  if (parent.stated_before_first_run === true && child.stated_before_first_run === false) {
    refuse(
      "stated_before_first_run",
      "extends_loosened",
      `De vraag '${child.id}' wordt in het basissjabloon vóór de eerste run vastgelegd.`,
      "Een afgeleid sjabloon mag dat niet losser maken: laat 'stated_before_first_run' weg of zet het op true.",
    );
  }
  const widened = (child.options ?? []).filter((o) => parent.options !== undefined && !parent.options.includes(o));
  if (widened.length > 0) {
    refuse(
      "options",
      "extends_options_widened",
      `Nieuwe keuzes voor '${child.id}': ${widened.join(", ")}.`,
      `Een afgeleid sjabloon mag keuzes alleen weglaten. Toegestaan: ${(parent.options ?? []).join(", ")}.`,
    );
  }
  if (child.when !== undefined && !sameCondition(child.when, parent.when)) {
    refuse(
      "when",
      "extends_condition_changed",
      `De voorwaarde van '${child.id}' wijkt af van het basissjabloon.`,
      "Een voorwaarde maakt een vraag minder vaak verplicht; laat 'when' weg bij een overgenomen vraag.",
    );
  }
  return {
    ...parent,
    ...definedFields(child),
    required: child.required ?? parent.required,
    ...(parent.when ? { when: parent.when } : {}),
    ...(parent.columns || child.columns
      ? { columns: mergeQuestions(parent.columns ?? [], child.columns ?? [], [...path, "columns"], ctx) }
      : {}),
  };
}

function definedFields(question: Question): Partial<Question> {
  return Object.fromEntries(Object.entries(question).filter(([, v]) => v !== undefined));
}

function sameCondition(a: Condition, b: Condition | undefined): boolean {
  return b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
