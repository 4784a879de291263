// What the HTTP layer itself answers: bodies that are not JSON, of the wrong shape or too
// large; unknown paths and methods; faults; CORS. Always JSON, never a stack trace.
import { request as httpRequest } from "node:http";
import { createPrismaClient } from "@brokerage/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomerHttpApi } from "../../src/http-api/handler";
import {
  ALLOWED_ORIGIN,
  harnessDeps,
  JSON_TYPE,
  login,
  newCustomer,
  PASSWORD,
  setUp,
  signedIn,
  startApiServer,
  tearDown,
  type ApiServer,
  type Setup,
} from "./support";

let s: Setup;
let email: string;
beforeAll(async () => {
  s = await setUp();
  email = (await newCustomer(s.h)).email;
});
afterAll(() => tearDown(s));

const LOGIN = "/customer/auth/login";
const invalidData = (fieldErrors: unknown, fieldCodes: unknown = expect.any(Object)) => ({
  error: "INVALID_DATA",
  message: expect.any(String),
  field_errors: fieldErrors,
  field_codes: fieldCodes,
});

describe("request bodies", () => {
  it("refuses a body that is not JSON, or not a JSON object, with 400 INVALID_DATA", async () => {
    for (const body of ["{not json", "", "   ", '"just a string"', "[1,2]", "null", "42"]) {
      const reply = await s.api.call("POST", LOGIN, { body });
      expect([body, reply.status, reply.body.error]).toEqual([body, 400, "INVALID_DATA"]);
    }
    const broken = await s.api.call("POST", LOGIN, { body: "{not json" });
    expect(broken.body).toEqual({
      error: "INVALID_DATA",
      message: "The request body is not valid JSON",
      field_errors: { _form: ["The request body is not valid JSON"] },
      field_codes: { _form: ["INVALID_FORMAT"] },
    });
    // An empty body reads as {}: the answer names what is missing.
    expect((await s.api.call("POST", LOGIN, { body: "" })).body).toEqual(
      invalidData({ email: [expect.any(String)], password: [expect.any(String)] }, { email: ["REQUIRED"], password: ["REQUIRED"] }),
    );
    expect((await s.api.call("POST", LOGIN, { body: "[1,2]" })).body).toEqual(invalidData({ _form: [expect.stringMatching(/object/)] }));
  });

  it("refuses a body sent as something other than JSON with 415, and bytes that are not UTF-8", async () => {
    const json = JSON.stringify({ email, password: PASSWORD });
    const sessionsBefore = await s.h.db.session.count();
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/jsonx"]) {
      const reply = await s.api.call("POST", LOGIN, { body: json, headers: { "content-type": type } });
      expect([type, reply.status, reply.body]).toEqual([
        type,
        415,
        { error: "UNSUPPORTED_MEDIA_TYPE", message: "Send the request body as application/json" },
      ]);
    }
    // No content type at all (a bare byte body) is not JSON either.
    const bare = await fetch(`${s.api.url}${LOGIN}`, { method: "POST", body: new TextEncoder().encode(json) });
    expect([bare.status, ((await bare.json()) as { error: string }).error]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    // None of them signed anyone in.
    expect(await s.h.db.session.count()).toBe(sessionsBefore);
    for (const type of ["application/json", "application/json; charset=utf-8", "application/vnd.api+json"]) {
      expect((await s.api.call("POST", LOGIN, { body: json, headers: { "content-type": type } })).status).toBe(200);
    }
    const latin1 = await fetch(`${s.api.url}${LOGIN}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]),
    });
    expect([latin1.status, ((await latin1.json()) as { message: string }).message]).toEqual([400, "The request body is not valid UTF-8"]);
  });

  it("names wrong types and unknown fields in field_errors, in the seeds' snake_case", async () => {
    const wrong = await s.api.call("POST", LOGIN, { body: { email: 1, password: true, otp_code: 123456 } });
    expect([wrong.status, wrong.body]).toEqual([
      400,
      invalidData(
        { email: [expect.any(String)], password: [expect.any(String)], otp_code: [expect.any(String)] },
        { email: ["INVALID_TYPE"], password: ["INVALID_TYPE"], otp_code: ["INVALID_TYPE"] },
      ),
    ]);
    const unknown = await s.api.call("POST", LOGIN, { body: { email, password: PASSWORD, remember_me: true, otpCode: "123456" } });
    expect([unknown.status, unknown.body]).toEqual([400, invalidData({ remember_me: ["Unknown field"], otpCode: ["Unknown field"] }, { remember_me: ["UNKNOWN_FIELD"], otpCode: ["UNKNOWN_FIELD"] })]);
    const proto = await s.api.call("POST", LOGIN, { body: `{"email":"${email}","password":"${PASSWORD}","__proto__":{"polluted":1}}` });
    expect([proto.status, JSON.stringify(proto.body.field_errors)]).toEqual([400, '{"__proto__":["Unknown field"]}']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses bodies over the limit with 413 INVALID_DATA, declared or streamed, after the session check", async () => {
    const big = JSON.stringify({ email, password: "x".repeat(64 * 1024) });
    const declared = await s.api.call("POST", LOGIN, { body: big });
    expect([declared.status, declared.body]).toEqual([
      413,
      { error: "INVALID_DATA", message: "The request body is larger than 65536 bytes" },
    ]);
    // Chunked, without a Content-Length: the reading stops at the limit.
    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await fetch(`${s.api.url}${LOGIN}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(streamed.headers.get("content-type")).toBe(JSON_TYPE);
    // A body of exactly the limit is read (and is not JSON).
    const atLimit = await s.api.call("POST", LOGIN, { body: "x".repeat(64 * 1024) });
    expect(atLimit.status).toBe(400);
    // The session comes first: an anonymous oversized request is 401.
    const anonymous = await s.api.call("POST", "/customer/account/open", { body: big });
    expect([anonymous.status, anonymous.body.error]).toEqual([401, "INVALID_CUSTOMER_SESSION"]);
    // And the server keeps serving.
    expect((await s.api.call("POST", LOGIN, { body: { email, password: PASSWORD } })).status).toBe(200);
  });

  it("takes its limit from maxBodyBytes", async () => {
    const api = createCustomerHttpApi({ deps: harnessDeps(s.h), maxBodyBytes: 32 });
    const reply = await api(
      new Request(`http://localhost${LOGIN}`, { method: "POST", body: JSON.stringify({ email, password: PASSWORD }) }),
    );
    expect([reply.status, await reply.json()]).toEqual([413, { error: "INVALID_DATA", message: "The request body is larger than 32 bytes" }]);
  });
});

describe("paths and methods", () => {
  it("answers an unknown path with 404 NOT_FOUND", async () => {
    for (const path of ["/customer/nope", "/customer", "/customer/auth/login/", "/customer/AUTH/login", "/", "/api/openapi"]) {
      const reply = await s.api.call("GET", path);
      expect([path, reply.status, reply.body.error]).toEqual([path, 404, "NOT_FOUND"]);
    }
    expect((await s.api.call("POST", "/customer/nope", { body: "{broken" })).body).toEqual({
      error: "NOT_FOUND",
      message: "No endpoint at /customer/nope",
    });
  });

  it("answers a method the path does not serve with 405 and an Allow header", async () => {
    const cases = [
      ["GET", LOGIN, "POST"],
      ["PUT", "/customer/auth/refresh", "POST"],
      ["PATCH", "/customer/auth/otp", "GET, PUT, DELETE"],
      ["POST", "/customer/auth/otp", "GET, PUT, DELETE"],
      ["DELETE", "/customer/account/groups", "GET"],
      ["GET", "/customer/account/open", "POST"],
      ["POST", "/api/openapi.json", "GET"],
      ["OPTIONS", "/customer/session/accounts", "GET"],
    ] as const;
    for (const [method, path, allow] of cases) {
      const reply = await s.api.call(method, path);
      expect([method, path, reply.status, reply.body.error, reply.headers.get("allow")]).toEqual([
        method,
        path,
        405,
        "METHOD_NOT_ALLOWED",
        allow,
      ]);
    }
  });
});

describe("fuzz-style cases: refusals, never 500, nothing changed", () => {
  /** What the database holds that any of these requests could have changed. */
  const snapshot = async () => ({
    sessions: await s.h.db.session.count(),
    accounts: await s.h.db.account.count(),
    audit: await s.h.db.auditEvent.count(),
    customers: await s.h.db.customer.count(),
  });

  /** One request over node:http, which sends any method token (fetch refuses TRACE). */
  function rawCall(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
    return new Promise<{ status: number; body: Record<string, unknown> | null }>((resolve, reject) => {
      const url = new URL(s.api.url);
      const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Record<string, unknown>) : null }));
      });
      req.on("error", reject);
      req.end(body);
    });
  }

  it("answers a NUL byte or an unpaired surrogate in any string field with 400 INVALID_DATA naming the field", async () => {
    const { token } = await signedIn(s);
    const before = await snapshot();
    const bad = ["a\\u0000b", "\\u0000", "x\\ud800", "\\udc00y", "\\ud800\\ud800"];
    const cases: Array<[string, string, Record<string, string>, string | null]> = [
      ["POST", LOGIN, { email: `"${email}"`, password: `"${PASSWORD}"` }, null],
      ["POST", "/customer/auth/refresh", { refresh_token: '"x"' }, null],
      ["POST", "/customer/auth/otp/check", { code: '"123456"' }, token],
      ["PUT", "/customer/auth/otp", { secret: '"JBSWY3DPEHPK3PXP"', code: '"123456"' }, token],
      ["DELETE", "/customer/auth/otp", { code: '"123456"' }, token],
      ["POST", "/customer/account/open", { group: '"demo-usd"', idempotency_key: '"fuzz-key-0001"' }, token],
    ];
    for (const [method, path, fields, bearer] of cases) {
      for (const field of Object.keys(fields)) {
        for (const value of bad) {
          // Built as JSON text: the escapes reach the server exactly as a fuzzer sends them.
          const text = `{${Object.entries(fields)
            .map(([k, v]) => `"${k}":${k === field ? `"${value}"` : v}`)
            .join(",")}}`;
          const reply = await s.api.call(method, path, { body: text, token: bearer });
          expect([method, path, field, value, reply.status, reply.body.error, Object.keys(reply.body.field_errors ?? {})]).toEqual([
            method,
            path,
            field,
            value,
            400,
            "INVALID_DATA",
            [field],
          ]);
        }
      }
    }
    // A NUL in an object key is refused too, never looked up.
    const key = await s.api.call("POST", LOGIN, { body: `{"email":"${email}","password":"${PASSWORD}","a\\u0000":1}` });
    expect([key.status, key.body.error]).toEqual([400, "INVALID_DATA"]);
    expect(await snapshot()).toEqual(before);
  });

  it("answers malformed percent-escapes in the path with 400 INVALID_DATA", async () => {
    const before = await snapshot();
    for (const path of ["/customer/auth/%zz", "/customer/%", "/customer/auth/login%E0%A4%A", "/%c0%af"]) {
      const reply = await s.api.call("POST", path, { body: { email, password: PASSWORD } });
      expect([path, reply.status, reply.body]).toEqual([path, 400, { error: "INVALID_DATA", message: "The request path has a malformed percent-escape" }]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answers odd methods with the API's JSON 405 and POST without JSON with 415", async () => {
    const before = await snapshot();
    for (const method of ["TRACE", "PROPFIND", "COPY", "MKCOL", "PURGE", "SEARCH"]) {
      const reply = await rawCall(method, LOGIN);
      expect([method, reply.status, reply.body?.error]).toEqual([method, 405, "METHOD_NOT_ALLOWED"]);
    }
    const form = await rawCall("POST", LOGIN, { "content-type": "application/x-www-form-urlencoded" }, `email=${encodeURIComponent(email)}&password=${PASSWORD}`);
    expect([form.status, form.body?.error]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    expect(await snapshot()).toEqual(before);
  });
});

describe("faults", () => {
  let broken: ApiServer;
  const brokenDb = createPrismaClient("postgresql://nobody:nothing@127.0.0.1:1/none");
  beforeAll(async () => {
    broken = await startApiServer({ ...harnessDeps(s.h), db: brokenDb });
  });
  afterAll(async () => {
    await broken.close();
    await brokenDb.$disconnect();
  });

  it("answers 500 INTERNAL_ERROR with the caller's correlation id, in a procedure or in the facade, never a trace", async () => {
    const { token } = await signedIn(s);
    const inProcedure = await broken.call("POST", LOGIN, { body: { email, password: PASSWORD }, headers: { "x-request-id": "req-0001-abcd" } });
    const inFacade = await broken.call("GET", "/customer/session/accounts", { token, headers: { "x-request-id": "req-0002-abcd" } });
    for (const [reply, id] of [[inProcedure, "req-0001-abcd"], [inFacade, "req-0002-abcd"]] as const) {
      expect(reply.status).toBe(500);
      expect(reply.body).toEqual({
        error: "INTERNAL_ERROR",
        message: `An unexpected error occurred (reference ${id})`,
        correlation_id: id,
      });
      expect(reply.headers.get("x-request-id")).toBe(id);
      expect(reply.text).not.toMatch(/\bat |Error:|prisma|ECONNREFUSED|127\.0\.0\.1/i);
    }
  });

  it("makes up its own correlation id when the caller's is missing or not plain", async () => {
    const variants: Array<Record<string, string>> = [{}, { "x-request-id": "bad id\twith spaces" }, { "x-request-id": "short" }];
    for (const headers of variants) {
      const reply = await broken.call("POST", LOGIN, { body: { email, password: PASSWORD }, headers });
      const id = reply.headers.get("x-request-id");
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(reply.body.correlation_id).toBe(id);
    }
  });
});

describe("CORS", () => {
  const PATH = "/customer/auth/otp";

  it("adds CORS headers for an allowed origin only", async () => {
    const { token } = await signedIn(s);
    const allowed = await s.api.call("GET", "/customer/session/accounts", { token, headers: { origin: ALLOWED_ORIGIN } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get("vary")).toMatch(/Origin/);
    expect(allowed.headers.get("access-control-expose-headers")).toMatch(/x-request-id/);
    expect(allowed.headers.get("access-control-allow-credentials")).toBeNull();
    const refused = await s.api.call("GET", "/customer/session/accounts", { token, headers: { origin: "https://evil.example" } });
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    // Errors carry the headers too, so the terminal can read them.
    const error = await s.api.call("GET", "/customer/session/accounts", { headers: { origin: ALLOWED_ORIGIN } });
    expect([error.status, error.headers.get("access-control-allow-origin")]).toEqual([401, ALLOWED_ORIGIN]);
  });

  it("answers a preflight for an allowed origin, and refuses other origins", async () => {
    const preflight = (origin: string) =>
      s.api.call("OPTIONS", PATH, {
        headers: { origin, "access-control-request-method": "PUT", "access-control-request-headers": "authorization, content-type" },
      });
    const ok = await preflight(ALLOWED_ORIGIN);
    expect(ok.status).toBe(204);
    expect(ok.text).toBe("");
    expect(ok.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(ok.headers.get("access-control-allow-methods")).toBe("GET, PUT, DELETE");
    expect(ok.headers.get("access-control-allow-headers")).toMatch(/authorization.*content-type/);
    expect(ok.headers.get("access-control-max-age")).toBe("600");
    const evil = await preflight("https://evil.example");
    expect([evil.status, evil.body.error, evil.headers.get("access-control-allow-origin")]).toEqual([403, "FORBIDDEN", null]);
    const unknownPath = await s.api.call("OPTIONS", "/customer/nope", { headers: { origin: ALLOWED_ORIGIN } });
    expect(unknownPath.status).toBe(404);
  });

  it("is off unless origins are configured", async () => {
    const api = createCustomerHttpApi({ deps: harnessDeps(s.h) });
    const preflight = await api(
      new Request(`http://localhost${PATH}`, {
        method: "OPTIONS",
        headers: { origin: ALLOWED_ORIGIN, "access-control-request-method": "GET" },
      }),
    );
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    const session = await login(s.api, email);
    const get = await api(
      new Request(`http://localhost/customer/session/accounts`, { headers: { origin: ALLOWED_ORIGIN, authorization: `Bearer ${session.__token}` } }),
    );
    expect(get.status).toBe(200);
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
    expect(get.headers.get("content-type")).toBe(JSON_TYPE);
  });
});

describe("the Fetch handler on its own", () => {
  it("serves under a base path and nowhere else", async () => {
    const api = createCustomerHttpApi({ deps: harnessDeps(s.h), basePath: "/broker/" });
    const session = await login(s.api, email);
    const auth = { authorization: `Bearer ${session.__token}` };
    const mounted = await api(new Request("http://localhost/broker/customer/session/accounts", { headers: auth }));
    expect(mounted.status).toBe(200);
    const outside = await api(new Request("http://localhost/customer/session/accounts", { headers: auth }));
    expect([outside.status, ((await outside.json()) as { error: string }).error]).toEqual([404, "NOT_FOUND"]);
  });

  it("answers with no-store caching and nosniff", async () => {
    const reply = await s.api.call("POST", LOGIN, { body: { email, password: PASSWORD } });
    expect(reply.headers.get("cache-control")).toBe("no-store");
    expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
