import { CLIENT_ADDRESS_HEADER, normalizeAddress } from "./trusted-proxy";

/**
 * The client's address for throttles and audit events: the one the portal's own server
 * (scripts/start.ts) settled from the socket and TRUST_PROXY, in a header it deletes from
 * every incoming request before writing it. No other header is believed: a client can
 * write X-Forwarded-For, and Next keeps the client's value when there is one.
 *
 * `next dev` has no such server in front of it: in development only, the right-most
 * X-Forwarded-For entry (the one Next's dev server appends) is used instead. A production
 * server started some other way gets null, and its throttles count every caller as one.
 */
export function clientAddress(headers: Headers, options: { development?: boolean } = {}): string | null {
  const resolved = headers.get(CLIENT_ADDRESS_HEADER);
  if (resolved !== null) return normalizeAddress(resolved);
  if (!options.development) return null;
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((entry) => entry.trim()).filter(Boolean);
  return normalizeAddress(forwarded?.[forwarded.length - 1]);
}
