// The API server over a real socket: the same router as the portal, with bearer tokens,
// the seeds' REST API, the OpenAPI document and health, and JSON errors for what does
// not exist or is asked the wrong way.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { createLogger, createPostgresRateLimits, type RateLimits } from "@brokerage/api";
import { createSimulatorCore } from "@brokerage/core-adapter/simulator";
import { createPrismaClient, type Database } from "@brokerage/db";
import { seedDemoData, DEMO_CUSTOMER } from "@brokerage/db/seed";
import { createTestDatabase, type TestDatabase } from "@brokerage/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseTrustProxy } from "@brokerage/api/trusted-proxy";
import { createApiServer } from "../src/server";

let database: TestDatabase;
let db: Database;
let simulator: ReturnType<typeof createSimulatorCore>;
let rateLimits: RateLimits;
let server: ReturnType<typeof createApiServer>;
let base: string;

beforeAll(async () => {
  database = await createTestDatabase(inject("adminUrl"), inject("templateDb"));
  db = createPrismaClient(database.url, { max: 4 });
  await seedDemoData(db);
  simulator = createSimulatorCore({ connectionString: database.url });
  rateLimits = createPostgresRateLimits(database.url);
  server = createApiServer({ deps: { db, core: simulator.core, rateLimits, logger: createLogger({ level: "silent" }) } });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await simulator.close();
  await rateLimits.close();
  await db.$disconnect();
  await database.drop();
});

async function login() {
  const response = await fetch(`${base}/customer/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { __token: string; customer_id: number };
}

describe("the API server", () => {
  it("serves the seed 002 REST API with bearer tokens", async () => {
    const { __token } = await login();
    const accounts = await fetch(`${base}/customer/session/accounts`, { headers: { authorization: `Bearer ${__token}` } });
    expect(accounts.status).toBe(200);
    expect(await accounts.json()).toHaveProperty("accounts");
    const anonymous = await fetch(`${base}/customer/session/accounts`);
    expect([anonymous.status, ((await anonymous.json()) as { error: string }).error]).toEqual([401, "INVALID_CUSTOMER_SESSION"]);
  });

  it("serves seed 001's /api/v2/... and seed 003's /v1/user/... with the same bearer tokens", async () => {
    const { __token } = await login();
    const auth = { authorization: `Bearer ${__token}` };
    const list = await fetch(`${base}/api/v2/my/accounts?limit=5&sort_order=asc`, { headers: auth });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { data: Array<{ id: number }>; total: number; limit: number };
    expect([body.limit, body.data.length <= 5, body.total >= body.data.length]).toEqual([5, true, true]);
    const anonymous = await fetch(`${base}/api/v2/my/accounts`);
    expect([anonymous.status, ((await anonymous.json()) as { error: string }).error]).toEqual([401, "INVALID_CUSTOMER_SESSION"]);
    const missing = await fetch(`${base}/api/v2/accounts/2147483647`, { headers: auth });
    expect([missing.status, ((await missing.json()) as { error: string }).error]).toEqual([404, "NOT_FOUND"]);
    const wrongMethod = await fetch(`${base}/api/v2/my/accounts/1/archive`, { method: "DELETE", headers: auth });
    expect([wrongMethod.status, wrongMethod.headers.get("allow")]).toEqual([405, "POST"]);
    // Seed 003: public endpoints, seed 003's envelope.
    const forget = await fetch(`${base}/v1/user/forget-password?email=${encodeURIComponent(DEMO_CUSTOMER.email)}`);
    expect(forget.status).toBe(200);
    expect(await forget.json()).toMatchObject({ success: true, errorCode: 0 });
    const unknown = await fetch(`${base}/v1/user/nothing-here`);
    expect([unknown.status, ((await unknown.json()) as { error: string }).error]).toEqual([404, "NOT_FOUND"]);
  });

  it("serves the same procedures over tRPC at /trpc/<procedure>, with the domain's HTTP status", async () => {
    const { __token, customer_id } = await login();
    const me = await fetch(`${base}/trpc/customer.me`, { headers: { authorization: `Bearer ${__token}` } });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { result: { data: { customerId: number; email: string } } };
    expect([body.result.data.customerId, body.result.data.email]).toEqual([customer_id, DEMO_CUSTOMER.email]);

    const anonymous = await fetch(`${base}/trpc/customer.me`);
    const refused = (await anonymous.json()) as { error: { data: { appCode: string } } };
    expect([anonymous.status, refused.error.data.appCode]).toEqual([401, "INVALID_CUSTOMER_SESSION"]);

    const open = await fetch(`${base}/trpc/accounts.open`, {
      method: "POST",
      headers: { authorization: `Bearer ${__token}`, "content-type": "application/json" },
      body: JSON.stringify({ group: "no-such-group" }),
    });
    expect([open.status, ((await open.json()) as { error: { data: { appCode: string } } }).error.data.appCode]).toEqual([400, "INVALID_GROUP"]);
  });

  it("ignores web-session cookies: only bearer tokens are credentials here", async () => {
    const response = await fetch(`${base}/trpc/customer.me`, { headers: { cookie: "authjs.session-token=anything" } });
    expect(response.status).toBe(401);
  });

  it("serves the OpenAPI document and health", async () => {
    const openapi = await fetch(`${base}/openapi.json`);
    expect(openapi.status).toBe(200);
    expect(((await openapi.json()) as { openapi: string }).openapi).toMatch(/^3\.1/);

    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: { ok: true }, core: { ok: true } });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);

    await simulator.faults.setUnavailable(true);
    try {
      const degraded = await fetch(`${base}/health`);
      expect([degraded.status, ((await degraded.json()) as { core: { ok: boolean } }).core.ok]).toEqual([503, false]);
      // Ready: it can serve what does not need the core.
      expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    } finally {
      await simulator.faults.setUnavailable(false);
    }
  });

  it("answers unknown paths and wrong methods with the API's JSON errors, with a request id", async () => {
    const unknown = await fetch(`${base}/nothing/here`);
    expect([unknown.status, ((await unknown.json()) as { error: string }).error]).toEqual([404, "NOT_FOUND"]);
    expect(unknown.headers.get("x-request-id")).toMatch(/.{8,}/);

    const post = await fetch(`${base}/health`, { method: "POST" });
    expect([post.status, post.headers.get("allow"), ((await post.json()) as { error: string }).error]).toEqual([405, "GET, HEAD", "METHOD_NOT_ALLOWED"]);

    const restWrong = await fetch(`${base}/customer/auth/login`, { method: "GET" });
    expect([restWrong.status, ((await restWrong.json()) as { error: string }).error]).toEqual([405, "METHOD_NOT_ALLOWED"]);

    const sane = await fetch(`${base}/health/live`, { headers: { "x-request-id": "req-abc-12345" } });
    expect(sane.headers.get("x-request-id")).toBe("req-abc-12345");
  });

  it("takes the client's address from the socket, not from a header the client sends", async () => {
    const before = await db.auditEvent.count({ where: { kind: "customer.login" } });
    await fetch(`${base}/customer/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9", "x-brokerage-client-address": "203.0.113.10" },
      body: JSON.stringify({ email: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password }),
    });
    const events = await db.auditEvent.findMany({ where: { kind: "customer.login" }, orderBy: { id: "desc" }, take: 1, select: { ip: true } });
    expect(await db.auditEvent.count({ where: { kind: "customer.login" } })).toBe(before + 1);
    expect(events[0]?.ip).toMatch(/^(127\.0\.0\.1|::ffff:127\.0\.0\.1)$/);
  });

  it("refuses what tRPC must not see: other methods 405, non-JSON POST 415, malformed paths 400, all as tRPC errors", async () => {
    const appCode = async (response: Response) => ((await response.json()) as { error: { data: { appCode: string } } }).error.data.appCode;
    const put = await fetch(`${base}/trpc/session.revokeOthers`, { method: "PUT" });
    expect([put.status, put.headers.get("allow"), await appCode(put)]).toEqual([405, "GET, HEAD, POST", "METHOD_NOT_ALLOWED"]);
    const form = await fetch(`${base}/trpc/session.revokeOthers`, { method: "POST", body: new FormData() });
    expect([form.status, await appCode(form)]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    const bare = await fetch(`${base}/trpc/session.revokeOthers`, { method: "POST" });
    expect([bare.status, await appCode(bare)]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    const escape = await fetch(`${base}/trpc/brand.get%E0%A4%A`);
    expect([escape.status, await appCode(escape)]).toEqual([400, "INVALID_DATA"]);
    const empty = await fetch(`${base}/trpc/session.revokeOthers`, { method: "POST", headers: { "content-type": "application/json" } });
    expect(empty.status).toBe(401);
  });

  it("believes X-Forwarded-For only as far as TRUST_PROXY says", async () => {
    const trusting = createApiServer({
      deps: { db, core: simulator.core, rateLimits, logger: createLogger({ level: "silent" }) },
      trustProxy: parseTrustProxy("127.0.0.1/32,::1"),
    });
    trusting.listen(0, "127.0.0.1");
    await once(trusting, "listening");
    try {
      const url = `http://127.0.0.1:${(trusting.address() as AddressInfo).port}`;
      await fetch(`${url}/customer/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.4, 203.0.113.8" },
        body: JSON.stringify({ email: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password }),
      });
      const [event] = await db.auditEvent.findMany({ where: { kind: "customer.login" }, orderBy: { id: "desc" }, take: 1, select: { ip: true } });
      // The loopback peer is a trusted proxy; 203.0.113.8 is not, so it is the client.
      expect(event?.ip).toBe("203.0.113.8");
    } finally {
      trusting.closeAllConnections();
      await new Promise((resolve) => trusting.close(resolve));
    }
  });
});
