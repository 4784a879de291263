// Two API servers and two portals behind HAProxy over one PostgreSQL and Redis (fleet.ts),
// tried as an operator runs them: requests are spread over both, a session made on one
// instance works on the other, throttles count the failures of all four, every e-mail
// reaches the SMTP server exactly once (also when an instance stops mid-send), an opening
// that was interrupted (a lost core reply, an API server killed mid-way) is recovered
// exactly once, and a KYC document uploaded through one instance is served by the other.
// `x-instance: a|b` pins a request to one instance (fleet.ts's HAProxy rule); without it
// HAProxy spreads requests round-robin.
import { randomUUID } from "node:crypto";
import { createSimulatorCore } from "@brokerage/core-adapter/simulator";
import { createPrismaClient, type Database } from "@brokerage/db";
import { DEMO_STAFF } from "@brokerage/db/seed";
import { expect, test } from "@playwright/test";
import { Redis } from "ioredis";
import { staffRequest } from "../support/accounts";
import { readDeliveries, readFleet, type Delivery, type Fleet, type InstanceName } from "./fleet-state";

const fleet: Fleet = readFleet();
let db: Database;

test.beforeAll(() => {
  db = createPrismaClient(fleet.databaseUrl, { max: 2 });
});
test.afterAll(async () => {
  await db.$disconnect();
});

const pin = (instance: InstanceName) => ({ "x-instance": instance });

interface Customer {
  email: string;
  password: string;
}

function newCustomer(tag: string): Customer {
  return { email: `instances-${tag}-${randomUUID().slice(0, 8)}@example.com`, password: `Fleet-${randomUUID().slice(0, 12)}-Pw` };
}

/** Sign-up through seed 003's REST endpoint on the API servers (HAProxy picks one). */
async function signUp(customer: Customer, instance?: InstanceName): Promise<void> {
  const response = await fetch(`${fleet.apiUrl}/v1/user/sign-up`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(instance ? pin(instance) : {}) },
    body: JSON.stringify({ email: customer.email, password: customer.password, name: "Fleet", surname: "Tester" }),
  });
  expect(response.ok, `${response.status} ${await response.clone().text()}`).toBe(true);
}

async function login(base: string, customer: Customer, instance: InstanceName): Promise<Response> {
  return fetch(`${base}/customer/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", ...pin(instance) },
    body: JSON.stringify({ email: customer.email, password: customer.password }),
  });
}

async function bearerFor(customer: Customer, instance: InstanceName): Promise<string> {
  const response = await login(fleet.apiUrl, customer, instance);
  expect(response.status).toBe(200);
  expect(response.headers.get("x-served-by")).toBe(instance);
  return ((await response.json()) as { __token: string }).__token;
}

async function trpc<T>(base: string, token: string, procedure: string, input: unknown, instance: InstanceName) {
  const response = await fetch(`${base}/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...pin(instance) },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { result?: { data: T }; error?: { data?: { appCode?: string } } };
  return { status: response.status, data: body.result?.data, appCode: body.error?.data?.appCode };
}

/** A counter's value summed over its series whose labels contain `labels`, from one /metrics text. */
function counter(text: string, name: string, labels: string[]): number {
  return text
    .split("\n")
    .filter((line) => line.startsWith(`${name}{`) && labels.every((label) => line.includes(label)))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(" ") + 1)), 0);
}

const metricsOf = async (port: number) => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();

test.describe.serial("two API servers and two portals behind HAProxy", () => {
  test("HAProxy spreads requests over both portals and both API servers", async () => {
    const servedBy = async (url: string) => {
      const seen = new Set<string | null>();
      for (let i = 0; i < 6; i++) {
        const response = await fetch(url);
        expect(response.status).toBe(200);
        seen.add(response.headers.get("x-served-by"));
      }
      return [...seen].sort();
    };
    expect(await servedBy(`${fleet.portalDirectUrl}/api/health/live`)).toEqual(["a", "b"]);
    expect(await servedBy(`${fleet.apiUrl}/health/live`)).toEqual(["a", "b"]);
    // Every instance sees the others in one throttle store, and says so.
    for (const instance of ["a", "b"] as const) {
      const report = (await (await fetch(`${fleet.portalDirectUrl}/api/health`, { headers: pin(instance) })).json()) as {
        status: string;
        throttles: { store: string };
        warnings: string[];
      };
      expect(report).toMatchObject({ status: "ok", throttles: { store: "redis" }, warnings: [] });
    }
  });

  test("a session made on one instance works on the other", async ({ playwright }) => {
    const customer = newCustomer("session");
    await signUp(customer);

    // A bearer token from API server a: accepted by API server b and by portal b's REST API.
    const token = await bearerFor(customer, "a");
    const onApiB = await fetch(`${fleet.apiUrl}/customer/session/accounts`, { headers: { authorization: `Bearer ${token}`, ...pin("b") } });
    expect(onApiB.status).toBe(200);
    expect(onApiB.headers.get("x-served-by")).toBe("b");
    const onPortalB = await fetch(`${fleet.portalDirectUrl}/customer/session/accounts`, { headers: { authorization: `Bearer ${token}`, ...pin("b") } });
    expect(onPortalB.status).toBe(200);

    // The portal's cookie session: signed in on portal a, used on portal b.
    const onA = await playwright.request.newContext({ baseURL: fleet.portalUrl, extraHTTPHeaders: pin("a") });
    const csrf = (await (await onA.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signIn = await onA.post("/api/auth/callback/customer", {
      form: { csrfToken: csrf.csrfToken, email: customer.email, password: customer.password },
      maxRedirects: 0,
    });
    expect(signIn.status()).toBe(302);
    expect(signIn.headers()["location"]).not.toMatch(/error=/);
    const onB = await playwright.request.newContext({ baseURL: fleet.portalUrl, extraHTTPHeaders: pin("b"), storageState: await onA.storageState() });
    const session = await onB.get("/api/auth/session");
    expect(session.headers()["x-served-by"]).toBe("b");
    expect(((await session.json()) as { kind?: string }).kind).toBe("customer");
    const accounts = await onB.get("/api/trpc/session.accounts");
    expect(accounts.status()).toBe(200);

    // Signed out on b: the cookie is dead on a too (the session row is gone for everyone).
    const state = await onA.storageState();
    expect((await onB.post("/api/trpc/session.logout", { data: {} })).status()).toBe(200);
    const stale = await playwright.request.newContext({ baseURL: fleet.portalUrl, extraHTTPHeaders: pin("a"), storageState: state });
    expect((await stale.get("/api/trpc/session.accounts")).status()).toBe(401);
    await Promise.all([onA.dispose(), onB.dispose(), stale.dispose()]);
  });

  test("throttles count the failures of all four instances together, in this run's Redis keys", async () => {
    const customer = newCustomer("throttle");
    await signUp(customer);
    const wrong = { ...customer, password: "Wrong-Password-2026" };
    const attempts: [string, InstanceName][] = [
      [fleet.portalDirectUrl, "a"],
      [fleet.apiUrl, "b"],
      [fleet.portalDirectUrl, "b"],
      [fleet.apiUrl, "a"],
      [fleet.portalDirectUrl, "a"],
    ];
    const statuses: number[] = [];
    for (const [base, instance] of attempts) statuses.push((await login(base, wrong, instance)).status);
    expect(statuses).toEqual([403, 403, 403, 403, 403]);
    // The sixth is refused wherever it lands, the right password included.
    for (const [base, instance] of [[fleet.apiUrl, "b"], [fleet.portalDirectUrl, "b"], [fleet.apiUrl, "a"]] as const) {
      const refused = await login(base, customer, instance);
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { error: string }).error).toBe("TOO_MANY_ATTEMPTS");
    }
    const redis = new Redis(fleet.redisUrl, { maxRetriesPerRequest: 1 });
    try {
      expect((await redis.keys(`${fleet.redisPrefix}*`)).length).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
    // Each instance counted its own refusals in its metrics.
    const refusals = await Promise.all(
      [fleet.ports.metricsApiA, fleet.ports.metricsApiB, fleet.ports.metricsPortalA, fleet.ports.metricsPortalB].map(async (port) =>
        counter(await metricsOf(port), "api_throttle_refusals_total", ['route="/customer/auth/login"']),
      ),
    );
    expect(refusals).toEqual([1, 1, 0, 1]);
  });

  test("a KYC document uploaded through one instance is served by the other", async ({ playwright }) => {
    const customer = newCustomer("kyc");
    await signUp(customer);
    const token = await bearerFor(customer, "a");
    const expiry = `${new Date().getUTCFullYear() + 5}-01-31`;
    // A PNG of a few hundred bytes with a marker of this run (the check reads the first bytes).
    const png = Buffer.concat([
      Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"),
      Buffer.from(`multi-instance ${randomUUID()}`),
    ]);
    const submitted = await trpc(fleet.apiUrl, token, "kyc.submit", {
      level: 1,
      firstName: "Fleet",
      lastName: "Tester",
      dateOfBirth: "1990-04-12",
      nationality: "DE",
      countryOfResidence: "DE",
      address: { line1: "Hauptstrasse 1", city: "Berlin", postalCode: "10115", country: "DE" },
      document: { type: "passport", number: "C01X00T47", expiryDate: expiry },
      files: [{ fileName: "passport.png", contentBase64: png.toString("base64") }],
    }, "a");
    expect(submitted.status, submitted.appCode).toBe(200);

    // Nothing of it on a disk: the bytes are in PostgreSQL, encrypted.
    const stored = await db.kycDocument.findFirstOrThrow({
      where: { submission: { profile: { customer: { email: customer.email } } } },
      select: { id: true },
    });

    const staff = await staffRequest(playwright, fleet.portalUrl, DEMO_STAFF.email, DEMO_STAFF.password);
    try {
      for (const instance of ["b", "a"] as const) {
        const response = await staff.get(`/staff/kyc/documents/${stored.id}`, { headers: pin(instance) });
        expect(response.status()).toBe(200);
        expect(response.headers()["x-served-by"]).toBe(instance);
        expect(Buffer.compare(await response.body(), png)).toBe(0);
      }
    } finally {
      await staff.dispose();
    }
  });

  test("an opening whose core reply was lost is recovered exactly once by the two portals", async () => {
    const customer = newCustomer("lost-reply");
    await signUp(customer);
    const token = await bearerFor(customer, "a");
    const simulator = createSimulatorCore({ connectionString: fleet.databaseUrl, poolSize: 1 });
    const recoveredBefore = await recoveredOpenings();
    try {
      await simulator.faults.loseNextReply("createAccount", 1);
      const opened = await trpc(fleet.apiUrl, token, "accounts.open", { group: "demo-usd", idempotencyKey: randomUUID() }, "a");
      expect(opened.status).toBe(500);
      expect(opened.appCode).toBe("CORE_NOT_AVAILABLE");
    } finally {
      await simulator.faults.reset();
      await simulator.close();
    }
    // The core made an account whose reply was lost: a recovery round archives it, 30 s on.
    await expectDiscardedOnce(customer.email, recoveredBefore);
  });

  test("e-mails reach the SMTP server exactly once, also when a portal stops mid-send", async () => {
    const customers = Array.from({ length: 12 }, (_, i) => newCustomer(`mail-${i}`));
    for (const customer of customers.slice(0, 6)) await signUp(customer);
    // Then sign-ups whose e-mail portal b's SMTP server answers only HOLD_MS later, until
    // portal b's dispatcher is the one that sent one (either portal's may claim it): portal
    // b is stopped while the server has that message and has not answered yet.
    let held: Delivery | undefined;
    for (let attempt = 0; attempt < 20 && !held; attempt += 1) {
      const customer = newCustomer("hold");
      customers.push(customer);
      await signUp(customer);
      await expect
        .poll(() => readDeliveries(fleet).some((delivery) => delivery.to.includes(customer.email)), { timeout: 15_000, intervals: [100] })
        .toBe(true);
      held = readDeliveries(fleet).find((delivery) => delivery.to.includes(customer.email) && delivery.held);
    }
    expect(held, "portal b's dispatcher sent none of 20 messages").toBeDefined();
    process.kill(fleet.pids.portalB, "SIGTERM");
    for (const customer of customers.slice(6, 12)) await signUp(customer);

    const emails = customers.map((customer) => customer.email);
    await expect
      .poll(
        async () =>
          db.message.count({ where: { recipient: { in: emails }, channel: "EMAIL", status: { not: "SENT" } } }),
        { timeout: 120_000, intervals: [1_000] },
      )
      .toBe(0);
    const sent = await db.message.findMany({ where: { recipient: { in: emails }, channel: "EMAIL" }, select: { id: true, recipient: true } });
    expect(sent.length).toBeGreaterThanOrEqual(customers.length);
    // A few dispatch intervals more: nothing is sent again after it was marked sent.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const deliveries = readDeliveries(fleet).filter((delivery) => delivery.to.some((to) => emails.includes(to)));
    const counts = new Map<string, number>();
    for (const delivery of deliveries) counts.set(delivery.messageId ?? "none", (counts.get(delivery.messageId ?? "none") ?? 0) + 1);
    expect([...counts.values()].every((count) => count === 1), JSON.stringify([...counts])).toBe(true);
    expect([...counts.keys()].sort()).toEqual(sent.map((message) => `<${message.id}@example.com>`).sort());
    // The portal that stopped is gone from the pool; the other goes on alone.
    const served = await fetch(`${fleet.portalDirectUrl}/api/health/live`);
    expect(served.status).toBe(200);
    expect(served.headers.get("x-served-by")).toBe("a");
  });

  // Last: API server b is gone afterwards.
  test("an opening whose API server is killed mid-way is recovered once by the portals and never shown", async () => {
    const customer = newCustomer("killed");
    await signUp(customer);
    const token = await bearerFor(customer, "b");
    const simulator = createSimulatorCore({ connectionString: fleet.databaseUrl, poolSize: 1 });
    const recoveredBefore = await recoveredOpenings();
    let pending: Promise<unknown> | undefined;
    try {
      // Every core call now waits 4 s first: the opening is recorded, then stays in flight.
      await simulator.faults.setLatency(4_000);
      pending = trpc(fleet.apiUrl, token, "accounts.open", { group: "demo-usd", idempotencyKey: randomUUID() }, "b").catch((error: unknown) => error);
      await expect
        .poll(async () => db.accountOpening.count({ where: { customer: { email: customer.email } } }), { timeout: 10_000, intervals: [100] })
        .toBe(1);
      // The process dies without a chance to clean up (out of memory, a node lost).
      process.kill(fleet.pids.apiB, "SIGKILL");
      await pending;
    } finally {
      await simulator.faults.reset();
      await simulator.close();
    }
    // The portals' recovery rounds replay the opening's core request and archive what it made.
    await expectDiscardedOnce(customer.email, recoveredBefore);
    // API server a serves on alone.
    const served = await fetch(`${fleet.apiUrl}/health/live`);
    expect([served.status, served.headers.get("x-served-by")]).toEqual([200, "a"]);
  });

  /** Openings discarded by the recovery rounds of the portals still running (one may have been stopped). */
  async function recoveredOpenings(): Promise<number> {
    let total = 0;
    for (const port of [fleet.ports.metricsPortalA, fleet.ports.metricsPortalB]) {
      const text = await metricsOf(port).catch(() => "");
      total += counter(text, "recovery_items_total", ['job="openings"', 'outcome="discarded"']);
    }
    return total;
  }

  /**
   * The customer's one opening ends DISCARDED with exactly one archived core account; the two
   * portals ran recovery rounds all along, and it was discarded in exactly one of them; nothing
   * of it reaches the customer.
   */
  async function expectDiscardedOnce(email: string, recoveredBefore: number): Promise<void> {
    await expect
      .poll(async () => (await db.accountOpening.findFirst({ where: { customer: { email } }, select: { status: true } }))?.status, {
        timeout: 120_000,
        intervals: [2_000],
      })
      .toBe("DISCARDED");
    await expectOneArchivedCoreAccount(email);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect((await recoveredOpenings()) - recoveredBefore).toBe(1);
    expect(await db.account.count({ where: { customer: { email } } })).toBe(0);
  }

  async function expectOneArchivedCoreAccount(email: string): Promise<void> {
    const rows = await db.$queryRaw<{ login: bigint; archived: boolean }[]>`
      SELECT login, archived_at IS NOT NULL AS archived FROM core_sim.accounts WHERE email = ${email}`;
    expect(rows.map((row) => row.archived)).toEqual([true]);
  }
});
