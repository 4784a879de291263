import { expect, test } from "../fixtures/test";

test.describe("HTTP endpoints", () => {
  test("/api/health reports the database, the trading core and the throttle store", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toContain("no-store");
    const body = await response.json();
    expect(body).toMatchObject({
      status: "ok",
      database: { ok: true },
      core: { ok: true },
      throttles: { ok: true, store: "postgresql" },
      warnings: [],
    });
    expect(typeof body.database.latencyMs).toBe("number");
    expect(typeof body.core.latencyMs).toBe("number");
  });

  test("tRPC answers with the domain's HTTP status and code", async ({ request }) => {
    const anonymous = await request.get("/api/trpc/session.list", { headers: { "x-request-id": "e2e-request-0001" } });
    expect(anonymous.status()).toBe(401);
    expect(anonymous.headers()["x-request-id"]).toBe("e2e-request-0001");
    expect((await anonymous.json()).error.data).toMatchObject({ appCode: "INVALID_CUSTOMER_SESSION", httpStatus: 401 });

    const invalid = await request.get(`/api/trpc/brand.get?input=${encodeURIComponent(JSON.stringify({ code: 5 }))}`);
    expect(invalid.status()).toBe(400);
    expect((await invalid.json()).error.data).toMatchObject({ appCode: "INVALID_DATA", fieldErrors: { code: [expect.any(String)] } });

    const brand = await request.get("/api/trpc/brand.get", { headers: { "x-request-id": "bad id with spaces" } });
    expect(brand.status()).toBe(200);
    expect(brand.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("next-auth answers (the host is trusted, the secret is set) with hardened cookies", async ({ request }) => {
    const session = await request.get("/api/auth/session");
    expect(session.status()).toBe(200);
    expect(await session.json()).toBeNull();

    // The first call hands out the CSRF cookie. A production build: the __Host- prefix,
    // Secure, HttpOnly, SameSite=Lax.
    const cookies = session
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "set-cookie")
      .map((h) => h.value);
    const csrf = cookies.find((c) => c.startsWith("__Host-authjs.csrf-token=")) ?? "";
    expect(csrf).toMatch(/;\s*Secure/i);
    expect(csrf).toMatch(/;\s*HttpOnly/i);
    expect(csrf).toMatch(/;\s*SameSite=Lax/i);
    for (const cookie of cookies) expect(cookie).toMatch(/^__(Host|Secure)-/);
  });
});
