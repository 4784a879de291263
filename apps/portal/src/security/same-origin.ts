// CSRF defence for everything the browser's cookies authenticate: a state-changing
// request (any method but GET, HEAD, OPTIONS) must come from the portal's own origin.
// SameSite=Lax cookies still travel on requests from the same *site*, e.g. a sibling
// sub-domain or another port of the same host, so the cookie policy alone is not enough.
// Browsers say where a request comes from in `Sec-Fetch-Site` and `Origin`, which a page
// cannot forge; a client that sends neither is not a browser acting for someone else.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export interface OriginCheck {
  method: string;
  /** The request URL as the server sees it (its origin counts as our own). */
  url: string;
  headers: Headers;
}

/**
 * Why a request must be refused as cross-origin, or null when it may proceed. Requests
 * that carry `Authorization` (bearer-token API calls) are not cookie-authenticated and are
 * not judged here: a foreign page cannot add that header without a CORS preflight.
 */
export function crossOriginRefusal(request: OriginCheck, ownOrigins: ReadonlyArray<string | undefined>): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  if (request.headers.has("authorization")) return null;

  const site = request.headers.get("sec-fetch-site")?.trim().toLowerCase();
  if (site !== undefined && site !== "same-origin" && site !== "none") {
    return `A ${site} request may not change anything here`;
  }
  const origin = request.headers.get("origin");
  if (origin !== null) {
    const allowed = new Set([originOf(request.url), ...ownOrigins.map(originOf)].filter((o): o is string => o !== null));
    if (!allowed.has(origin.trim().toLowerCase().replace(/\/+$/, ""))) {
      return "Requests from another origin may not change anything here";
    }
  }
  return null;
}
