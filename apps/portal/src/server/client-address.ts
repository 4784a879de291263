/**
 * The client's address for throttles and audit events. X-Forwarded-For is written by
 * whoever sits in front of Next, and a client can send its own: the left-most entry is
 * believed only behind a trusted proxy (TRUST_PROXY). Otherwise the right-most entry is
 * used, the one the last hop (Next's own server, on a direct connection) appended.
 */
export function clientAddress(headers: Headers, trustProxy: boolean): string | null {
  const forwarded = headers
    .get("x-forwarded-for")
    ?.split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (forwarded && forwarded.length > 0) {
    return (trustProxy ? forwarded[0] : forwarded[forwarded.length - 1]) ?? null;
  }
  return headers.get("x-real-ip")?.trim() || null;
}
