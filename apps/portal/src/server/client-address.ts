import { timingSafeEqual } from "node:crypto";
import { CLIENT_ADDRESS_HEADER, EDGE_TOKEN_HEADER, normalizeAddress } from "@brokerage/api/trusted-proxy";

function sameToken(sent: string | null, expected: string | undefined): boolean {
  if (!sent || !expected) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The client's address for throttles and audit events: the one the portal's own server
 * (scripts/start.ts) settled from the socket and TRUST_PROXY. It deletes both headers
 * from every incoming request before writing them, and the address is believed only with
 * that start's edge token (`edgeToken`, PORTAL_EDGE_TOKEN). No other header is believed:
 * a client can write X-Forwarded-For, and Next keeps the client's value when there is one.
 *
 * `next dev` has no such server in front of it: in development only, the right-most
 * X-Forwarded-For entry (the one Next's dev server appends) is used instead. A production
 * server started some other way gets null, and its throttles count every caller as one.
 */
export function clientAddress(
  headers: Headers,
  options: { development?: boolean; edgeToken?: string | undefined } = {},
): string | null {
  if (sameToken(headers.get(EDGE_TOKEN_HEADER), options.edgeToken)) {
    return normalizeAddress(headers.get(CLIENT_ADDRESS_HEADER));
  }
  if (!options.development) return null;
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((entry) => entry.trim()).filter(Boolean);
  return normalizeAddress(forwarded?.[forwarded.length - 1]);
}
