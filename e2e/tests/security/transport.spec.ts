// The portal's edge against its production start: cookie-authenticated state changes
// from another origin of the same site are refused (CSRF), and malformed requests get
// JSON 4xx answers instead of 500s.
import { createServer } from "node:net";
import { signedInCustomer, trpcQuery } from "../../support/accounts";
import { loopbackAddress, portOf, rawRequest } from "../../support/raw-http";
import { expect, test } from "../../fixtures/test";

/** Another port of localhost: same site, another origin. */
function otherPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 1));
    });
  });
}

const appCode = (body: unknown) => (body as { error?: { data?: { appCode?: string } } }).error?.data?.appCode;

test.describe("same-origin check of cookie-authenticated changes", () => {
  test("a same-site page on another port cannot revoke sessions, sign out or call server actions", async ({ page, request, baseURL }) => {
    const customer = await signedInCustomer(page, "csrf");
    // A second session (a terminal's), which revokeOthers would end.
    const login = await request.post("/customer/auth/login", { data: { email: customer.email, password: customer.password } });
    expect(login.status()).toBe(200);
    const token = ((await login.json()) as { __token: string }).__token;
    const sessionIds = async () => (await trpcQuery<Array<{ id: string }>>(page.request, "session.list")).map((x) => x.id).sort();
    const sessionsBefore = await sessionIds();
    expect(sessionsBefore.length).toBe(2);
    const foreign = `http://localhost:${await otherPort()}`;

    // The attack of the issue: a multipart POST without input, from the sibling origin.
    const multipart = await page.request.post("/api/trpc/session.revokeOthers", { multipart: { x: "1" }, headers: { origin: foreign } });
    expect([multipart.status(), appCode(await multipart.json())]).toEqual([403, "FORBIDDEN"]);
    // As JSON, or announced only by Sec-Fetch-Site: the same.
    const json = await page.request.post("/api/trpc/session.revokeOthers", { data: {}, headers: { origin: foreign } });
    expect([json.status(), appCode(await json.json())]).toEqual([403, "FORBIDDEN"]);
    const sameSite = await page.request.post("/api/trpc/session.revokeOthers", { data: {}, headers: { "sec-fetch-site": "same-site" } });
    expect([sameSite.status(), appCode(await sameSite.json())]).toEqual([403, "FORBIDDEN"]);
    const nullOrigin = await page.request.post("/api/trpc/session.revokeOthers", { data: {}, headers: { origin: "null" } });
    expect(nullOrigin.status()).toBe(403);

    // A server action and next-auth's sign-out, from the same foreign origin.
    const action = await page.request.post("/accounts", {
      headers: { origin: foreign, "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
    });
    expect([action.status(), await action.json()]).toEqual([403, { error: "FORBIDDEN", message: expect.any(String) }]);
    const signOut = await page.request.post("/api/auth/signout", { form: { csrfToken: "x" }, headers: { origin: foreign }, maxRedirects: 0 });
    expect([signOut.status(), ((await signOut.json()) as { error: string }).error]).toEqual([403, "FORBIDDEN"]);

    // Nothing changed: the same sessions, still signed in.
    expect(await sessionIds()).toEqual(sessionsBefore);

    // The portal's own origin is served as before.
    const own = await page.request.get("/api/trpc/session.list", { headers: { origin: baseURL! } });
    expect(own.status()).toBe(200);

    // A bearer-token call is not cookie-authenticated: a foreign origin does not matter to
    // it (a foreign page cannot add the header). It ends the cookie session, as asked.
    const bearer = await request.post("/api/trpc/session.revokeOthers", {
      data: {},
      headers: { origin: foreign, authorization: `Bearer ${token}` },
    });
    expect(bearer.status()).toBe(200);
    const ended = await page.request.get("/api/trpc/session.list");
    expect([ended.status(), appCode(await ended.json())]).toEqual([401, "INVALID_CUSTOMER_SESSION"]);
  });
});

test.describe("malformed requests against the production start", () => {
  test("wrong methods, media types, escapes and NUL bytes are JSON 4xx, never 500", async ({ request, baseURL }) => {
    const port = portOf(baseURL);
    const from = loopbackAddress();
    const query = await request.post("/api/trpc/brand.get", { data: {} });
    expect([query.status(), appCode(await query.json())]).toEqual([405, "METHOD_NOT_ALLOWED"]);
    const mutation = await request.get("/api/trpc/session.revokeOthers");
    expect([mutation.status(), appCode(await mutation.json())]).toEqual([405, "METHOD_NOT_ALLOWED"]);
    const put = await request.put("/api/trpc/session.revokeOthers", { data: {} });
    expect([put.status(), appCode(await put.json())]).toEqual([405, "METHOD_NOT_ALLOWED"]);
    const form = await request.post("/api/trpc/auth.login", { form: { email: "a@example.com", password: "x" } });
    expect([form.status(), appCode(await form.json())]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    const nul = await request.post("/api/trpc/auth.login", {
      data: '{"email":"demo@example.com","password":"a\\u0000b"}',
      headers: { "content-type": "application/json" },
    });
    expect([nul.status(), appCode(await nul.json())]).toEqual([400, "INVALID_DATA"]);
    const restNul = await request.post("/customer/auth/login", {
      data: '{"email":"demo\\u0000@example.com","password":"x"}',
      headers: { "content-type": "application/json" },
    });
    expect([restNul.status(), ((await restNul.json()) as { error: string }).error]).toEqual([400, "INVALID_DATA"]);

    for (const method of ["TRACE", "TRACK", "PROPFIND"]) {
      const reply = await rawRequest(port, from, method, "/api/trpc/session.list");
      expect([method, reply.status, reply.json().error]).toEqual([method, 405, "METHOD_NOT_ALLOWED"]);
    }
    // Methods a page or route handler does not serve: the API's JSON 405, not a page or a bare 405.
    for (const [method, path] of [
      ["PUT", "/"],
      ["DELETE", "/accounts"],
      ["OPTIONS", "/sign-in"],
      ["PUT", "/api/health"],
      ["DELETE", "/api/openapi.json"],
      ["PATCH", "/api/auth/session"],
      ["POST", "/staff/kyc/documents/00000000-0000-4000-8000-000000000000"],
    ] as const) {
      const reply = await rawRequest(port, from, method, path, { headers: { "content-type": "application/json" }, body: "{}" });
      expect([method, path, reply.status, reply.json().error]).toEqual([method, path, 405, "METHOD_NOT_ALLOWED"]);
    }
    for (const path of ["/%zz", "/api/trpc/%E0%A4%A", "/customer/auth/%", "/sign-in/%c0"]) {
      const reply = await rawRequest(port, from, "GET", path);
      expect([path, reply.status, reply.json().error]).toEqual([path, 400, "INVALID_DATA"]);
    }
  });
});
