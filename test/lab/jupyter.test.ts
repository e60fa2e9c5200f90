import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REPO } from "../helpers/cli.js";
import { getJson, type Jupyter, startJupyter, TOKEN } from "../helpers/jupyter-server.js";

describe("./lab jupyter", () => {
  let lab: Jupyter | undefined;
  afterEach(() => lab?.stop());

  it("serves notebooks/ on localhost with the tslab kernel as the only kernel", async () => {
    lab = await startJupyter();
    const specs = (await getJson(`${lab.base}/api/kernelspecs?token=${TOKEN}`, Date.now() + 10_000)) as {
      default: string;
      kernelspecs: Record<string, { spec: { argv: string[] } }>;
    };
    expect(specs.default).toBe("tslab");
    expect(Object.keys(specs.kernelspecs)).toEqual(["tslab"]);
    expect(specs.kernelspecs.tslab?.spec.argv[0]).toBe(join(REPO, "node_modules/.bin/tslab"));
    const contents = (await getJson(`${lab.base}/api/contents?token=${TOKEN}`, Date.now() + 10_000)) as {
      content: { name: string }[];
    };
    expect(contents.content.map((c) => c.name)).toContain("01-om-datakwaliteit.ipynb");
    expect(contents.content.map((c) => c.name)).not.toContain("node_modules");
  });
});
