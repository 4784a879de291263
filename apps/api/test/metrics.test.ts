// Prometheus metrics: answered requests by route template and status, throttle refusals,
// the outbox's lag; labels never grow with what clients send.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { createLogger, createPostgresRateLimits, type RateLimits } from "@brokerage/api";
import { createSimulatorCore } from "@brokerage/core-adapter/simulator";
import { createPrismaClient, type Database } from "@brokerage/db";
import { seedDemoData } from "@brokerage/db/seed";
import { createTestDatabase, type TestDatabase } from "@brokerage/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createMetricsServer, createServiceMetrics, installMetricsHooks, installServiceMetrics, instrumentCore } from "@brokerage/api/metrics";
import { createApiServer, routeLabel } from "../src/server";

let database: TestDatabase;
let db: Database;
let simulator: ReturnType<typeof createSimulatorCore>;
let rateLimits: RateLimits;
let api: ReturnType<typeof createApiServer>;
let metricsServer: ReturnType<typeof createMetricsServer>;
let base: string;
let metricsUrl: string;

beforeAll(async () => {
  database = await createTestDatabase(inject("adminUrl"), inject("templateDb"));
  db = createPrismaClient(database.url, { max: 3 });
  await seedDemoData(db);
  simulator = createSimulatorCore({ connectionString: database.url, poolSize: 2 });
  rateLimits = createPostgresRateLimits(database.url);
  const metrics = createServiceMetrics({ service: "api-server", db, routeLabel });
  installServiceMetrics(metrics);
  api = createApiServer({ metrics, deps: { db, core: instrumentCore(simulator.core), rateLimits, logger: createLogger({ level: "silent" }) } });
  metricsServer = createMetricsServer(metrics);
  api.listen(0, "127.0.0.1");
  metricsServer.listen(0, "127.0.0.1");
  await Promise.all([once(api, "listening"), once(metricsServer, "listening")]);
  base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  metricsUrl = `http://127.0.0.1:${(metricsServer.address() as AddressInfo).port}/metrics`;
});

afterAll(async () => {
  installMetricsHooks(undefined);
  api.closeAllConnections();
  metricsServer.closeAllConnections();
  await Promise.all([new Promise((r) => api.close(r)), new Promise((r) => metricsServer.close(r))]);
  await simulator.close();
  await rateLimits.close();
  await db.$disconnect();
  await database.drop();
});

describe("metrics", () => {
  it("labels known routes and procedures as themselves, anything else as other", () => {
    expect(routeLabel("/customer/session/accounts")).toBe("/customer/session/accounts");
    expect(routeLabel("/trpc/session.accounts")).toBe("trpc:session.accounts");
    expect(routeLabel("/trpc/brand.get,session.list")).toBe("trpc:batch");
    expect(routeLabel("/trpc/made.up.name")).toBe("trpc:other");
    expect(routeLabel("/random/123")).toBe("other");
    // An id in the path is labelled by its template, so ids cannot grow the label set.
    expect(routeLabel("/api/v2/my/accounts/123/archive")).toBe("/api/v2/my/accounts/{accountId}/archive");
    expect(routeLabel("/api/v2/my/accounts/456")).toBe("/api/v2/my/accounts/{accountId}");
    expect(routeLabel("/v1/user/sign-up")).toBe("/v1/user/sign-up");
    expect(routeLabel("/v1/user/nothing")).toBe("other");
  });

  it("counts answered requests by route, method and status, and the throttle's refusals", async () => {
    await fetch(`${base}/trpc/brand.get`);
    await fetch(`${base}/customer/session/accounts`);
    await fetch(`${base}/no/such/${Math.random()}`);
    for (let i = 0; i < 6; i++) {
      await fetch(`${base}/customer/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "nobody@example.com", password: "Wrong-Password-1" }),
      });
    }
    const text = await (await fetch(metricsUrl)).text();
    expect(text).toMatch(/api_request_duration_seconds_count\{service="api-server",route="trpc:brand.get",method="GET",status="200"\} 1/);
    expect(text).toMatch(/api_request_duration_seconds_count\{service="api-server",route="\/customer\/session\/accounts",method="GET",status="401"\} 1/);
    expect(text).toMatch(/api_request_duration_seconds_count\{service="api-server",route="other",method="GET",status="404"\} 1/);
    expect(text).toMatch(/api_throttle_refusals_total\{route="\/customer\/auth\/login",service="api-server"\} 1/);
    expect(text).not.toMatch(/no\/such/);
  });

  it("reports the outbox's lag and lives on its own port (the API has no /metrics)", async () => {
    await db.message.create({
      data: { channel: "EMAIL", recipient: "a@example.com", template: "t", subject: "s", body: "b", createdAt: new Date(Date.now() - 90_000) },
    });
    const text = await (await fetch(metricsUrl)).text();
    const lag = Number(/^outbox_oldest_pending_seconds\{service="api-server"\} (\S+)$/m.exec(text)?.[1]);
    expect(lag).toBeGreaterThanOrEqual(89);
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
  });

  it("counts failed trading-core calls by operation and kind, and nothing for calls that worked", async () => {
    await simulator.faults.setUnavailable(true);
    try {
      expect((await fetch(`${base}/health`)).status).toBe(503);
    } finally {
      await simulator.faults.reset();
    }
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const text = await (await fetch(metricsUrl)).text();
    expect(text).toMatch(/^core_errors_total\{operation="health",kind="unavailable",service="api-server"\} 1$/m);
    expect(text).not.toMatch(/core_errors_total\{operation="(?!health")/);
  });
});
