// The payment simulator's page is the provider's page: proxy.ts neither judges its origin
// (it reads no cookie; its link's token authenticates it) nor puts the portal's CSP over
// the page's own stricter one. Everything else keeps both.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "~/proxy";

const post = (path: string) =>
  new NextRequest(`http://localhost:3000${path}`, {
    method: "POST",
    headers: {
      origin: "http://evil.example",
      "sec-fetch-site": "cross-site",
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "action=cancel",
  });

describe("proxy and the payment simulator's page", () => {
  it("lets the page's form POST through and leaves its CSP to the page", async () => {
    const response = proxy(post("/payment-simulator/pay/pay_0123456789abcdef01234567"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("still refuses a cross-site POST elsewhere, and puts the portal's CSP on other pages", async () => {
    expect(proxy(post("/payment-simulatorx/pay/x")).status).toBe(403);
    expect(proxy(post("/accounts")).status).toBe(403);
    const page = proxy(new NextRequest("http://localhost:3000/accounts"));
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
  });
});
