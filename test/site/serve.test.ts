import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, readFile, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  appendRecord,
  createLabReader,
  generateOm,
  type NewLogRecord,
  openExperiment,
  openWorkspace,
  runLogPath,
  serveSite,
} from "../../src/index.js";
import { CLI, makeLab, REPO, runCli } from "../helpers/cli.js";
import { plainRun } from "../helpers/run-records.js";

let child: ChildProcess | undefined;

afterEach(() => {
  if (child?.pid) process.kill(child.pid);
  child = undefined;
});

/** Starts `livinglab serve --port 0` and returns the address it prints. */
async function startServe(lab: string): Promise<string> {
  const started = spawn(process.execPath, [CLI, "serve", "--port", "0", "--root", lab], {
    cwd: REPO,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = started;
  return new Promise((resolve, reject) => {
    let output = "";
    started.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) resolve(match[0]);
    });
    started.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    started.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request exactly as given: any method, any Host header, the path byte for byte. */
function rawRequest(port: number, options: { method?: string; path: string; host?: string | null }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (options.host !== null) headers.host = options.host ?? `127.0.0.1:${port}`;
    const req = httpRequest(
      { host: "127.0.0.1", port, method: options.method ?? "GET", path: options.path, headers, setHost: false },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("livinglab serve", () => {
  it("answers on 127.0.0.1 with pages that follow every change to the lab's files", async () => {
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

    // The index searches experiments, runs and lessons by every word of the query.
    const search = await (await fetch(`${base}zoeken.html?q=${encodeURIComponent("nieuwe titel")}`)).text();
    expect(search).toContain("1 resultaat voor <strong>nieuwe titel</strong>");
    expect(search).toContain('name="q"');
    const none = await (await fetch(`${base}zoeken.html?q=bestaatnergens`)).text();
    expect(none).toContain("0 resultaten");
    // A personal value typed as a search term is masked in the form too, as everywhere on the site.
    const typed = await (await fetch(`${base}zoeken.html?q=111222333`)).text();
    expect(typed).not.toContain("111222333");
  });
});

describe("serve shows a datasheet per dataset", () => {
  it("from the declaration alone, then from the generator's datasheet of the file a run read, following each change", async () => {
    const lab = await makeLab();
    const base = await startServe(lab);
    const page = `${base}experimenten/om-datakwaliteit/data-zaken.html`;
    const declared = await (await fetch(page)).text();
    expect(declared).toContain("Nog geen run heeft deze data gelezen.");
    expect(declared).toContain(
      "De betekenis van een kolom is niet opgegeven: het experiment noemt alleen de naam, en nog geen run heeft de data gelezen.",
    );
    expect((await fetch(`${base}experimenten/om-datakwaliteit/data-bestaat-niet.html`)).status).toBe(404);

    // A run reads a generated file; the datasheet beside it lists that very file by its SHA-256.
    const opened = await openExperiment(openWorkspace(lab), "om-datakwaliteit");
    const made = await generateOm({
      out: join(opened.dir, "data"),
      zaken: 1000,
      seed: 7,
      asOf: "2026-06-30",
      defects: "none",
    });
    const file = made.datasheet.files.find((f) => f.name === "zaken.parquet");
    await appendRecord(runLogPath(opened.dir), {
      ...(plainRun(opened, 1) as Extract<NewLogRecord, { type: "run" }>),
      datasets: [{ name: "zaken", path: "data/zaken.parquet", sha256: file?.sha256 ?? "" }],
    });
    const described = await (await fetch(page)).text();
    expect(described).toContain("Gemaakt door livinglab synth (OM-stijl)");
    expect(described).toContain("1.000 zaken, startgetal 7");
    expect(described).toContain(made.datasheet.tables.zaken?.columns[0]?.betekenis);
    expect(described).toContain('href="runs-1.html#run-1"');

    // A datasheet changed on disk shows at once; one that no longer lists the file is not shown for it.
    const sheetFile = join(opened.dir, "data", "datasheet.json");
    const sheet = JSON.parse(await readFile(sheetFile, "utf8")) as typeof made.datasheet;
    const column = sheet.tables.zaken?.columns[0];
    if (column) column.betekenis = "Een nieuwe betekenis, net opgeslagen.";
    await writeFile(sheetFile, JSON.stringify(sheet));
    expect(await (await fetch(page)).text()).toContain("Een nieuwe betekenis, net opgeslagen.");
    sheet.files = sheet.files.filter((f) => f.name !== "zaken.parquet");
    await writeFile(sheetFile, JSON.stringify(sheet));
    const unlisted = await (await fetch(page)).text();
    expect(unlisted).not.toContain("Een nieuwe betekenis");
    expect(unlisted).toContain("Geen datasheet van de generator beschrijft dit bestand.");
  });
});

describe("serve filters the runs of an experiment", () => {
  it("by analysis, suite and outcome in words, newest first, with the search term escaped and masked", async () => {
    const lab = await makeLab(["om-doorlooptijden"]);
    const opened = await openExperiment(openWorkspace(lab), "om-doorlooptijden");
    for (let i = 1; i <= 30; i++) {
      const profile = i % 3 === 0;
      await appendRecord(runLogPath(opened.dir), {
        ...(plainRun(opened, i) as Extract<NewLogRecord, { type: "run" }>),
        analysis: profile
          ? { name: "profile", params: {} }
          : { name: "verkenning", params: { suite: `suite-${i % 2 === 0 ? "a" : "b"}.yaml` } },
        ...(i === 7 && { outcome: "error", error: { code: "tool_failed", message: "De database viel weg." } }),
      });
    }
    const base = await startServe(lab);
    const page = (q: string) =>
      fetch(`${base}experimenten/om-doorlooptijden/runs-1.html?q=${encodeURIComponent(q)}`).then((r) => r.text());
    const runNumbers = (html: string) => [...html.matchAll(/>Run (\d+)<\/a>/g)].map((m) => Number(m[1]));

    const profiles = await page("profiel");
    expect(profiles).toContain("10 runs passen bij <strong>profiel</strong>");
    expect(runNumbers(profiles)).toEqual([30, 27, 24, 21, 18, 15, 12, 9, 6, 3]);
    // Runs 21 to 30 live on the second page of the run log: the filter finds them from any page.
    expect(profiles).toContain('href="runs-2.html#run-30"');
    expect(runNumbers(await page("suite-a.yaml verkenning"))).toEqual([28, 26, 22, 20, 16, 14, 10, 8, 4, 2]);
    expect(runNumbers(await page("fout"))).toEqual([7]);
    expect(await page("bestaatnergens")).toContain("0 runs passen");

    const hostile = await page("<script>alert(1)</script> 111222333");
    expect(hostile).not.toContain("<script>alert(1)</script>");
    expect(hostile).not.toContain("111222333");
    expect(hostile).toContain("&lt;script&gt;");
    // Without a search term the page is the run log's page with the form.
    const plain = await (await fetch(`${base}experimenten/om-doorlooptijden/runs-1.html`)).text();
    expect(plain).toContain('name="q"');
    expect(runNumbers(plain)).toHaveLength(20);
  });
});

describe("serve compares any two runs of an experiment", () => {
  it("from a form on the run log, in either order, and answers a wrong choice with the form, escaped", async () => {
    const lab = await makeLab(["om-doorlooptijden"]);
    const opened = await openExperiment(openWorkspace(lab), "om-doorlooptijden");
    for (let i = 1; i <= 25; i++) await appendRecord(runLogPath(opened.dir), plainRun(opened, i));
    const base = await startServe(lab);
    const folder = `${base}experimenten/om-doorlooptijden/`;
    const runs = await (await fetch(`${folder}runs-2.html`)).text();
    expect(runs).toMatch(/<form[^>]+action="vergelijk\.html"/);
    expect(runs).toContain('name="eerder"');
    expect(runs).toContain('name="later"');

    const compare = (query: string) =>
      fetch(`${folder}vergelijk.html?${query}`).then(async (r) => ({ status: r.status, html: await r.text() }));
    // Any pair, not only a run and the one before it; the earlier run always comes first.
    for (const query of ["eerder=3&later=24", "eerder=24&later=3"]) {
      const { status, html } = await compare(query);
      expect(status).toBe(200);
      expect(html).toContain("Run 3 en run 24 naast elkaar");
      expect(html).toContain('href="runs-1.html#run-3"');
      expect(html).toContain('href="runs-2.html#run-24"');
    }
    for (const query of [
      "eerder=3&later=3",
      "eerder=0&later=2",
      "eerder=26&later=2",
      "later=2",
      `eerder=${encodeURIComponent("<script>alert(1)</script>")}&later=2`,
    ]) {
      const { status, html } = await compare(query);
      expect(status, query).toBe(200);
      expect(html, query).toContain("Kies twee verschillende runs, van run 1 tot en met run 25.");
      expect(html, query).toContain('name="eerder"');
      expect(html, query).not.toContain("<script>alert(1)</script>");
      expect(html, query).not.toContain("naast elkaar</h1>");
    }
    // The static site has no form and no such page: only a run beside the one before it of its kind.
    const built = runCli(["site", "--root", lab, "--out", join(lab, "site")]);
    expect(built.code, built.stderr).toBe(0);
    expect(existsSync(join(lab, "site/experimenten/om-doorlooptijden/vergelijk.html"))).toBe(false);
    expect(await readFile(join(lab, "site/experimenten/om-doorlooptijden/runs-2.html"), "utf8")).not.toContain(
      'name="eerder"',
    );
  });
});

describe("serve refuses what is not a plain read of its own pages", () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    const lab = await makeLab();
    server = await serveSite(openWorkspace(lab), { port: 0 });
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("answers only to its own names, so a page on another site cannot reach it by DNS rebinding", async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      expect((await rawRequest(port, { path: "/index.html", host })).status, host).toBe(200);
    }
    for (const host of [
      "evil.example",
      `evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      "127.0.0.1",
      `localhost.evil.example:${port}`,
    ]) {
      const answer = await rawRequest(port, { path: "/index.html", host });
      expect(answer.status, host).toBe(421);
      expect(answer.body, host).not.toContain("Experimenten van het Big Data Living Lab");
    }
    expect((await rawRequest(port, { path: "/index.html", host: null })).status).toBe(400);
  });

  it("answers 405 to every method but GET and HEAD, and HEAD without a body", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
      const answer = await rawRequest(port, { method, path: "/index.html" });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow, method).toBe("GET, HEAD");
    }
    const head = await rawRequest(port, { method: "HEAD", path: "/index.html" });
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    expect(Number(head.headers["content-length"])).toBeGreaterThan(1000);
  });

  it("answers 400, never 500, to malformed paths and paths that climb out of the site", async () => {
    for (const path of [
      "/%",
      "/index.html%",
      "/%E0%A4%A",
      "/%ZZ",
      "/../etc/passwd",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/experimenten/..%2f..%2fexperiments",
      "/assets/..%2F..%2Fpackage.json",
      "/experimenten/om-datakwaliteit/%00index.html",
      "/experimenten\\om-datakwaliteit\\index.html",
      "/.//index.html",
      "http://evil.example/index.html",
    ]) {
      const answer = await rawRequest(port, { path });
      expect(answer.status, path).toBe(400);
      expect(answer.body, path).toContain("Dit adres is ongeldig");
    }
  });

  it("tells the browser the pages run no script and load nothing from elsewhere", async () => {
    const answer = await rawRequest(port, { path: "/index.html" });
    expect(answer.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
  });
});

describe("the lab reader behind serve", () => {
  it("reads the catalog or an experiment again only when one of its files changed", async () => {
    const lab = await makeLab(["om-datakwaliteit", "om-doorlooptijden"]);
    const reader = createLabReader(openWorkspace(lab));
    await reader.read();
    expect(reader.reads).toEqual({ catalog: 1, experiments: 2, logs: 0 });
    await reader.read();
    await reader.read();
    expect(reader.reads).toEqual({ catalog: 1, experiments: 2, logs: 0 });

    const file = join(lab, "experiments/om-doorlooptijden/experiment.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace(/^titel: .*$/m, "titel: Doorlooptijden, herzien"));
    const changed = await reader.read();
    expect(reader.reads).toEqual({ catalog: 1, experiments: 3, logs: 0 });
    const titles = changed.experiments.map((e) => (e.ok ? e.experiment.opened.experiment.titel : e.id));
    expect(titles).toContain("Doorlooptijden, herzien");

    // Experiments are validated against the templates: a changed template opens them all again.
    await appendFile(join(lab, "templates/basis/1.0.0.yaml"), "\n# opmerking\n");
    await reader.read();
    expect(reader.reads).toEqual({ catalog: 2, experiments: 5, logs: 0 });
  });

  it("reads only the new lines of a run log that grew, and the whole log when it changed otherwise", async () => {
    const lab = await makeLab(["om-doorlooptijden"]);
    const workspace = openWorkspace(lab);
    const opened = await openExperiment(workspace, "om-doorlooptijden");
    const log = runLogPath(opened.dir);
    const run = (i: number) => plainRun(opened, i);
    const reader = createLabReader(workspace);
    const runsOf = async () => {
      const [entry] = (await reader.read()).experiments;
      return entry?.ok ? entry.experiment.runs.map((r) => r.record.id) : [];
    };
    await appendRecord(log, run(1));
    expect(await runsOf()).toEqual(["run-1"]);
    expect(reader.reads.logs).toBe(1);
    await appendRecord(log, run(2));
    await appendRecord(log, run(3));
    expect(await runsOf()).toEqual(["run-1", "run-2", "run-3"]);
    expect(reader.reads.logs).toBe(1);

    // An edit that keeps the length is not an append: the log is read whole, as it now is.
    const text = await readFile(log, "utf8");
    await writeFile(log, text.replace("Verkenning nummer 3", "Verkenning nummer 9"));
    await appendRecord(log, run(4));
    await runsOf();
    expect(reader.reads.logs).toBe(2);
  });
});
