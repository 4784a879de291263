// What the HTTP layer answers on seed 001's and seed 003's paths for requests that are
// wrong in form: methods a path does not serve (405 with Allow), unknown paths, bodies that
// are not JSON objects, too large, or sent as forms; tokens missing before a broken body.
// Always the API's JSON error, never 500, and nothing changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES } from "../../src/http-api/routes";
import { expectError, openVia } from "./mobile-support";
import { setUp, signedIn, tearDown, type Setup } from "./support";

let s: Setup;
let token: string;
let accountId: number;
beforeAll(async () => {
  s = await setUp();
  const c = await signedIn(s, { kycApproved: true });
  token = c.token;
  accountId = (await openVia(s, token, "demo-usd")).id;
});
afterAll(() => tearDown(s));

const MOBILE_ROUTES = ROUTES.filter((r) => r.path.startsWith("/api/v2/") || r.path.startsWith("/v1/"));
const concrete = (path: string) => path.replace("{accountId}", String(accountId));

/** What any of these requests could have changed. */
const snapshot = async () => ({
  accounts: await s.h.db.account.findMany({ orderBy: { id: "asc" }, select: { id: true, caption: true, favorite: true, archivedAt: true } }),
  customers: await s.h.db.customer.count(),
  flows: await s.h.db.tradingPasswordFlow.count(),
  links: await s.h.db.passwordRestoreLink.count(),
  messages: await s.h.db.message.count(),
  sessions: await s.h.db.session.count(),
});

describe("seed 001/003 paths: methods and paths", () => {
  it("answers a method a path does not serve with 405 METHOD_NOT_ALLOWED and the path's Allow", async () => {
    const allowOf = (path: string) =>
      MOBILE_ROUTES.filter((r) => r.path === path)
        .map((r) => r.method)
        .join(", ");
    expect(allowOf("/api/v2/my/accounts/{accountId}")).toBe("GET, PUT, PATCH");
    const before = await snapshot();
    for (const path of new Set(MOBILE_ROUTES.map((r) => r.path))) {
      const allowed = allowOf(path).split(", ");
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => !allowed.includes(m))) {
        const reply = await s.api.call(method, concrete(path), { token, body: method === "GET" ? undefined : {} });
        expect([method, path, reply.status, reply.body.error, reply.headers.get("allow")]).toEqual([
          method,
          path,
          405,
          "METHOD_NOT_ALLOWED",
          allowOf(path),
        ]);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answers paths next to the seeds' with 404 NOT_FOUND", async () => {
    for (const path of [
      "/api/v2",
      "/api/v2/my",
      "/api/v2/my/accounts/",
      `/api/v2/my/accounts/${accountId}/`,
      `/api/v2/my/accounts/${accountId}/password/nope`,
      "/api/v2/accounts",
      "/api/v2/my/accounts//archive",
      "/v1/user",
      "/v1/user/sign-up/",
      "/v1/user/SIGN-UP",
      "/v1/account/",
      "/v1/account/portfolios",
    ]) {
      const reply = await s.api.call("GET", path, { token });
      expect([path, reply.status, reply.body.error]).toEqual([path, 404, "NOT_FOUND"]);
    }
  });
});

describe("seed 001/003 paths: bodies", () => {
  const withBody = MOBILE_ROUTES.filter((r) => r.body);

  it("refuses non-JSON, arrays, scalars and forms with 400 or 415, on every endpoint with a body", async () => {
    const before = await snapshot();
    for (const route of withBody) {
      const path = concrete(route.path);
      const auth = route.auth ? token : null;
      for (const body of ["{not json", "[1,2]", '"text"', "42", "null", "[]"]) {
        const reply = await s.api.call(route.method, path, { token: auth, body });
        expectError(reply, 400, "INVALID_DATA");
      }
      for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
        const reply = await s.api.call(route.method, path, { token: auth, body: "{}", headers: { "content-type": type } });
        expect([route.operationId, type, reply.status, reply.body.error]).toEqual([route.operationId, type, 415, "UNSUPPORTED_MEDIA_TYPE"]);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses bodies over the limit with 413 INVALID_DATA, and never answers 500 to odd values", async () => {
    const before = await snapshot();
    const huge = JSON.stringify({ caption: "x".repeat(70 * 1024) });
    for (const route of withBody) {
      const reply = await s.api.call(route.method, concrete(route.path), { token: route.auth ? token : null, body: huge });
      expect([route.operationId, reply.status, reply.body.error]).toEqual([route.operationId, 413, "INVALID_DATA"]);
    }
    // Raw JSON text: `__proto__` stays a key, lone surrogates stay lone.
    const odd: string[] = [
      '{"caption": null, "favorite": null}',
      '{"caption": {"$ne": 1}}',
      '{"__proto__": {"favorite": true}, "caption": "x"}',
      '{"constructor": {"prototype": {"x": 1}}}',
      '{"fallbackId": 1e308}',
      '{"code": -1, "uuid": "00000000-0000-0000-0000-000000000000"}',
      '{"passwordType": ["main"]}',
      '{"password": "\\u0000", "passwordConfirmation": "\\u0000", "uuid": "00000000-0000-0000-0000-000000000000"}',
      '{"email": "a@b.co\\u0000", "password": "x", "name": "\\ud800", "surname": "y"}',
      JSON.stringify({ refreshToken: "x".repeat(100000) }),
      '{"code": "12345678901234567890", "challengeType": null}',
      "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    ];
    for (const route of withBody) {
      for (const body of odd) {
        const reply = await s.api.call(route.method, concrete(route.path), { token: route.auth ? token : null, body });
        expect(reply.status, `${route.operationId} ${body.slice(0, 80)}: ${reply.text.slice(0, 300)}`).toBeLessThan(500);
        expect(reply.status, `${route.operationId} ${body.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("checks the bearer token before the body or the query: anonymous callers get 401 whatever they send", async () => {
    const before = await snapshot();
    for (const route of MOBILE_ROUTES.filter((r) => r.auth)) {
      for (const body of [undefined, "{broken", "[1]", JSON.stringify({ caption: "x".repeat(70 * 1024) })]) {
        const path = `${concrete(route.path)}?limit=nope&x=1`;
        const reply = await s.api.call(route.method, path, { token: null, body: route.method === "GET" ? undefined : body });
        expect([route.operationId, reply.status, reply.body.error]).toEqual([route.operationId, 401, "INVALID_CUSTOMER_SESSION"]);
        expect(reply.headers.get("www-authenticate")).toBe('Bearer realm="customer"');
      }
      const expired = await s.api.call(route.method, concrete(route.path), { token: "expired-or-revoked-token-000000", body: route.method === "GET" ? undefined : {} });
      expect([route.operationId, expired.status]).toEqual([route.operationId, 401]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("keeps the CORS rules: preflights only for allowed origins", async () => {
    const path = `/api/v2/my/accounts/${accountId}`;
    const allowed = await s.api.call("OPTIONS", path, { headers: { origin: "https://terminal.example.com", "access-control-request-method": "PATCH" } });
    expect([allowed.status, allowed.headers.get("access-control-allow-methods")]).toEqual([204, "GET, PUT, PATCH"]);
    const foreign = await s.api.call("OPTIONS", "/v1/user/sign-up", { headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
    expectError(foreign, 403, "FORBIDDEN");
    const simple = await s.api.call("GET", "/api/v2/my/accounts", { token, headers: { origin: "https://evil.example" } });
    expect([simple.status, simple.headers.get("access-control-allow-origin")]).toEqual([200, null]);
  });
});

describe("seed 001/003 paths: the session's owner only", () => {
  it("another customer's account id is 404 NOT_FOUND on every account endpoint, and changes nothing", async () => {
    const intruder = await signedIn(s, { kycApproved: true });
    const before = await snapshot();
    const bodies: Record<string, unknown> = {
      updateClientAccount: { caption: "Mine now" },
      patchClientAccount: { favorite: true },
      archiveClientAccount: {},
      confirmTradingPasswordWizard: { code: "123456", uuid: "00000000-0000-0000-0000-000000000000" },
      changeTradingPassword: { password: "Abcdef123", passwordConfirmation: "Abcdef123", uuid: "00000000-0000-0000-0000-000000000000" },
      restoreTradingPassword: { passwordType: "main" },
    };
    const routes = MOBILE_ROUTES.filter((r) => r.pathParams);
    expect(routes.length).toBe(9);
    for (const route of routes) {
      const query = route.query?.passwordType ? "?passwordType=main" : "";
      const reply = await s.api.call(route.method, `${concrete(route.path)}${query}`, { token: intruder.token, body: bodies[route.operationId] });
      expect([route.operationId, reply.status, reply.body.error]).toEqual([route.operationId, 404, "NOT_FOUND"]);
    }
    expect(await snapshot()).toEqual(before);
  });
});
