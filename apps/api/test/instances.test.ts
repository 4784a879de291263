// Two API server instances over one PostgreSQL, as an operator runs them: a session made
// on one works on the other, a throttle counts the failures of both, and each instance's
// health report sees the other (and warns when they count throttles in different stores).
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { createLogger, createPostgresRateLimits, startInstanceHeartbeat, type RateLimits } from "@brokerage/api";
import { createSimulatorCore } from "@brokerage/core-adapter/simulator";
import { createPrismaClient, type Database } from "@brokerage/db";
import { DEMO_CUSTOMER, seedDemoData } from "@brokerage/db/seed";
import { createTestDatabase, type TestDatabase } from "@brokerage/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiServer } from "../src/server";

interface Instance {
  url: string;
  db: Database;
  rateLimits: RateLimits;
  close(): Promise<void>;
}

let database: TestDatabase;
let a: Instance;
let b: Instance;

/** One instance: its own pools, its own throttle client, its own heartbeat. */
async function startInstance(url: string): Promise<Instance> {
  const db = createPrismaClient(url, { max: 3 });
  const simulator = createSimulatorCore({ connectionString: url, poolSize: 2 });
  const rateLimits = createPostgresRateLimits(url);
  await rateLimits.ready();
  const heartbeat = startInstanceHeartbeat(db, { kind: "api-server", throttleStore: rateLimits.store });
  const server = createApiServer({ deps: { db, core: simulator.core, rateLimits, logger: createLogger({ level: "silent" }) } });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    db,
    rateLimits,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await heartbeat.stop();
      await simulator.close();
      await rateLimits.close();
      await db.$disconnect();
    },
  };
}

beforeAll(async () => {
  database = await createTestDatabase(inject("adminUrl"), inject("templateDb"));
  const seeder = createPrismaClient(database.url, { max: 1 });
  await seedDemoData(seeder);
  await seeder.$disconnect();
  [a, b] = await Promise.all([startInstance(database.url), startInstance(database.url)]);
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await database.drop();
});

const login = (instance: Instance, password: string) =>
  fetch(`${instance.url}/customer/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: DEMO_CUSTOMER.email, password }),
  });

describe("two API server instances over one database", () => {
  it("a session made on one works on the other; a refresh on the second ends the first token everywhere", async () => {
    const session = (await (await login(a, DEMO_CUSTOMER.password)).json()) as { __token: string; refresh_token: string };
    const onB = await fetch(`${b.url}/customer/session/accounts`, { headers: { authorization: `Bearer ${session.__token}` } });
    expect(onB.status).toBe(200);
    const refreshed = await fetch(`${b.url}/customer/auth/refresh`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ refresh_token: session.refresh_token }),
    });
    expect(refreshed.status).toBe(200);
    expect((await fetch(`${a.url}/customer/session/accounts`, { headers: { authorization: `Bearer ${session.__token}` } })).status).toBe(401);
  });

  it("counts the failures of both instances in one throttle", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await login(i % 2 === 0 ? a : b, "wrong-password-1")).status);
    expect(statuses).toEqual([403, 403, 403, 403, 403]);
    // The sixth, on either instance, from the same address: the pair is held.
    expect((await login(b, "wrong-password-1")).status).toBe(429);
    expect((await login(a, "wrong-password-1")).status).toBe(429);
  });

  it("each health report sees both instances in one store, without a warning; a third in Redis is warned about", async () => {
    const health = async (instance: Instance) => (await (await fetch(`${instance.url}/health`)).json()) as { warnings: string[]; throttles: { store: string } };
    expect(await health(a)).toMatchObject({ throttles: { store: "postgresql" }, warnings: [] });
    const stray = startInstanceHeartbeat(a.db, { kind: "portal", throttleStore: "redis" });
    try {
      await expect.poll(async () => (await health(b)).warnings).toEqual([expect.stringContaining("postgresql: 2, redis: 1")]);
    } finally {
      await stray.stop();
    }
    expect((await health(b)).warnings).toEqual([]);
  });
});
