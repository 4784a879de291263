// Where to send a customer after signing in. The target arrives in the URL (`?next=`),
// so anything that could leave the portal (another origin, `//host`, `/\host`, a
// scheme) is replaced by the fallback.
const BASE = "http://portal.invalid";

export function safeRedirectTarget(value: unknown, fallback: string): string {
  if (
    typeof value !== "string" ||
    !value.startsWith("/") ||
    value.startsWith("//") ||
    value.startsWith("/\\")
  ) {
    return fallback;
  }
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
