import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, createNonce } from "~/security/content-security-policy";
import { resolveRequestId } from "~/security/request-id";
import { staticSecurityHeaders } from "~/security/static-headers";

describe("Content-Security-Policy", () => {
  const nonce = createNonce();

  it("allows scripts only with the nonce, and no eval, in production", () => {
    const csp = buildContentSecurityPolicy({ nonce, development: false, https: true });
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("upgrade-insecure-requests");
  });

  it("permits eval only in development, and does not upgrade plain-HTTP requests", () => {
    const csp = buildContentSecurityPolicy({ nonce, development: true, https: false });
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("uses a new nonce of 128 bits each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    expect(Buffer.from(createNonce(), "base64")).toHaveLength(16);
  });
});

describe("static security headers", () => {
  it("include nosniff, a strict referrer policy and a permissions policy", () => {
    const headers = Object.fromEntries(staticSecurityHeaders({ production: true }).map((h) => [h.key, h.value]));
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Permissions-Policy"]).toContain("camera=()");
    expect(headers["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
  });
});

describe("request id", () => {
  it("keeps a sane incoming id", () => {
    expect(resolveRequestId("req-1234abcd")).toBe("req-1234abcd");
    const uuid = crypto.randomUUID();
    expect(resolveRequestId(uuid)).toBe(uuid);
  });

  it.each([null, "", "short", "has spaces in it", "line\nbreak-injected", "<script>alert(1)</script>", "x".repeat(129)])(
    "replaces %j with a new uuid",
    (incoming) => {
      const id = resolveRequestId(incoming);
      expect(id).not.toBe(incoming);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    },
  );
});
