import { createServer, type Server } from "node:http";
import type { Workspace } from "../workspace.js";
import { renderSearch, renderSite } from "./render-site.js";
import { sitePaths } from "./site-paths.js";

const contentTypes: Record<string, string> = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
};

export interface ServeSiteOptions {
  port?: number;
  /** Told of each request that failed, in Dutch. */
  onError?: (message: string) => void;
}

/**
 * Serves the lab's site on 127.0.0.1, rendered fresh from the lab's files on every request.
 * @example const server = await serveSite(openWorkspace(), { port: 8080 });
 */
export async function serveSite(workspace: Workspace, options: ServeSiteOptions = {}): Promise<Server> {
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const path = decodeURIComponent(url.pathname).replace(/^\/+/, "") || "index.html";
      const query = url.searchParams.get("q");
      const files = await renderSite(workspace, { searchable: true });
      const body =
        path === sitePaths.index && query !== null
          ? await renderSearch(workspace, query)
          : files.get(path.endsWith("/") ? `${path}index.html` : path);
      if (body === undefined) {
        response.writeHead(404, { "content-type": contentTypes.html });
        response.end(
          `<!doctype html><html lang="nl"><title>Niet gevonden</title><p>Deze pagina bestaat niet. <a href="/index.html">Naar het overzicht</a>.</p></html>`,
        );
        return;
      }
      const extension = path.split(".").at(-1) ?? "";
      response.writeHead(200, {
        "content-type": contentTypes[extension] ?? "application/octet-stream",
        "cache-control": "no-store",
      });
      response.end(body);
    } catch (error) {
      options.onError?.(error instanceof Error ? error.message : String(error));
      response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end("De pagina kon niet worden gemaakt. Zie de melding in de terminal.");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8080, "127.0.0.1", () => resolve());
  });
  return server;
}
