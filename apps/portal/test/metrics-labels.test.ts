// The portal's metrics label every request from a closed set: API paths as the API server
// labels them, pages by their route template, Next's assets as one label, the rest `other`.
import { describe, expect, it } from "vitest";
import { createPortalRouteLabel } from "~/server/metrics";

const label = createPortalRouteLabel([
  { page: "/accounts", pattern: /^\/accounts(?:\/)?$/ },
  { page: "/accounts/[id]", pattern: /^\/accounts\/([^/]+?)(?:\/)?$/ },
]);

describe("portal metrics labels", () => {
  it("labels tRPC procedures, REST paths and the health routes as the API server does", () => {
    expect(label("/api/trpc/accounts.open")).toBe("trpc:accounts.open");
    expect(label("/api/trpc/brand.get,session.list")).toBe("trpc:batch");
    expect(label("/api/trpc/no.such.thing")).toBe("trpc:other");
    expect(label("/customer/auth/login")).toBe("/customer/auth/login");
    expect(label("/api/v2/my/accounts/42")).toBe("/api/v2/my/accounts/{accountId}");
    expect(label("/api/health/ready")).toBe("/api/health/ready");
    expect(label("/api/auth/callback/customer")).toBe("/api/auth");
  });

  it("labels pages by their route template, never by the ids in the path", () => {
    expect(label("/accounts")).toBe("/accounts");
    expect(label("/accounts/123")).toBe("/accounts/[id]");
    expect(label("/accounts/456")).toBe("/accounts/[id]");
  });

  it("labels Next's assets as static and anything unknown as other", () => {
    expect(label("/_next/static/chunks/app.js")).toBe("static");
    expect(label(`/no/such/page/${Math.random()}`)).toBe("other");
    expect(label("/customer/nothing-here")).toBe("other");
  });
});
