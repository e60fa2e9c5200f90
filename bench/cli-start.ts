/**
 * How long the built CLI takes to start (`livinglab --help`, which loads the whole library),
 * against a bare `node` start in the same run. Give the main.js of another build to compare
 * with it too, for example that of main before a change:
 *   npm run bench:cli -- [/path/to/other/dist/cli/main.js]
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

const ROUNDS = Number(process.env.ROUNDS ?? 20);
const ROOT = resolve(import.meta.dirname, "..");
const cli = join(ROOT, "dist/cli/main.js");
const other = process.argv[2] ? resolve(process.argv[2]) : undefined;
for (const file of [cli, other]) {
  if (file && !existsSync(file)) {
    console.error(`${file} bestaat niet; bouw eerst met ./lab setup.`);
    process.exit(3);
  }
}

function timeRun(args: string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: "ignore" });
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} ended with ${run.status}`);
  return performance.now() - start;
}

const targets = { node: ["-e", ""], cli: [cli, "--help"], ...(other && { ander: [other, "--help"] }) };
const times: Record<string, number[]> = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
for (let round = 0; round < ROUNDS; round++) {
  // Interleaved, so a busy moment on the machine hits every target alike.
  for (const [name, args] of Object.entries(targets)) times[name]?.push(timeRun(args));
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
const node = median(times.node ?? []);
console.log(`${ROUNDS} rondes, mediaan:`);
for (const [name, list] of Object.entries(times)) {
  console.log(
    `  ${name.padEnd(5)} ${median(list).toFixed(0).padStart(5)} ms  (${(median(list) / node).toFixed(2)} x node)`,
  );
}
if (other) console.log(`cli/ander ratio: ${(median(times.cli ?? []) / median(times.ander ?? [])).toFixed(2)}`);
console.log(`cli/node ratio: ${(median(times.cli ?? []) / node).toFixed(2)}`);
