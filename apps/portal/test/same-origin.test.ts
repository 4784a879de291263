import { describe, expect, it } from "vitest";
import { crossOriginRefusal } from "~/security/same-origin";

const URL_ = "http://localhost:3000/api/trpc/session.revokeOthers";
const check = (method: string, headers: Record<string, string>, own: Array<string | undefined> = []) =>
  crossOriginRefusal({ method, url: URL_, headers: new Headers(headers) }, own);

describe("same-origin check of state changes", () => {
  it("lets safe methods through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(check(method, { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).toBeNull();
  });

  it("refuses other origins of the same site: another port, a sibling sub-domain, another scheme, null", () => {
    for (const origin of ["http://localhost:4000", "http://app.localhost:3000", "https://localhost:3000", "null", "http://localhost", "http://localhost:3000.evil.example"]) {
      expect([origin, check("POST", { origin })]).toEqual([origin, expect.any(String)]);
    }
    for (const site of ["same-site", "cross-site", "SAME-SITE"]) {
      expect([site, check("POST", { "sec-fetch-site": site, origin: "http://localhost:3000" })]).toEqual([site, expect.any(String)]);
    }
    for (const method of ["PUT", "PATCH", "DELETE", "PROPFIND"]) expect(check(method, { origin: "http://localhost:4000" })).not.toBeNull();
  });

  it("accepts the request's own origin and the configured public one", () => {
    expect(check("POST", { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" })).toBeNull();
    expect(check("POST", { origin: "http://LOCALHOST:3000/" })).toBeNull();
    expect(check("POST", { origin: "https://portal.example.com" }, ["https://portal.example.com/"])).toBeNull();
    expect(check("POST", { origin: "https://portal.example.com" }, [undefined])).not.toBeNull();
    // A user's own navigation (typed URL, bookmark) says "none".
    expect(check("POST", { "sec-fetch-site": "none" })).toBeNull();
  });

  it("leaves clients that are not browsers, and bearer-token calls, alone", () => {
    expect(check("POST", {})).toBeNull();
    expect(check("POST", { authorization: "Bearer abc", origin: "http://localhost:4000", "sec-fetch-site": "same-site" })).toBeNull();
  });
});
