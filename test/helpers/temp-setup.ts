import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** One temp folder for a test run without PostgreSQL (the Spark step); removed at the end. */
export default function setup(): () => void {
  const runTmp = mkdtempSync(join(tmpdir(), "livinglab-tests-"));
  chmodSync(runTmp, 0o755);
  process.env.TMPDIR = runTmp;
  return () => rmSync(runTmp, { recursive: true, force: true });
}
