import type { ReviewGiven, Verdict } from "./governance-schema.js";
import { readLogRecords, runLogPath } from "./run-log.js";
import type { Who } from "./run-record-schema.js";

export interface Review {
  id: string;
  seq: number;
  at: string;
  reviewer: Who;
  verdict: Verdict;
  toelichting: string;
  /** The run reviewed, and who made it. */
  run: string | null;
  author: string | null;
}

/**
 * The reviews in an experiment's log, oldest first: who reviewed, when, and the verdict.
 * @example const reviews = await listReviews(om.dir);
 */
export async function listReviews(experimentDir: string): Promise<Review[]> {
  return (await readLogRecords(runLogPath(experimentDir)))
    .filter((r): r is ReviewGiven => r.type === "review_given")
    .map((r) => ({
      id: r.id,
      seq: r.seq,
      at: r.at,
      reviewer: r.who,
      verdict: r.verdict,
      toelichting: r.toelichting,
      run: r.run,
      author: r.author,
    }));
}

/** Two identities are one person when their names (ignoring case and spacing) or their e-mail addresses match. */
export function samePerson(a: string, b: string): boolean {
  const parts = (who: string) => {
    const email = /<([^>]+)>/.exec(who)?.[1]?.trim().toLowerCase();
    return {
      name: who
        .replace(/<[^>]*>/, "")
        .replace(/\s+/g, " ")
        .trim()
        .toLowerCase(),
      email,
    };
  };
  const [x, y] = [parts(a), parts(b)];
  return (x.name !== "" && x.name === y.name) || (x.email !== undefined && x.email === y.email);
}
