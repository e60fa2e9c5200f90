import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REPO } from "../helpers/cli.js";

const TOKEN = "livinglab-test";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function getJson(url: string, deadline: number): Promise<unknown> {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return await response.json();
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`JupyterLab did not answer at ${url}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe("./lab jupyter", () => {
  let lab: ChildProcess | undefined;
  afterEach(() => {
    if (lab?.pid) process.kill(-lab.pid, "SIGTERM");
  });

  it("serves notebooks/ on localhost with the tslab kernel as default", async () => {
    const port = await freePort();
    lab = spawn(join(REPO, "lab"), ["jupyter", `--ServerApp.port=${port}`, `--IdentityProvider.token=${TOKEN}`], {
      cwd: REPO,
      detached: true,
      stdio: "ignore",
    });
    const base = `http://127.0.0.1:${port}`;
    const specs = (await getJson(`${base}/api/kernelspecs?token=${TOKEN}`, Date.now() + 60_000)) as {
      default: string;
      kernelspecs: Record<string, { spec: { argv: string[] } }>;
    };
    expect(specs.default).toBe("tslab");
    expect(specs.kernelspecs.tslab?.spec.argv[0]).toBe(join(REPO, "node_modules/.bin/tslab"));
    const contents = (await getJson(`${base}/api/contents?token=${TOKEN}`, Date.now() + 10_000)) as {
      content: { name: string }[];
    };
    expect(contents.content.map((c) => c.name)).toContain("01-om-datakwaliteit.ipynb");
    expect(contents.content.map((c) => c.name)).not.toContain("node_modules");
  });
});
