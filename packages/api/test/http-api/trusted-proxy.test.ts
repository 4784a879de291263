import { describe, expect, it } from "vitest";
import { normalizeAddress, parseTrustProxy, resolveClientAddress, TrustProxyError } from "../../src/http-api/trusted-proxy";

const none = parseTrustProxy(undefined);

describe("TRUST_PROXY parsing", () => {
  it("reads unset, empty, false and 0 as direct connections", () => {
    for (const value of [undefined, "", "  ", "false", "FALSE", "no", "0"]) {
      expect([value, parseTrustProxy(value).kind]).toEqual([value, "none"]);
    }
  });

  it("reads a whole number as a hop count, up to 10", () => {
    expect(parseTrustProxy("1")).toEqual({ kind: "hops", hops: 1 });
    expect(parseTrustProxy(" 3 ")).toEqual({ kind: "hops", hops: 3 });
    expect(() => parseTrustProxy("11")).toThrow(TrustProxyError);
  });

  it("reads a list of addresses and CIDR ranges, IPv4 and IPv6", () => {
    const trust = parseTrustProxy("10.0.0.0/8, 192.168.1.7,::1, fd00::/8");
    expect(trust.kind).toBe("cidrs");
    if (trust.kind !== "cidrs") return;
    expect(trust.ranges).toEqual(["10.0.0.0/8", "192.168.1.7", "::1", "fd00::/8"]);
    expect(trust.list.check("10.200.3.4", "ipv4")).toBe(true);
    expect(trust.list.check("11.0.0.1", "ipv4")).toBe(false);
    expect(trust.list.check("fd12::1", "ipv6")).toBe(true);
  });

  it("refuses a bare flag and anything that is not an address or range", () => {
    for (const value of ["true", "yes", "10.0.0.0/33", "::/129", "10.0.0.0/8/1", "proxy.internal", "10.0.0.0/x", "1.2.3", ",", "-1", "1.5"]) {
      expect(() => parseTrustProxy(value), value).toThrow(TrustProxyError);
    }
  });
});

describe("addresses", () => {
  it("normalizes what proxies write, and refuses what is not an address", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("203.0.113.9:5678")).toBe("203.0.113.9");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress(" 2001:db8::1 ")).toBe("2001:db8::1");
    for (const bad of ["", "unknown", "evil.example", "1.2.3.4.5", "fe80::1%eth0", "<script>", null, undefined]) {
      expect(normalizeAddress(bad)).toBeNull();
    }
  });
});

describe("the client address", () => {
  const spoofed = "6.6.6.6, 7.7.7.7";

  it("is the socket's peer on direct connections, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("198.51.100.7", spoofed, none)).toBe("198.51.100.7");
    expect(resolveClientAddress("::ffff:198.51.100.7", "1.1.1.1", none)).toBe("198.51.100.7");
    expect(resolveClientAddress(undefined, "1.1.1.1", none)).toBeNull();
  });

  it("with a hop count, is the entry that many hops back, never further", () => {
    const one = parseTrustProxy("1");
    // The proxy appended the address it saw; what the client wrote stays to its left.
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9", one)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9", one)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", ["6.6.6.6", "203.0.113.9"], one)).toBe("203.0.113.9");
    const two = parseTrustProxy("2");
    expect(resolveClientAddress("10.0.0.3", "6.6.6.6, 203.0.113.9, 10.0.0.2", two)).toBe("203.0.113.9");
    // Fewer entries than hops: the left-most there is.
    expect(resolveClientAddress("10.0.0.3", "203.0.113.9", two)).toBe("203.0.113.9");
    // No header: the peer.
    expect(resolveClientAddress("10.0.0.2", undefined, one)).toBe("10.0.0.2");
    // Garbage where our proxy's entry should be: the proxy, not the garbage.
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, not-an-ip", one)).toBe("10.0.0.2");
  });

  it("with CIDR ranges, walks left only while the writer is a trusted proxy", () => {
    const trust = parseTrustProxy("10.0.0.0/8, ::1");
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9", trust)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.3", "6.6.6.6, 203.0.113.9, 10.0.0.2", trust)).toBe("203.0.113.9");
    // A peer outside the ranges is the client, whatever it claims.
    expect(resolveClientAddress("198.51.100.7", spoofed, trust)).toBe("198.51.100.7");
    expect(resolveClientAddress("::1", "203.0.113.9", trust)).toBe("203.0.113.9");
    // Every hop trusted: the left-most entry.
    expect(resolveClientAddress("10.0.0.3", "10.0.0.1, 10.0.0.2", trust)).toBe("10.0.0.1");
    expect(resolveClientAddress("10.0.0.3", "6.6.6.6, junk", trust)).toBe("10.0.0.3");
  });
});
