import type { Database } from "@brokerage/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enqueueMessage, renderMessageBody, verificationCodeEmail, verificationCodeSms } from "../../src/messaging";
import { createMessagingDb } from "./support";

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

const email = {
  channel: "EMAIL" as const,
  recipient: "ann@example.com",
  ...verificationCodeEmail({ purpose: "email-verification", code: "123456", expiresInMinutes: 15, brandName: "Acme" }),
};

describe("enqueueMessage", () => {
  it("leaves no message when the transaction rolls back", async () => {
    const failure = new Error("the change failed");
    await expect(
      db.$transaction(async (tx) => {
        await enqueueMessage(tx, email);
        expect(await tx.message.count()).toBe(1);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await db.message.count()).toBe(0);
  });

  it("leaves one PENDING message when the transaction commits, and returns its id", async () => {
    const id = await db.$transaction(async (tx) => enqueueMessage(tx, email));
    const rows = await db.message.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id,
      channel: "EMAIL",
      recipient: "ann@example.com",
      template: "email-verification-code",
      subject: "Acme: Your verification code",
      status: "PENDING",
      attempts: 0,
      lockedUntil: null,
      sentAt: null,
      lastError: null,
    });
    // the code is kept apart, encrypted, and rendered into the body when sent
    expect(rows[0]?.body).not.toContain("123456");
    expect(rows[0]?.secretEnc).not.toContain("123456");
    expect(renderMessageBody(rows[0]!)).toContain("Your code is 123456");
  });

  it("works with the plain client too, and for SMS", async () => {
    const id = await enqueueMessage(db, {
      channel: "SMS",
      recipient: "+4917012345678",
      ...verificationCodeSms({ code: "4321", expiresInMinutes: 10, brandName: "Acme" }),
    });
    const row = await db.message.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ channel: "SMS", subject: null, status: "PENDING", template: "phone-verification-code" });
  });

  it("refuses malformed messages and writes nothing", async () => {
    await expect(enqueueMessage(db, { ...email, subject: undefined })).rejects.toThrow(/subject/);
    await expect(enqueueMessage(db, { ...email, recipient: "not-an-address" })).rejects.toThrow(/e-mail/);
    await expect(enqueueMessage(db, { ...email, subject: "a\r\nBcc: x@example.com" })).rejects.toThrow(/line breaks/);
    await expect(
      enqueueMessage(db, { channel: "SMS", recipient: "0170 1234", template: "t", body: "b" }),
    ).rejects.toThrow(/E\.164/);
    expect(await db.message.count()).toBe(0);
  });
});
