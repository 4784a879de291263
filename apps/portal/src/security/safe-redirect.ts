// The one place a `next` / `returnTo` / callback URL taken from a request becomes a place
// to send the browser: customer sign-in (page and action), next-auth's redirect callback,
// the KYC page's "continue" link, staff sign-in. Only a path on this origin survives.
//
// Checking the string before parsing is not enough: URL parsing removes dot segments
// (`/.//evil.example`, `/a/..//x`, `/%2e//x` all become `//x`, which a browser reads as
// another host), so the *result* is checked again, and it must parse back to itself.

const BASE = "http://portal.invalid";
const MAX_LENGTH = 2048;

// Raw control characters and whitespace (browsers strip tabs and newlines before parsing,
// turning `/\t/evil` into `//evil`), backslashes (read as `/`); in the path part also the
// same as escapes, and escaped slashes and percent signs (decoded once more by some
// servers and proxies): nothing a path of ours needs. The query may carry escapes (the KYC
// page's own `?returnTo=%2Faccounts...`).
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const REFUSED_RAW = /[\u0000-\u0020\u007f-\u009f\\\u2028\u2029\ufeff]/;
const REFUSED_PATH_ESCAPES = /%(?:[01][0-9a-f]|7f|2f|5c|25)/i;

function isRootRelative(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
}

/**
 * `value` as a path of this site (`/accounts?x=1#y`), or null when it is not one. With
 * `prefix`, only that path or paths below it (after normalisation: dot segments cannot
 * walk out of it).
 */
export function safeRedirectPath(value: unknown, options: { prefix?: string } = {}): string | null {
  // An array (`?next=a&next=b`) is refused: which one a layer picks is its own guess.
  const raw = value;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return null;
  if (!isRootRelative(raw) || REFUSED_RAW.test(raw)) return null;
  const rawPath = raw.split(/[?#]/, 1)[0] ?? "";
  if (REFUSED_PATH_ESCAPES.test(rawPath)) return null;
  try {
    decodeURIComponent(rawPath);
  } catch {
    return null; // a malformed escape: no server of ours serves it
  }
  let path: string;
  try {
    const parsed = new URL(raw, BASE);
    if (parsed.origin !== BASE) return null;
    path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return null;
  }
  if (!isRootRelative(path)) return null;
  // Stable: parsing the result gives the result (nothing left for a second pass to change).
  try {
    const again = new URL(path, BASE);
    if (again.origin !== BASE || `${again.pathname}${again.search}${again.hash}` !== path) return null;
  } catch {
    return null;
  }
  const { prefix } = options;
  if (prefix && !(path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`) || path.startsWith(`${prefix}#`))) {
    return null;
  }
  return path;
}

/** The safe path, or `fallback`. */
export function safeRedirectTarget(value: unknown, fallback: string, options: { prefix?: string } = {}): string {
  return safeRedirectPath(value, options) ?? fallback;
}

/**
 * next-auth's `redirect` callback: its `callbackUrl` comes from the request too. A path or
 * a URL of our own origin keeps its (safe) path; anything else goes to `baseUrl`.
 */
export function nextAuthRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  let candidate = url;
  if (!url.startsWith("/")) {
    try {
      const absolute = new URL(url);
      if (absolute.origin !== new URL(baseUrl).origin) return baseUrl;
      candidate = `${absolute.pathname}${absolute.search}${absolute.hash}`;
    } catch {
      return baseUrl;
    }
  }
  const path = safeRedirectPath(candidate);
  return path ? `${new URL(baseUrl).origin}${path}` : baseUrl;
}
