// The customer HTTP API of seeds 000/002, as a trading terminal uses it: mounted by the
// portal at /customer/..., described at /api/openapi.json and /api-reference.
import { expect, test } from "../fixtures/test";

// packages/db/src/seed.ts: DEMO_CUSTOMER.
const DEMO = { email: "demo@example.com", password: "Demo-Trader-2026" };

test.describe("customer HTTP API", () => {
  test("logs in, lists linked accounts and opens a demo account with a bearer token", async ({ request }) => {
    const login = await request.post("/customer/auth/login", { data: DEMO });
    expect(login.status()).toBe(200);
    expect(login.headers()["content-type"]).toContain("application/json");
    const body = (await login.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ email: DEMO.email, status: 0, brand: "default", otp_enabled: 0 });
    const token = body.__token as string;
    expect(token.length).toBeGreaterThanOrEqual(22);
    const auth = { authorization: `Bearer ${token}` };

    const opened = await request.post("/customer/account/open", { headers: auth, data: { group: "demo-usd" } });
    expect(opened.status()).toBe(200);
    expect(await opened.json()).toMatchObject({ group: "demo-usd", account_mode: "DEMO", currency: "USD", must_change_password: true });

    const accounts = await request.get("/customer/session/accounts", { headers: auth });
    expect(accounts.status()).toBe(200);
    const list = (await accounts.json()) as { accounts: Array<{ group: string; enable: number }> };
    expect(list.accounts.some((a) => a.group === "demo-usd" && a.enable === 1)).toBe(true);
  });

  test("answers the seed's error bodies: 401 before the body is read, 400 for a bad body", async ({ request }) => {
    const anonymous = await request.post("/customer/account/open", { data: "not json", headers: { "content-type": "application/json" } });
    expect(anonymous.status()).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: "INVALID_CUSTOMER_SESSION" });
    const wrong = await request.post("/customer/auth/login", { data: { email: DEMO.email, password: "not-the-password" } });
    expect(wrong.status()).toBe(403);
    expect(await wrong.json()).toMatchObject({ error: "CUSTOMER_NOT_FOUND_OR_INCORRECT", message: "Email or password is incorrect" });
  });

  test("publishes its OpenAPI document and a readable reference page", async ({ page, request }) => {
    // The reference page lists every operation of seeds 000-003 (27 with their tables): the
    // accessibility scan after `goto` alone takes most of the default 30 s on a busy machine.
    test.slow();
    const doc = await request.get("/api/openapi.json");
    expect(doc.status()).toBe(200);
    const json = (await doc.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(json.openapi).toBe("3.1.0");
    expect(Object.keys(json.paths)).toEqual(expect.arrayContaining(["/customer/auth/login", "/customer/account/open"]));
    await page.goto("/api-reference");
    await expect(page.getByRole("heading", { level: 1, name: "Customer HTTP API" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /POST \/customer\/account\/open/ })).toBeVisible();
  });
});
