import type { IncomingMessage } from "node:http";

/** A request `serve` answers, or why it does not: the client's mistake, never a server error. */
export type CheckedRequest =
  | {
      ok: true;
      path: string;
      head: boolean;
      /** The search term of `zoeken.html?q=...`. */
      query?: string;
      /** The runs of `vergelijk.html?eerder=...&later=...`, as typed. */
      compare?: { before?: string; after?: string };
    }
  | { ok: false; status: 400 | 405 | 421; message: string };

/** The names the lab's own server goes by; any other Host header is a page on someone else's name. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/**
 * Checks a request before anything is read: only GET and HEAD, only for this server's own
 * host names (a page of another site that points its name at 127.0.0.1 gets nothing, against
 * DNS rebinding), and only a clean path inside the site.
 */
export function checkRequest(request: IncomingMessage, hosts: ReadonlySet<string>): CheckedRequest {
  if (request.method !== "GET" && request.method !== "HEAD") {
    return { ok: false, status: 405, message: "Deze site kan alleen worden gelezen, niet gewijzigd." };
  }
  const host = request.headers.host?.toLowerCase();
  if (host === undefined)
    return { ok: false, status: 400, message: "Het verzoek zegt niet aan welke server het is gericht." };
  if (!hosts.has(host)) {
    return {
      ok: false,
      status: 421,
      message: "Deze server beantwoordt alleen verzoeken aan 127.0.0.1, localhost of [::1] met zijn eigen poort.",
    };
  }
  const path = sitePathOf(request.url ?? "");
  if (path === undefined) return { ok: false, status: 400, message: "Dit adres is ongeldig." };
  const search = new URLSearchParams((request.url ?? "").split("#", 1)[0]?.split("?").slice(1).join("?") ?? "");
  const query = search.get("q");
  const [before, after] = [search.get("eerder"), search.get("later")];
  return {
    ok: true,
    path,
    head: request.method === "HEAD",
    ...(query !== null && { query }),
    compare: { ...(before !== null && { before }), ...(after !== null && { after }) },
  };
}

/**
 * The site path of a request target (`/experimenten/x/` becomes `experimenten/x/index.html`),
 * or undefined when it is not a plain path: a bad `%` escape, `.` or `..`, a backslash or a
 * control character.
 */
export function sitePathOf(target: string): string | undefined {
  if (!target.startsWith("/")) return undefined;
  const raw = target.split(/[?#]/, 1)[0] ?? "";
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  const segments = decoded.split("/").slice(1);
  // Control characters, backslashes and dot segments never name a page of the site.
  if (segments.some((s) => s === "." || s === ".." || s.includes("\\") || hasControlCharacter(s))) return undefined;
  if (segments.slice(0, -1).some((s) => s === "")) return undefined;
  const path = segments.join("/");
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
