import { LivingLabError } from "../../errors/problem.js";
import { serveSite } from "../../site/serve-site.js";
import { openWorkspace } from "../../workspace.js";
import { type Command, EXIT } from "../command.js";
import { parseOptions } from "../parse-options.js";

export const serveCommand: Command = {
  name: "serve",
  summary: "Toon de website van het lab op deze computer, bij elk verzoek vers gemaakt",
  usage: `livinglab serve [--port <nummer>] [--root <map>]

  --port <nummer>  de poort op 127.0.0.1 (standaard 8080; 0 kiest een vrije poort)
  --root <map>     de map van het lab (standaard: de huidige map)

  Stop met Ctrl+C.`,
  async run(args) {
    const { values, positionals } = parseOptions(args, { port: { type: "string" }, root: { type: "string" } }, "serve");
    const port = Number(values.port ?? "8080");
    if (positionals.length > 0 || !Number.isInteger(port) || port < 0 || port > 65535) {
      throw new LivingLabError({ code: "usage", message: "Geef een poort tussen 0 en 65535.", hint: this.usage });
    }
    const server = await serveSite(openWorkspace(values.root), {
      port,
      onError: (message) => console.error(`Fout bij het maken van een pagina: ${message}`),
    });
    const address = server.address();
    const actual = typeof address === "object" && address ? address.port : port;
    console.log(`De site van het lab staat op http://127.0.0.1:${actual}/index.html (stop met Ctrl+C).`);
    await new Promise<void>((resolve) => {
      const stop = () => server.close(() => resolve());
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    return EXIT.ok;
  },
};
