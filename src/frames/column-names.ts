import type { DataFrame } from "danfojs-node";
import { LivingLabError, type Problem } from "../errors/problem.js";

/**
 * The names a DataFrame uses for its own members (`min`, `count`, `index`, `sample`, ...). danfojs
 * makes every column a property of the frame, so a column by such a name would hide the member.
 */
export function memberNames(prototype: object): Set<string> {
  const names = new Set<string>();
  for (let p: object | null = prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p))
    for (const name of Object.getOwnPropertyNames(p)) names.add(name);
  return names;
}

/** Refuses column names that would hide a member of the DataFrame, all at once. */
export function refuseTakenNames(columns: readonly string[], members: ReadonlySet<string>): void {
  const problems: Problem[] = columns
    .filter((name) => members.has(name))
    .map((name) => ({
      code: "frame_column_name_taken",
      message: `De kolom '${name}' heeft de naam van een functie van een DataFrame (${name}); danfojs zou die functie dan verbergen.`,
      hint: `Geef de kolom in uw query een andere naam, bijvoorbeeld ${name} AS ${name}_waarde.`,
    }));
  if (problems.length > 0) throw new LivingLabError(problems);
}

/** The column names of a frame, read through danfojs's own getter, and checked as above. */
export function columnNamesOf(frame: DataFrame): string[] {
  const prototype = Object.getPrototypeOf(frame) as object;
  const names = Reflect.get(prototype, "columns", frame) as string[];
  refuseTakenNames(names, memberNames(prototype));
  return names;
}

/**
 * The values of every column, as danfojs keeps them (no copy). Unlike `df.column(name)`, which
 * copies the index and checks it for duplicates on every call, this costs nothing on a million rows.
 */
export function columnArraysOf(frame: DataFrame): unknown[][] {
  if (frame.shape[0] === 0) return (frame.columns as string[]).map(() => []);
  return frame.getColumnData as unknown[][];
}
