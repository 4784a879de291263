// The mobile API as an app uses it against the running portal: seed 003's sign-up, phone
// verification, refresh and forgotten password at /v1/user/..., seed 001's accounts at
// /api/v2/my/accounts..., codes read from the development mailbox. The portal's own front
// door must hand every method of these paths to the API (not answer them as pages).
import { expect, test } from "../fixtures/test";
import { newPassword, PASSWORD_RESET, PHONE_VERIFICATION, readCode, uniqueEmail } from "../support/identity";

const json = async (response: { json(): Promise<unknown> }) => (await response.json()) as Record<string, unknown>;

test.describe("mobile API (seeds 001 and 003)", () => {
  test("signs up, verifies the phone, manages and archives an account, refreshes its token", async ({ request }) => {
    const email = uniqueEmail("mobile");
    const password = newPassword();
    const phoneNumber = `+3579${String(Date.now()).slice(-7)}`;
    const signUp = await request.post("/v1/user/sign-up", { data: { email, password, phoneNumber, name: "Grace", surname: "Hopper" } });
    expect(signUp.status(), await signUp.text()).toBe(200);
    expect(await json(signUp)).toMatchObject({ success: true, errorCode: 0, data: { email, phoneNumber, name: "Grace", accounts: [] } });

    const login = await request.post("/customer/auth/login", { data: { email, password } });
    expect(login.status()).toBe(200);
    const { __token: token, refresh_token: refreshToken } = (await json(login)) as { __token: string; refresh_token: string };
    const auth = { authorization: `Bearer ${token}` };

    const code = await readCode(request, phoneNumber, PHONE_VERIFICATION);
    const verified = await request.post("/v1/user/otp", { headers: auth, data: { code, challengeType: "PHONE_VERIFICATION" } });
    expect(verified.status(), await verified.text()).toBe(200);
    expect(await json(verified)).toEqual({ success: true, data: {}, errorCode: 0, errorMessage: "" });

    const groups = (await json(await request.get("/customer/account/groups", { headers: auth }))).groups as Array<{ id: number; name: string }>;
    const demo = groups.find((g) => g.name === "demo-usd")!;
    const opened = await request.post("/api/v2/my/accounts", { headers: auth, data: { productCurrencyId: demo.id, leverage: 100, startAmount: 100, options: {} } });
    expect(opened.status(), await opened.text()).toBe(200);
    const created = await json(opened);
    expect(created).toMatchObject({ caption: "demo-usd", mustChangePassword: true, temporaryPassword: expect.any(String) });
    const accountId = created.id as number;
    const list = await request.get("/api/v2/my/accounts?limit=10&offset=0&sort_order=desc&sort_by=createTime&filter[platformId]=MT5", { headers: auth });
    expect(list.status()).toBe(200);
    expect(await json(list)).toMatchObject({ total: 1, data: [{ id: accountId, caption: "demo-usd", alphabeticCurrencyCode: "USD" }] });

    const renamed = await request.put(`/api/v2/my/accounts/${accountId}`, { headers: auth, data: { caption: "Bitcoin", favorite: true } });
    expect(await json(renamed)).toMatchObject({ id: accountId, caption: "Bitcoin", favorite: true });
    const details = await request.get(`/api/v2/accounts/${accountId}`, { headers: auth });
    expect(await json(details)).toMatchObject({ caption: "Bitcoin", live: { balance: "100.00" } });

    const archived = await request.post(`/api/v2/my/accounts/${accountId}/archive`, { headers: auth });
    expect([archived.status(), await archived.text()]).toEqual([204, ""]);
    const again = await request.post(`/api/v2/my/accounts/${accountId}/archive`, { headers: auth });
    expect([again.status(), (await json(again)).error]).toEqual([409, "ACCOUNT_ARCHIVED"]);

    const refreshed = await request.post("/v1/user/refresh", { data: { username: email, refreshToken } });
    expect(refreshed.status()).toBe(200);
    const data = (await json(refreshed)).data as { accessToken: string };
    expect((await request.get("/api/v2/my/accounts", { headers: { authorization: `Bearer ${data.accessToken}` } })).status()).toBe(200);
    expect((await request.get("/api/v2/my/accounts", { headers: auth })).status()).toBe(401);
  });

  test("resets a forgotten password with the e-mailed code", async ({ request }) => {
    const email = uniqueEmail("mobile-reset");
    const password = newPassword();
    expect((await request.post("/v1/user/sign-up", { data: { email, password, name: "Ada", surname: "Lovelace" } })).status()).toBe(200);
    const asked = await request.get(`/v1/user/forget-password?email=${encodeURIComponent(email)}`);
    expect(await json(asked)).toMatchObject({ success: true, data: { codeDeliveryDetails: { deliveryMedium: "EMAIL" } } });
    const code = await readCode(request, email, PASSWORD_RESET);
    const fresh = newPassword();
    const wrong = await request.put("/v1/user/change-password", {
      data: { username: email, code: code === "000000" ? "111111" : "000000", password: fresh, passwordConfirm: fresh },
    });
    expect([wrong.status(), (await json(wrong)).error]).toEqual([400, "CODE_INVALID"]);
    const changed = await request.put("/v1/user/change-password", { data: { username: email, code, password: fresh, passwordConfirm: fresh } });
    expect(await json(changed)).toEqual({ success: true, data: { data: {} }, errorCode: 0, errorMessage: "" });
    expect((await request.post("/customer/auth/login", { data: { email, password: fresh } })).status()).toBe(200);
  });

  test("the portal hands every method of these paths to the API: its JSON 405 with the path's Allow, 404 beside them", async ({ request }) => {
    const put = await request.put("/v1/user/sign-up", { data: {} });
    expect([put.status(), put.headers()["allow"], (await json(put)).error]).toEqual([405, "POST", "METHOD_NOT_ALLOWED"]);
    const del = await request.delete("/api/v2/my/accounts/1");
    expect([del.status(), del.headers()["allow"]]).toEqual([405, "GET, PUT, PATCH"]);
    for (const path of ["/v1/user/portfolio", "/v1", "/api/v2", "/api/v2/my"]) {
      const unknown = await request.get(path);
      expect([path, unknown.status(), (await json(unknown)).error]).toEqual([path, 404, "NOT_FOUND"]);
    }
    const anonymous = await request.patch("/api/v2/my/accounts/1", { data: "not json", headers: { "content-type": "application/json" } });
    expect([anonymous.status(), (await json(anonymous)).error]).toEqual([401, "INVALID_CUSTOMER_SESSION"]);
    // Bearer-only endpoints judge origins by their own CORS list, not the cookie CSRF check.
    const foreign = await request.post("/v1/user/sign-up", {
      data: {},
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect([foreign.status(), (await json(foreign)).error, foreign.headers()["access-control-allow-origin"]]).toEqual([400, "INVALID_DATA", undefined]);
  });

  test("the OpenAPI document and the reference page list the seed 001 and 003 operations", async ({ page, request }) => {
    test.slow(); // the accessibility scan of the long reference page (see customer-http-api.spec.ts)
    const doc = (await json(await request.get("/api/openapi.json"))) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v2/my/accounts", "/api/v2/my/accounts/{accountId}/archive", "/v1/user/sign-up", "/v1/user/change-password"]),
    );
    await page.goto("/api-reference");
    await expect(page.getByRole("heading", { name: /GET \/api\/v2\/my\/accounts$/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: /PUT \/v1\/user\/change-password/ })).toBeVisible();
  });
});
