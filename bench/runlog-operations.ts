// What the run-log bench measures: one function per operation, each run in a fresh process on
// the same lab. Add an operation here and it is measured, printed and compared with the baseline
// like the others.
import { open, readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { logCommand } from "../src/cli/commands/log.js";
import { appendRecord, openWorkspace, serveSite, verifyRunLog, writeSite } from "../src/index.js";

/** The lab a bench run works on: one experiment with a large run log. */
export interface BenchLab {
  root: string;
  experiment: string;
  log: string;
  /** How many records the log had when it was made. */
  records: number;
}

/** An operation does its work once; the bench times it and reads the process's peak memory. */
export type Operation = (lab: BenchLab) => Promise<void>;

/** Runs a CLI command's own code in this process, with its output counted instead of printed. */
async function command(run: (args: string[]) => Promise<number>, args: string[]): Promise<void> {
  const print = console.log;
  let printed = 0;
  console.log = (...parts: unknown[]) => {
    printed += parts.join(" ").length;
  };
  try {
    const code = await run(args);
    if (code !== 0 || printed === 0) throw new Error(`the command ended with ${code} after ${printed} characters`);
  } finally {
    console.log = print;
  }
}

const decision = (i: number) => ({
  type: "principle_decided" as const,
  id: `bench-besluit-${i}-${process.pid}`,
  at: new Date().toISOString(),
  who: { name: "Analist A", source: "env" as const },
  experiment: { id: "bench", template: "datakwaliteit@1.0.0", file_sha256: "a".repeat(64) },
  principle: "datakwaliteit",
  status: "voldaan" as const,
  toelichting: `Besluit ${i} van de benchmark.`,
});

export const operations = {
  /** The floor: read the whole file and JSON.parse every line, nothing else. */
  "baseline: read + JSON.parse": async (lab) => {
    let parsed = 0;
    for (const line of (await readFile(lab.log, "utf8")).split("\n"))
      if (line !== "") parsed += JSON.parse(line) ? 1 : 0;
    if (parsed === 0) throw new Error("the baseline parsed nothing");
  },
  "log verify": async (lab) => {
    if (!(await verifyRunLog(lab.log)).intact) throw new Error("the bench log should be intact");
  },
  "log (newest page)": (lab) => command(logCommand.run, [lab.experiment, "--root", lab.root]),
  "log --all": (lab) => command(logCommand.run, [lab.experiment, "--all", "--root", lab.root]),
  "log show <nr>": (lab) => command(logCommand.run, ["show", String(lab.records - 10), "--root", lab.root]),
  /** One locked, chained, fsynced append to the large log. */
  "one append": async (lab) => {
    await appendRecord(lab.log, decision(1));
  },
  /** What one durable append costs without any log logic: open, append a line, fsync, close. */
  "one plain fsync'ed append": async (lab) => {
    const handle = await open(join(lab.root, "plain.jsonl"), "a");
    await handle.write(`${JSON.stringify(decision(2))}\n`);
    await handle.sync();
    await handle.close();
  },
  /** Every page of the site written: the overview, the catalog, the experiment and its runs, twenty a page. */
  site: async (lab) => {
    const written = await writeSite(openWorkspace(lab.root), { out: join(lab.root, `site-${process.pid}`) });
    if (written.pages < lab.records / 3 / 20) throw new Error(`the site has only ${written.pages} pages`);
  },
  /** `serve` started and asked for the experiment's page: the lab is read for the first request. */
  "serve: first request": async (lab) => {
    const server = await serveSite(openWorkspace(lab.root), { port: 0 });
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/experimenten/${lab.experiment}/index.html`);
      if (answer.status !== 200 || !(await answer.text()).includes("Run "))
        throw new Error(`serve gave ${answer.status}`);
    } finally {
      await new Promise((done) => server.close(done));
    }
  },
} satisfies Record<string, Operation>;

export type OperationName = keyof typeof operations;
