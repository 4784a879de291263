import type { Database } from "@brokerage/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createDispatcher,
  createMailboxTransport,
  DeliveryError,
  enqueueMessage,
  exponentialBackoff,
  type EmailTransport,
} from "../../src/messaging";
import { toDeliveryError } from "../../src/messaging/smtp-transport";
import { captureLogger, createMessagingDb, manualClock } from "./support";

let env: Awaited<ReturnType<typeof createMessagingDb>>;
let db: Database;

beforeAll(async () => {
  env = await createMessagingDb();
  db = env.db;
});
afterAll(() => env.close());
beforeEach(async () => {
  await db.message.deleteMany();
});

const logger = captureLogger().logger;
const mailbox = createMailboxTransport();

function enqueue(body = "Your code is 555123") {
  return enqueueMessage(db, { channel: "EMAIL", recipient: "ann@example.com", template: "t", subject: "S", body });
}

describe("dispatcher leases and timeouts", () => {
  it("leaves a message alone while another dispatcher's lease runs, and takes it once the lease expired", async () => {
    const id = await enqueue();
    await db.$executeRaw`UPDATE "Message" SET "lockedUntil" = now() + interval '1 hour' WHERE id = ${id}::uuid`;
    const dispatcher = createDispatcher({ db, transports: { email: mailbox, sms: mailbox }, logger });
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    await db.$executeRaw`UPDATE "Message" SET "lockedUntil" = now() - interval '1 second' WHERE id = ${id}::uuid`;
    expect(await dispatcher.runOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });
  });

  it("counts a send that does not settle in time as a failed attempt and keeps the lease", async () => {
    const id = await enqueue();
    const hanging: EmailTransport = { kind: "hanging", send: () => new Promise(() => {}) };
    const dispatcher = createDispatcher({
      db,
      transports: { email: hanging, sms: mailbox },
      logger,
      sendTimeoutMs: 100,
      lockSeconds: 5,
      backoff: () => 0,
    });
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
    const row = await db.message.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastError: "Error: no answer within 100 ms" });
    // The timed-out send may still be in flight: nobody takes the message before the lease ends.
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 3_000);
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
  });

  it("hands back the rest of a batch instead of starting a send that could outlive the lease", async () => {
    const ids = [await enqueue(), await enqueue(), await enqueue()];
    const clock = manualClock(Date.now() + 1_000);
    const slow: EmailTransport = { kind: "slow", send: async () => clock.advance(600) };
    const dispatcher = createDispatcher({
      db,
      transports: { email: slow, sms: mailbox },
      logger,
      clock,
      lockSeconds: 2,
      sendTimeoutMs: 1_000,
    });
    expect(await dispatcher.runOnce()).toEqual({ sent: 2, failed: 0, retried: 0 });
    const rows = await db.message.findMany({ where: { id: { in: ids } } });
    expect(rows.filter((r) => r.status === "SENT")).toHaveLength(2);
    expect(rows.find((r) => r.status === "PENDING")).toMatchObject({ attempts: 0, lockedUntil: null });
    expect(await dispatcher.runOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });
  });

  it("stores a short error without the body, whatever the transport threw", async () => {
    const body = "Your code is 555123";
    const id = await enqueue(body);
    const echo: EmailTransport = {
      kind: "echo",
      send: (email) => Promise.reject(new Error(`rejected: ${email.body} ${"x".repeat(1000)}`)),
    };
    const dispatcher = createDispatcher({ db, transports: { email: echo, sms: mailbox }, logger });
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
    const row = await db.message.findUniqueOrThrow({ where: { id } });
    expect(row.lastError).not.toContain("555123");
    expect(row.lastError).toMatch(/^Error: rejected: \[body\] x+…$/);
    expect(row.lastError!.length).toBeLessThanOrEqual(300);
  });

  it("start() delivers in the background until stop()", async () => {
    const id = await enqueue();
    const dispatcher = createDispatcher({ db, transports: { email: mailbox, sms: mailbox }, logger });
    dispatcher.start(50);
    for (let i = 0; i < 100; i++) {
      if ((await db.message.findUniqueOrThrow({ where: { id } })).status === "SENT") break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await dispatcher.stop();
    expect((await db.message.findUniqueOrThrow({ where: { id } })).status).toBe("SENT");
    const later = await enqueue();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await db.message.findUniqueOrThrow({ where: { id: later } })).status).toBe("PENDING");
  });
});

describe("stopping", () => {
  it("finishes the message in hand and hands the rest of its batch back at once, for another instance", async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await enqueue(`Message ${i}`));
    let release!: () => void;
    const firstSendHeld = new Promise<void>((resolve) => (release = resolve));
    let sends = 0;
    const slow: EmailTransport = {
      kind: "slow",
      async send() {
        sends++;
        if (sends === 1) await firstSendHeld;
      },
    };
    const dispatcher = createDispatcher({ db, transports: { email: slow, sms: mailbox }, logger });
    dispatcher.start(10_000);
    await expect.poll(() => sends).toBe(1);
    const stopped = dispatcher.stop();
    release();
    await stopped;
    const rows = await db.message.findMany({ where: { id: { in: ids } }, select: { status: true, lockedUntil: true } });
    expect(rows.filter((r) => r.status === "SENT")).toHaveLength(1);
    const pending = rows.filter((r) => r.status === "PENDING");
    expect(pending).toHaveLength(4);
    // Handed back: no lease left, so another dispatcher takes them on its next run.
    for (const row of pending) expect(row.lockedUntil === null || row.lockedUntil.getTime() <= Date.now()).toBe(true);
    const other = createDispatcher({ db, transports: { email: mailbox, sms: mailbox }, logger });
    expect(await other.runOnce()).toMatchObject({ sent: 4 });
  });
});

describe("failure classification", () => {
  it("a 5xx about the message is permanent; 4xx, network and AUTH errors are retried", () => {
    expect(toDeliveryError({ code: "EENVELOPE", responseCode: 550, response: "550 no such user", command: "RCPT TO" }).permanent).toBe(true);
    expect(toDeliveryError({ code: "EMESSAGE", responseCode: 554, response: "554 rejected", command: "DATA" }).permanent).toBe(true);
    expect(toDeliveryError({ code: "EMESSAGE", responseCode: 451, response: "451 later", command: "DATA" }).permanent).toBe(false);
    expect(toDeliveryError({ code: "EAUTH", responseCode: 535, response: "535 bad credentials" }).permanent).toBe(false);
    expect(toDeliveryError(new Error("connect ECONNREFUSED")).permanent).toBe(false);
    expect(new DeliveryError("x").permanent).toBe(false);
  });

  it("backs off 5 s, 10 s, 20 s ... up to 15 minutes", () => {
    expect([1, 2, 3, 4].map((n) => exponentialBackoff(n))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(exponentialBackoff(9)).toBe(15 * 60_000);
    expect(exponentialBackoff(1000)).toBe(15 * 60_000);
  });
});
