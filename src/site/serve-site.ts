import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { escapeHtml } from "../report/html.js";
import type { Workspace } from "../workspace.js";
import { createLabReader } from "./read-lab.js";
import { allowedHosts, checkRequest } from "./serve-request.js";
import { readSiteAssets } from "./site-assets.js";
import { findSitePage } from "./site-pages.js";
import { sitePaths } from "./site-paths.js";

const contentTypes: Record<string, string> = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
};

/** The pages need no script and nothing from elsewhere; the browser is told so. */
const securityHeaders = {
  "content-security-policy":
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

export interface ServeSiteOptions {
  port?: number;
  /** Told of each request that failed on our side, in Dutch. */
  onError?: (message: string) => void;
}

/**
 * Serves the lab's site on 127.0.0.1. Each request renders only the page asked for, from what
 * was read of the lab before; a part of the lab is read again only when its files changed.
 * @example const server = await serveSite(openWorkspace(), { port: 8080 });
 */
export async function serveSite(workspace: Workspace, options: ServeSiteOptions = {}): Promise<Server> {
  const reader = createLabReader(workspace);
  const assets = await readSiteAssets();
  let hosts = new Set<string>();
  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      options.onError?.(error instanceof Error ? error.message : String(error));
      if (!response.headersSent)
        send(response, 500, "De pagina kon niet worden gemaakt. Zie de melding in de terminal.");
      else response.destroy();
    });
  });

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const checked = checkRequest(request, hosts);
    if (!checked.ok) {
      send(response, checked.status, checked.message, checked.status === 405 ? { allow: "GET, HEAD" } : {});
      return;
    }
    const asset = /^assets\/([^/]+)$/.exec(checked.path)?.[1];
    const body =
      asset !== undefined
        ? assets.get(asset)
        : findSitePage(await reader.read(), checked.path, {
            searchable: true,
            ...(checked.query !== undefined && { query: checked.query }),
            ...(checked.compare && { compare: checked.compare }),
          })?.render();
    if (body === undefined) {
      send(response, 404, "Deze pagina bestaat niet.", {}, checked.head);
      return;
    }
    const extension = checked.path.split(".").at(-1) ?? "";
    response.writeHead(200, {
      ...securityHeaders,
      "content-type": contentTypes[extension] ?? "application/octet-stream",
      "content-length": String(Buffer.byteLength(body)),
    });
    response.end(checked.head ? undefined : body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8080, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  hosts = allowedHosts(typeof address === "object" && address ? address.port : (options.port ?? 8080));
  return server;
}

/** A short Dutch page for an answer other than 200, with a link back to the overview. */
function send(
  response: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
  head = false,
): void {
  const body = `<!doctype html><html lang="nl"><meta charset="utf-8"><title>${escapeHtml(message)}</title><p>${escapeHtml(message)} <a href="/${sitePaths.overview}">Naar het overzicht</a>.</p></html>\n`;
  response.writeHead(status, {
    ...securityHeaders,
    ...headers,
    "content-type": contentTypes.html,
    "content-length": String(Buffer.byteLength(body)),
  });
  response.end(head ? undefined : body);
}
