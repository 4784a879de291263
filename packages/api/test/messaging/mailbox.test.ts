import type { Database } from "@brokerage/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closeTransports,
  createDispatcher,
  createMailboxTransport,
  createTransportsFromEnv,
  enqueueMessage,
  listMailbox,
  securityNoticeEmail,
  verificationCodeSms,
} from "../../src/messaging";
import { captureLogger, createMessagingDb } from "./support";

let env: Awaited<ReturnType<typeof createMessagingDb>>;
let db: Database;

beforeAll(async () => {
  env = await createMessagingDb();
  db = env.db;
});
afterAll(() => env.close());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("development mailbox", () => {
  it("the mailbox transport marks messages SENT and listMailbox shows them newest first", async () => {
    const first = await enqueueMessage(db, {
      channel: "EMAIL",
      recipient: "Ann@Example.com",
      ...securityNoticeEmail({ event: { kind: "password-changed" }, at: new Date(), brandName: "Acme" }),
    });
    await pause(5);
    const second = await enqueueMessage(db, {
      channel: "SMS",
      recipient: "+4917012345678",
      ...verificationCodeSms({ code: "1234", expiresInMinutes: 10, brandName: "Acme" }),
    });
    await pause(5);
    const third = await enqueueMessage(db, { channel: "EMAIL", recipient: "bob@example.com", template: "t", subject: "Hi", body: "Hello Bob" });

    const transport = createMailboxTransport();
    const dispatcher = createDispatcher({
      db,
      transports: { email: transport, sms: transport },
      logger: captureLogger().logger,
    });
    expect(await dispatcher.runOnce()).toEqual({ sent: 3, failed: 0, retried: 0 });
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });

    const all = await listMailbox(db);
    expect(all.map((m) => m.id)).toEqual([third, second, first]);
    expect(all.every((m) => m.status === "SENT")).toBe(true);
    expect(all[0]).toEqual({
      id: third,
      channel: "EMAIL",
      recipient: "bob@example.com",
      subject: "Hi",
      body: "Hello Bob",
      status: "SENT",
      createdAt: expect.any(Date),
    });
    expect(all[1]).toMatchObject({ channel: "SMS", subject: null, body: expect.stringContaining("1234") });

    expect((await listMailbox(db, { recipient: "ann@example.COM" })).map((m) => m.id)).toEqual([first]);
    expect((await listMailbox(db, { limit: 2 })).map((m) => m.id)).toEqual([third, second]);
  });

  it("createTransportsFromEnv uses the mailbox for what is not configured", async () => {
    const none = createTransportsFromEnv({});
    expect([none.email.kind, none.sms.kind]).toEqual(["mailbox", "mailbox"]);
    const both = createTransportsFromEnv({
      SMTP_URL: "smtp://127.0.0.1:2525",
      SMS_URL: "http://127.0.0.1:9/sms",
      MAIL_FROM: "Acme <no-reply@acme.test>",
    });
    expect([both.email.kind, both.sms.kind]).toEqual(["smtp", "http-sms"]);
    await closeTransports(both);
    await closeTransports(none);
  });
});
