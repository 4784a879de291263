import { describe, expect, it } from "vitest";
import { parseAcceptLanguage, pickLocale } from "~/i18n/locales";
import { clientAddress } from "~/server/client-address";
import { shouldRetry } from "~/trpc/query-client";
import { readSessionClaims } from "~/session/claims";
import { authCookies } from "~/session/cookies";

describe("locale", () => {
  it("orders Accept-Language by quality", () => {
    expect(parseAcceptLanguage("fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5")).toEqual(["fr-CH", "fr", "en"]);
    expect(parseAcceptLanguage(null)).toEqual([]);
  });

  it("picks the first supported language, English otherwise", () => {
    expect(pickLocale(["de-AT", "en-GB"])).toBe("de");
    expect(pickLocale(["fr", "de"])).toBe("de");
    expect(pickLocale(["fr-CH", "fr"])).toBe("en");
    expect(pickLocale(["EN-gb", "de"])).toBe("en");
    expect(pickLocale(["xx"])).toBe("en");
    expect(pickLocale([null, undefined])).toBe("en");
  });
});

describe("client address", () => {
  const token = "t".repeat(43);

  it("believes only the address the portal's own server wrote, with its edge token", () => {
    const headers = new Headers({
      "x-forwarded-for": "203.0.113.9, 198.51.100.7",
      "x-portal-client-address": "192.0.2.1",
      "x-portal-edge-token": token,
    });
    expect(clientAddress(headers, { edgeToken: token })).toBe("192.0.2.1");
    expect(clientAddress(headers, { development: true, edgeToken: token })).toBe("192.0.2.1");
  });

  it("ignores an address header without the right token (a plain next start, a client's own header)", () => {
    for (const sent of [undefined, "", "x".repeat(43), token.slice(1)]) {
      const headers = new Headers({ "x-portal-client-address": "192.0.2.1", ...(sent !== undefined ? { "x-portal-edge-token": sent } : {}) });
      expect(clientAddress(headers, { edgeToken: token })).toBeNull();
      expect(clientAddress(headers, {})).toBeNull();
    }
  });

  it("never takes X-Forwarded-For in production; in development the entry next dev appended", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.9, 198.51.100.7" });
    expect(clientAddress(headers)).toBeNull();
    expect(clientAddress(headers, { development: true })).toBe("198.51.100.7");
    expect(clientAddress(new Headers(), { development: true })).toBeNull();
  });
});

describe("React Query retries", () => {
  // Retries happen in the browser only; vitest runs in Node.
  const inBrowser = (fn: () => void) => {
    const global = globalThis as { window?: unknown };
    global.window = {};
    try {
      fn();
    } finally {
      delete global.window;
    }
  };

  it("never retries a refusal below 500", () => {
    inBrowser(() => {
      for (const httpStatus of [400, 401, 403, 404, 409, 410, 429]) {
        expect(shouldRetry(0, { data: { httpStatus } })).toBe(false);
      }
    });
  });

  it("retries server faults and network errors a few times", () => {
    inBrowser(() => {
      expect(shouldRetry(0, { data: { httpStatus: 500 } })).toBe(true);
      expect(shouldRetry(0, new TypeError("Failed to fetch"))).toBe(true);
      expect(shouldRetry(3, new TypeError("Failed to fetch"))).toBe(false);
    });
  });
});

describe("session claims", () => {
  const sessionId = crypto.randomUUID();

  it("keep only the session id and its kind", () => {
    expect(readSessionClaims({ sessionId, kind: "customer", name: "x", email: "a@b.c" })).toEqual({
      sessionId,
      kind: "customer",
    });
  });

  it("reject tokens without a valid session id or kind", () => {
    expect(readSessionClaims({ sessionId: "not-a-uuid", kind: "customer" })).toBeNull();
    expect(readSessionClaims({ sessionId, kind: "admin" })).toBeNull();
    expect(readSessionClaims(undefined)).toBeNull();
  });
});

describe("auth cookies", () => {
  it("are HttpOnly and SameSite=Lax, Secure with prefixes in production", () => {
    const production = authCookies(true);
    expect(production.sessionToken.name).toBe("__Secure-authjs.session-token");
    expect(production.csrfToken.name).toBe("__Host-authjs.csrf-token");
    for (const cookie of Object.values(production)) {
      expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true, path: "/" });
    }
    const development = authCookies(false);
    expect(development.sessionToken.name).toBe("authjs.session-token");
    expect(development.sessionToken.options.secure).toBe(false);
  });
});
