/**
 * A `returnTo` the portal may send the browser to: a path on this site only. Anything
 * that could leave the origin is refused: absolute URLs, protocol-relative `//host`,
 * `/\host` (browsers read the backslash as a slash), control characters and whitespace
 * (browsers strip tabs and newlines before parsing). Null when it is not safe.
 */
export function safeReturnPath(
  value: string | string[] | null | undefined,
  options: { prefix?: string } = {},
): string | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return null;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return null;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u0020\u007f\\]/.test(raw)) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw, "http://portal.invalid");
  } catch {
    return null;
  }
  if (parsed.origin !== "http://portal.invalid") return null;
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  if (
    options.prefix &&
    !(
      path === options.prefix ||
      path.startsWith(`${options.prefix}/`) ||
      path.startsWith(`${options.prefix}?`)
    )
  ) {
    return null;
  }
  return path;
}
