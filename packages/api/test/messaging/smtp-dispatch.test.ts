import { createPrismaClient, type Database } from "@brokerage/db";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  closeTransports,
  createDispatcher,
  createMailboxTransport,
  createSmtpTransport,
  enqueueMessage,
  messageIdFor,
  type Transports,
} from "../../src/messaging";
import { captureLogger, createMessagingDb, manualClock, startSmtpServer, type TestSmtpServer } from "./support";

let env: Awaited<ReturnType<typeof createMessagingDb>>;
let db: Database;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  env = await createMessagingDb();
  db = env.db;
});
afterAll(() => env.close());
beforeEach(async () => {
  await db.message.deleteMany();
});
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function smtp(options: Parameters<typeof startSmtpServer>[0] = {}): Promise<TestSmtpServer> {
  const server = await startSmtpServer(options);
  cleanups.push(() => server.close());
  return server;
}

function smtpTransports(url: string): Transports {
  const transports = { email: createSmtpTransport(url, { from: "Acme <no-reply@acme.test>" }), sms: createMailboxTransport() };
  cleanups.push(() => closeTransports(transports));
  return transports;
}

const silent = captureLogger().logger;

function enqueueEmail(recipient = "ann@example.com", body = "Your code is 913577") {
  return enqueueMessage(db, { channel: "EMAIL", recipient, template: "test-code", subject: "Your code", body });
}

describe("dispatcher over SMTP", () => {
  it("retries a temporary 4xx with backoff and the same Message-ID, then sends once and never again", async () => {
    const server = await smtp({ onData: (_d, index) => (index === 0 ? { code: 451, message: "4.3.0 Try again later" } : null) });
    const id = await enqueueEmail();
    const clock = manualClock(Date.now() + 1_000);
    const logs = captureLogger();
    const dispatcher = createDispatcher({ db, transports: smtpTransports(server.url), clock, logger: logs.logger });

    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
    let row = await db.message.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null, sentAt: null });
    expect(row.nextAttemptAt.getTime()).toBe(clock.now().getTime() + 5_000);
    expect(row.lastError).toMatch(/451/);
    expect(row.lastError).not.toContain("913577");
    expect(server.attempts).toHaveLength(1);
    expect(server.accepted).toHaveLength(0);

    // Not due yet: the backoff holds it back.
    clock.advance(4_999);
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(server.attempts).toHaveLength(1);

    clock.advance(1);
    expect(await dispatcher.runOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(server.attempts).toHaveLength(2);
    expect(server.accepted).toHaveLength(1);
    const expectedId = messageIdFor(id, "acme.test");
    expect(expectedId).toBe(`<${id}@acme.test>`);
    expect(server.attempts[0]?.messageId).toBe(expectedId);
    expect(server.attempts[1]?.messageId).toBe(expectedId);
    expect(server.accepted[0]?.to).toEqual(["ann@example.com"]);
    expect(server.accepted[0]?.raw).toContain("Your code is 913577");
    row = await db.message.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 2, lockedUntil: null });
    expect(row.sentAt?.getTime()).toBe(clock.now().getTime());

    clock.advance(60 * 60_000);
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(server.attempts).toHaveLength(2);

    // Ids and templates are logged, bodies never.
    expect(logs.text()).toContain(id);
    expect(logs.text()).toContain("test-code");
    expect(logs.text()).not.toContain("913577");
  });

  it("two dispatchers running at once deliver each of 50 messages exactly once", async () => {
    const server = await smtp();
    const ids = new Set<string>();
    for (let i = 0; i < 50; i++) ids.add(await enqueueEmail(`user${i}@example.com`, `Message ${i}`));
    // Two portal instances: their own connection pools and SMTP connections.
    const other = createPrismaClient(env.url, { max: 4 });
    cleanups.push(() => other.$disconnect());
    const a = createDispatcher({ db, transports: smtpTransports(server.url), logger: silent, batchSize: 5 });
    const b = createDispatcher({ db: other, transports: smtpTransports(server.url), logger: silent, batchSize: 5 });

    async function drain(dispatcher: typeof a) {
      let sent = 0;
      for (;;) {
        const r = await dispatcher.runOnce();
        if (r.sent + r.failed + r.retried === 0) return sent;
        sent += r.sent;
      }
    }
    const [sentA, sentB] = await Promise.all([drain(a), drain(b)]);

    expect(sentA + sentB).toBe(50);
    expect(sentA).toBeGreaterThan(0);
    expect(sentB).toBeGreaterThan(0);
    expect(server.accepted).toHaveLength(50);
    const received = new Set(server.accepted.map((d) => d.messageId));
    expect(received.size).toBe(50);
    expect(received).toEqual(new Set([...ids].map((id) => messageIdFor(id, "acme.test"))));
    expect(await db.message.count({ where: { status: "SENT" } })).toBe(50);
  });

  it("gives up after maxAttempts: FAILED, attempts counted, nothing sent afterwards", async () => {
    const server = await smtp({ onData: () => ({ code: 452, message: "4.3.1 Insufficient storage" }) });
    const id = await enqueueEmail();
    const dispatcher = createDispatcher({
      db,
      transports: smtpTransports(server.url),
      logger: silent,
      maxAttempts: 3,
      backoff: () => 0,
    });

    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(server.attempts).toHaveLength(3);
    const row = await db.message.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 3, sentAt: null, lockedUntil: null });
    expect(row.lastError).toMatch(/452/);
  });

  it("fails a permanent 5xx rejection at once", async () => {
    const server = await smtp({
      onRcptTo: (address) => (address.startsWith("nobody@") ? { code: 550, message: "5.1.1 No such user" } : null),
    });
    const bad = await enqueueEmail("nobody@example.com");
    const good = await enqueueEmail("ann@example.com");
    const dispatcher = createDispatcher({ db, transports: smtpTransports(server.url), logger: silent });

    expect(await dispatcher.runOnce()).toEqual({ sent: 1, failed: 1, retried: 0 });
    const badRow = await db.message.findUniqueOrThrow({ where: { id: bad } });
    expect(badRow).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(badRow.lastError).toMatch(/^smtp 550 \(RCPT TO\)/);
    expect((await db.message.findUniqueOrThrow({ where: { id: good } })).status).toBe("SENT");
    expect(server.accepted.map((d) => d.to)).toEqual([["ann@example.com"]]);
  });

  it("retries when the SMTP server cannot be reached", async () => {
    const server = await smtp();
    const url = server.url;
    await server.close();
    const id = await enqueueEmail();
    const dispatcher = createDispatcher({ db, transports: smtpTransports(url), logger: silent });
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
    const row = await db.message.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
  });
});
