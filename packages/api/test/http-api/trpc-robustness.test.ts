// The tRPC HTTP endpoint under malformed requests, wired as the portal wires it
// (apps/portal/src/server/trpc-handler.ts): the transport refusals first, then tRPC's
// fetch adapter over the router, the status taken from the domain error. Every refusal
// is the router's JSON error shape with its appCode, never a 500, and changes nothing.
import { once } from "node:events";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner } from "../../src/context";
import { bearerCredential } from "../../src/http-api/handler";
import { toNodeHandler } from "../../src/http-api/node";
import { trpcErrorResponse, trpcTransportRefusal } from "../../src/http-api/trpc-transport";
import { appRouter } from "../../src/root";
import { harnessDeps, login, newCustomer, setUp, tearDown, type Setup } from "./support";

let s: Setup;
let server: Server;
let base: string;

function httpStatusOf(response: object): number | undefined {
  const error = (response as { error?: { data?: { httpStatus?: number } } }).error;
  return error?.data?.httpStatus;
}

beforeAll(async () => {
  s = await setUp();
  const deps = harnessDeps(s.h);
  const handle = async (request: Request): Promise<Response> => {
    const refusal = trpcTransportRefusal(request);
    if (refusal) return trpcErrorResponse(refusal);
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      req: request,
      router: appRouter,
      createContext: () =>
        createContextInner({ deps, credential: bearerCredential(request.headers.get("authorization")), request: { requestId: "trpc-fuzz-0001" } }),
      responseMeta({ data }) {
        const statuses = new Set(data.map((r) => httpStatusOf(r) ?? 200));
        const [only] = statuses;
        return statuses.size === 1 && only !== undefined && only !== 200 ? { status: only } : {};
      },
    });
  };
  server = createServer(toNodeHandler((request) => handle(request)));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  server?.close();
  await tearDown(s);
});

interface Reply {
  status: number;
  allow: string | null;
  appCode: string | undefined;
  fieldErrors: Record<string, string[]> | null | undefined;
  body: unknown;
}

async function call(method: string, path: string, options: { body?: string | FormData; headers?: Record<string, string>; token?: string } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${base}/api/trpc/${path}`, { method, headers, body: options.body });
  const text = await response.text();
  const body = JSON.parse(text) as unknown;
  const first = (Array.isArray(body) ? body[0] : body) as { error?: { data?: { appCode?: string; fieldErrors?: Record<string, string[]> | null } } };
  return {
    status: response.status,
    allow: response.headers.get("allow"),
    appCode: first.error?.data?.appCode,
    fieldErrors: first.error?.data?.fieldErrors,
    body,
  };
}

/** A raw exchange over node:http: any method token, any body. */
function rawCall(method: string, path: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const req = httpRequest({ host: url.hostname, port: url.port, method, path }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    });
    req.on("error", reject);
    req.end();
  });
}

const JSON_HEADERS = { "content-type": "application/json" };

async function twoSessions() {
  const customer = await newCustomer(s.h);
  const first = await login(s.api, customer.email);
  const second = await login(s.api, customer.email);
  const live = () => s.h.db.session.count({ where: { customerId: customer.id, revokedAt: null } });
  return { customer, token: first.__token, other: second.__token, live };
}

describe("methods", () => {
  it("answers a query sent with POST and a mutation sent with GET with 405 METHOD_NOT_ALLOWED", async () => {
    const { token, live } = await twoSessions();
    const before = await live();
    const query = await call("POST", "session.list", { token, body: "{}", headers: JSON_HEADERS });
    expect([query.status, query.appCode]).toEqual([405, "METHOD_NOT_ALLOWED"]);
    const batch = await call("POST", "session.list,session.list?batch=1", { token, body: "{}", headers: JSON_HEADERS });
    expect([batch.status, batch.appCode]).toEqual([405, "METHOD_NOT_ALLOWED"]);
    const mutation = await call("GET", "session.revokeOthers", { token });
    expect([mutation.status, mutation.appCode]).toEqual([405, "METHOD_NOT_ALLOWED"]);
    expect(await live()).toBe(before);
  });

  it("answers other methods with the router's JSON 405 and an Allow header", async () => {
    const { token, live } = await twoSessions();
    const before = await live();
    for (const method of ["PUT", "PATCH", "DELETE", "OPTIONS"]) {
      const reply = await call(method, "session.revokeOthers", { token, body: method === "OPTIONS" ? undefined : "{}", headers: JSON_HEADERS });
      expect([method, reply.status, reply.appCode, reply.allow]).toEqual([method, 405, "METHOD_NOT_ALLOWED", "GET, HEAD, POST"]);
    }
    for (const method of ["TRACE", "PROPFIND", "MKCOL"]) {
      const reply = await rawCall(method, "/api/trpc/session.revokeOthers");
      expect([method, reply.status]).toEqual([method, 405]);
      expect(JSON.stringify(reply.body)).toContain("METHOD_NOT_ALLOWED");
    }
    expect(await live()).toBe(before);
  });
});

describe("content types", () => {
  it("answers a mutation POSTed as a form, text or bytes with 415, and changes nothing", async () => {
    const { token, live } = await twoSessions();
    const before = await live();
    expect(before).toBe(2);
    const form = new FormData();
    form.set("x", "1");
    const cases: Array<[string, RequestInit["body"], Record<string, string>]> = [
      ["multipart", form, {}],
      ["urlencoded", "a=1", { "content-type": "application/x-www-form-urlencoded" }],
      ["text", "{}", { "content-type": "text/plain" }],
      ["octet", "{}", { "content-type": "application/octet-stream" }],
      ["none", new Blob(["{}"]), {}],
    ];
    for (const [name, body, headers] of cases) {
      const reply = await call("POST", "session.revokeOthers", { token, body: body as string, headers });
      expect([name, reply.status, reply.appCode]).toEqual([name, 415, "UNSUPPORTED_MEDIA_TYPE"]);
    }
    expect(await live()).toBe(before);
    // The same call as JSON works: the refusals above were about the transport alone.
    expect((await call("POST", "session.revokeOthers", { token, body: "{}", headers: JSON_HEADERS })).status).toBe(200);
    expect(await live()).toBe(1);
  });
});

describe("text PostgreSQL cannot store", () => {
  it("answers a NUL or an unpaired surrogate in any string input with 400 INVALID_DATA naming the field", async () => {
    const customers = await s.h.db.customer.count();
    const sessions = await s.h.db.session.count();
    const signUp = { email: "fuzz@example.com", password: "Kestrel-Fuzz-2026-42", firstName: "Ann", lastName: "Lee", preferredLanguage: "en" };
    for (const field of Object.keys(signUp)) {
      for (const value of ["a\\u0000b", "\\ud800", "x\\udfff"]) {
        const text = JSON.stringify(signUp).replace(`"${field}":"`, `"${field}":"${value}`);
        const reply = await call("POST", "auth.signUp", { body: text, headers: JSON_HEADERS });
        expect([field, value, reply.status, reply.appCode, Object.keys(reply.fieldErrors ?? {})]).toEqual([field, value, 400, "INVALID_DATA", [field]]);
      }
    }
    const loginReply = await call("POST", "auth.login", { body: '{"email":"demo@example.com","password":"a\\u0000"}', headers: JSON_HEADERS });
    expect([loginReply.status, loginReply.appCode, loginReply.fieldErrors]).toEqual([400, "INVALID_DATA", { password: [expect.any(String)] }]);
    // A query's input in the URL too.
    const query = await call("GET", `brand.get?input=${encodeURIComponent('{"code":"a\\u0000"}')}`);
    expect([query.status, query.appCode]).toEqual([400, "INVALID_DATA"]);
    expect(await s.h.db.customer.count()).toBe(customers);
    expect(await s.h.db.session.count()).toBe(sessions);
  });

  it("checks the session first: an anonymous call is 401 whatever its input", async () => {
    const reply = await call("POST", "session.revoke", { body: '{"sessionId":"\\u0000"}', headers: JSON_HEADERS });
    expect([reply.status, reply.appCode]).toEqual([401, "INVALID_CUSTOMER_SESSION"]);
  });
});

describe("paths", () => {
  it("answers malformed percent-escapes with 400 INVALID_DATA and an unknown procedure with 404", async () => {
    for (const path of ["%zz", "session.list%", "%E0%A4%A"]) {
      const reply = await call("GET", path);
      expect([path, reply.status, reply.appCode]).toEqual([path, 400, "INVALID_DATA"]);
    }
    const unknown = await call("GET", "nope.nothing");
    expect([unknown.status, unknown.appCode]).toEqual([404, "NOT_FOUND"]);
  });
});
