import { type ChildProcess, spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CLI, makeLab, REPO } from "../helpers/cli.js";

let server: ChildProcess | undefined;

afterEach(() => {
  if (server?.pid) process.kill(server.pid);
  server = undefined;
});

/** Starts `livinglab serve --port 0` and returns the address it prints. */
async function startServe(lab: string): Promise<string> {
  const child = spawn(process.execPath, [CLI, "serve", "--port", "0", "--root", lab], {
    cwd: REPO,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server = child;
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) resolve(match[0]);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
}

describe("livinglab serve", () => {
  it("answers on 127.0.0.1 with pages rendered fresh on every request", async () => {
    const lab = await makeLab();
    const base = await startServe(lab);

    const first = await fetch(`${base}experimenten/om-datakwaliteit/index.html`);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toContain("text/html");
    expect(await first.text()).toContain("Datakwaliteit van de OM-zaakregistratie (synthetisch)");

    const file = join(lab, "experiments/om-datakwaliteit/experiment.yaml");
    const yaml = await readFile(file, "utf8");
    await writeFile(file, yaml.replace(/^titel: .*$/m, "titel: Een nieuwe titel, net opgeslagen"));
    const second = await (await fetch(`${base}index.html`)).text();
    expect(second).toContain("Een nieuwe titel, net opgeslagen");

    const css = await fetch(`${base}assets/lab.css`);
    expect(css.headers.get("content-type")).toContain("text/css");
    expect((await fetch(`${base}bestaat-niet.html`)).status).toBe(404);
    expect((await fetch(base)).status).toBe(200);
  });
});
