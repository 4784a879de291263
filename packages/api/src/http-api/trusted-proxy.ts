// Which peer's word about the client address we take (TRUST_PROXY). The portal's
// production server (apps/portal/scripts/start.ts) and the API server (apps/api) apply it
// to the socket's peer address and the incoming X-Forwarded-For, once per request, before
// anything else sees the request; nothing else reads X-Forwarded-For. A subpath export
// (`@brokerage/api/trusted-proxy`) so the portal's start script loads nothing else.
import { BlockList, isIP } from "node:net";

export type TrustProxy =
  /** Direct connections: the socket's peer is the client, forwarded headers are ignored. */
  | { kind: "none" }
  /** Exactly `hops` proxies of ours stand in front: each appended one X-Forwarded-For entry. */
  | { kind: "hops"; hops: number }
  /** Any peer inside these ranges is a proxy of ours; the first address outside them is the client. */
  | { kind: "cidrs"; ranges: readonly string[]; list: BlockList };

export class TrustProxyError extends Error {
  override readonly name = "TrustProxyError";
}

const MAX_HOPS = 10;

/** `1.2.3.4`, `::ffff:1.2.3.4` -> `1.2.3.4`; anything that is not an IP address -> null. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  // `[::1]:443`, `[::1]`, `1.2.3.4:5678`: proxies differ in how they write an entry.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (value.includes("%")) return null; // a zone index names a local interface, never a client
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(value);
  if (mapped?.[1]) value = mapped[1];
  const family = isIP(value);
  if (family === 0) return null;
  return family === 6 ? value.toLowerCase() : value;
}

/**
 * TRUST_PROXY: unset, empty, `false` or `0` -> none; a whole number 1-10 -> that many
 * hops; otherwise a comma-separated list of addresses or CIDR ranges (`10.0.0.0/8,
 * ::1`). `true` is refused: believing whoever sent the header is what this replaces.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? "").trim();
  if (text === "" || /^(false|no|0)$/i.test(text)) return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_HOPS) throw new TrustProxyError(`TRUST_PROXY: at most ${MAX_HOPS} hops`);
    return { kind: "hops", hops };
  }
  if (/^(true|yes)$/i.test(text)) {
    throw new TrustProxyError(
      "TRUST_PROXY must be a hop count (e.g. 1) or a list of proxy addresses/CIDR ranges, not a flag",
    );
  }
  const list = new BlockList();
  const ranges: string[] = [];
  for (const entry of text.split(",").map((e) => e.trim()).filter(Boolean)) {
    const [base, prefixText, extra] = entry.split("/");
    const address = normalizeAddress(base);
    if (!address || extra !== undefined) throw new TrustProxyError(`TRUST_PROXY: "${entry}" is not an address or CIDR range`);
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefixText === undefined) {
      list.addAddress(address, type);
    } else {
      const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
      if (!(prefix >= 0 && prefix <= (type === "ipv6" ? 128 : 32))) {
        throw new TrustProxyError(`TRUST_PROXY: "${entry}" has an invalid prefix length`);
      }
      list.addSubnet(address, prefix, type);
    }
    ranges.push(entry);
  }
  if (ranges.length === 0) throw new TrustProxyError("TRUST_PROXY: no address or range given");
  return { kind: "cidrs", ranges, list };
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's peer unless that peer is a proxy we trust, in which
 * case the X-Forwarded-For entries are walked from the right (the nearest hop first),
 * and only as far as trusted proxies wrote them. A client-written entry is never taken
 * unless the configuration says its writer was ours. An entry that is not an IP address
 * stops the walk at the proxy that passed it on.
 */
export function resolveClientAddress(
  peer: string | null | undefined,
  forwardedFor: string | readonly string[] | null | undefined,
  trust: TrustProxy,
): string | null {
  const socket = normalizeAddress(peer);
  if (trust.kind === "none" || socket === null) return socket;
  const header = typeof forwardedFor === "string" ? forwardedFor : (forwardedFor ?? []).join(",");
  const entries = header
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);

  if (trust.kind === "hops") {
    // The peer is hop 1; each further trusted hop is one entry further left.
    let current = socket;
    for (let hop = 1; hop <= trust.hops; hop++) {
      const entry = entries[entries.length - hop];
      if (entry === undefined) return current; // fewer proxies than configured: the leftmost is the client
      const address = normalizeAddress(entry);
      if (address === null) return current;
      current = address;
    }
    return current;
  }

  let current = socket;
  for (let index = entries.length - 1; index >= 0 && isTrusted(trust.list, current); index--) {
    const address = normalizeAddress(entries[index]);
    if (address === null) return current;
    current = address;
  }
  return current;
}

/**
 * The header in which the portal's own server hands the resolved address to the app. The
 * server deletes any incoming header of this name first, so a client cannot set it.
 */
export const CLIENT_ADDRESS_HEADER = "x-portal-client-address";

/**
 * Proof that CLIENT_ADDRESS_HEADER was written by the portal's own server: a random token
 * made at each start (PORTAL_EDGE_TOKEN, set in-process by scripts/start.ts before Next
 * loads, never configured or sent out). Without it, e.g. under a plain `next start`, a
 * client could write the address header itself.
 */
export const EDGE_TOKEN_HEADER = "x-portal-edge-token";
