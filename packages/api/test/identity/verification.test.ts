import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMessageBody } from "../../src/messaging";
import { createHarness, type Harness } from "../support/harness";
import {
  callerAs,
  codeOf,
  codeSentBy,
  createBrand,
  messageIds,
  refusal,
  registerCustomer,
  rowCounts,
  uniquePhone,
  web,
  webLogin,
} from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await createBrand(h);
});
afterAll(() => h.close());

const TEN_MINUTES = 10 * 60_000;

/** A new customer (with a phone unless told otherwise) and a signed-in caller. */
async function signedUp(options: { phone?: string | null } = {}) {
  const phone = options.phone === null ? undefined : (options.phone ?? uniquePhone());
  const c = await registerCustomer(h, phone ? { phone } : {});
  const sessionId = await webLogin(h, c.email, c.password);
  return { ...c, caller: callerAs(h, web(sessionId)) };
}

/** Any code of `digits` digits other than `code`. */
const otherCode = (code: string) => String((Number(code) + 1) % 10 ** code.length).padStart(code.length, "0");

describe("codes sent at sign-up", () => {
  it("puts a 6-digit e-mail code and a 4-digit SMS code in the outbox", async () => {
    const c = await registerCustomer(h, { phone: "+35799000001" });
    const stored = await h.db.message.findMany({ where: { customerId: c.customerId }, orderBy: { channel: "asc" } });
    // the code is not in the stored body: it is encrypted beside it and rendered when sent
    for (const row of stored) {
      expect(row.body).not.toMatch(/\d{4}/);
      expect(row.secretEnc).toMatch(/^v1\./);
    }
    const rows = stored.map((r) => ({ ...r, body: renderMessageBody(r) }));
    expect(rows).toHaveLength(2);
    const [mail, sms] = rows;
    expect(mail).toMatchObject({ channel: "EMAIL", recipient: c.email, status: "PENDING", template: "email-verification-code" });
    expect(mail!.subject).toMatch(/verification code/i);
    expect(mail!.body).toMatch(/\b\d{6}\b/);
    expect(sms).toMatchObject({ channel: "SMS", recipient: "+35799000001", subject: null, status: "PENDING" });
    expect(sms!.body).toMatch(/\b\d{4}\b/);
    expect(c.emailCode).toMatch(/^\d{6}$/);
    expect(c.smsCode).toMatch(/^\d{4}$/);
    // stored hashed only
    const codes = await h.db.verificationCode.findMany({ where: { customerId: c.customerId } });
    expect(codes.map((r) => r.purpose).sort()).toEqual(["EMAIL_VERIFICATION", "PHONE_VERIFICATION"]);
    for (const r of codes) {
      expect(r.codeHash).not.toContain(r.purpose === "EMAIL_VERIFICATION" ? c.emailCode : c.smsCode);
      expect(r.expiresAt.getTime() - r.createdAt.getTime()).toBe(TEN_MINUTES);
    }
  });
});

describe("customer.verifyEmail / customer.verifyPhone", () => {
  it("the right e-mail code sets emailVerified in customer.me; the SMS code sets phoneVerified", async () => {
    const c = await signedUp();
    expect(await c.caller.customer.me()).toMatchObject({ emailVerified: false, phoneVerified: false });
    await expect(c.caller.customer.verifyEmail({ code: c.emailCode })).resolves.toEqual({ verified: true });
    expect(await c.caller.customer.me()).toMatchObject({ emailVerified: true, phoneVerified: false });
    await expect(c.caller.customer.verifyPhone({ code: c.smsCode! })).resolves.toEqual({ verified: true });
    expect(await c.caller.customer.me()).toMatchObject({ emailVerified: true, phoneVerified: true });
    const row = await h.db.customer.findUniqueOrThrow({ where: { id: c.customerId } });
    expect(row.emailVerifiedAt).toEqual(h.clock.now());
    expect(row.phoneVerifiedAt).toEqual(h.clock.now());
  });

  it("the code is used up in the transaction that verifies the contact: when verifying fails, the code is not spent", async () => {
    const c = await signedUp();
    // A fault in the very UPDATE that marks the address verified (a trigger of this test's own).
    await h.db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION fail_verify_${c.customerId}() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'simulated fault'; END $$ LANGUAGE plpgsql`);
    await h.db.$executeRawUnsafe(`
      CREATE TRIGGER fail_verify_${c.customerId} BEFORE UPDATE OF "emailVerifiedAt" ON "Customer"
      FOR EACH ROW WHEN (NEW.id = ${c.customerId}) EXECUTE FUNCTION fail_verify_${c.customerId}()`);
    try {
      await expect(c.caller.customer.verifyEmail({ code: c.emailCode })).rejects.toBeDefined();
      const code = await h.db.verificationCode.findFirstOrThrow({ where: { customerId: c.customerId, purpose: "EMAIL_VERIFICATION" } });
      expect(code.consumedAt).toBeNull();
      expect(await c.caller.customer.me()).toMatchObject({ emailVerified: false });
    } finally {
      await h.db.$executeRawUnsafe(`DROP TRIGGER fail_verify_${c.customerId} ON "Customer"`);
    }
    // the same code still works once the fault is gone
    await expect(c.caller.customer.verifyEmail({ code: c.emailCode })).resolves.toEqual({ verified: true });
    expect(await c.caller.customer.me()).toMatchObject({ emailVerified: true });
  });

  it("a wrong code's try is counted even though the verification transaction refuses it", async () => {
    const c = await signedUp();
    expect(await codeOf(c.caller.customer.verifyEmail({ code: otherCode(c.emailCode) }))).toBe("CODE_INVALID");
    const code = await h.db.verificationCode.findFirstOrThrow({ where: { customerId: c.customerId, purpose: "EMAIL_VERIFICATION" } });
    expect(code.attempts).toBe(1);
  });

  it("a used code is CODE_INVALID the second time", async () => {
    const c = await signedUp();
    await c.caller.customer.verifyEmail({ code: c.emailCode });
    const e = await refusal(c.caller.customer.verifyEmail({ code: c.emailCode }));
    expect(e.code).toBe("CODE_INVALID");
    expect(e.httpStatus).toBe(400);
    await c.caller.customer.verifyPhone({ code: c.smsCode! });
    expect(await codeOf(c.caller.customer.verifyPhone({ code: c.smsCode! }))).toBe("CODE_INVALID");
  });

  it("a code past its 10 minutes is CODE_EXPIRED and verifies nothing", async () => {
    const c = await signedUp();
    h.clock.advance(TEN_MINUTES + 1_000);
    const e = await refusal(c.caller.customer.verifyEmail({ code: c.emailCode }));
    expect(e.code).toBe("CODE_EXPIRED");
    expect(e.httpStatus).toBe(400);
    expect(await codeOf(c.caller.customer.verifyPhone({ code: c.smsCode! }))).toBe("CODE_EXPIRED");
    expect(await c.caller.customer.me()).toMatchObject({ emailVerified: false, phoneVerified: false });
  });

  it("a code still works a second before it expires", async () => {
    const c = await signedUp({ phone: null });
    h.clock.advance(TEN_MINUTES - 1_000);
    expect(await codeOf(c.caller.customer.verifyEmail({ code: c.emailCode }))).toBe("OK");
  });

  it("5 wrong tries kill the code: the right code on the 6th try is CODE_INVALID", async () => {
    const c = await signedUp();
    const wrong = otherCode(c.emailCode);
    for (let i = 0; i < 5; i++) {
      expect(await codeOf(c.caller.customer.verifyEmail({ code: wrong }))).toBe("CODE_INVALID");
    }
    expect(await codeOf(c.caller.customer.verifyEmail({ code: c.emailCode }))).toBe("CODE_INVALID");
    expect((await c.caller.customer.me()).emailVerified).toBe(false);
    // the same rule for the SMS code
    const wrongSms = otherCode(c.smsCode!);
    for (let i = 0; i < 5; i++) {
      expect(await codeOf(c.caller.customer.verifyPhone({ code: wrongSms }))).toBe("CODE_INVALID");
    }
    expect(await codeOf(c.caller.customer.verifyPhone({ code: c.smsCode! }))).toBe("CODE_INVALID");
    expect((await c.caller.customer.me()).phoneVerified).toBe(false);
  });

  it("4 wrong tries leave the code alive: the 5th try with the right code works", async () => {
    const c = await signedUp({ phone: null });
    for (let i = 0; i < 4; i++) {
      expect(await codeOf(c.caller.customer.verifyEmail({ code: otherCode(c.emailCode) }))).toBe("CODE_INVALID");
    }
    expect(await codeOf(c.caller.customer.verifyEmail({ code: c.emailCode }))).toBe("OK");
  });

  it("a malformed code is INVALID_DATA with a code field error (6 digits by e-mail, 4 by SMS)", async () => {
    const c = await signedUp();
    for (const code of ["12345", "1234567", "abcdef", c.smsCode!]) {
      const e = await refusal(c.caller.customer.verifyEmail({ code }));
      expect(e.code).toBe("INVALID_DATA");
      expect(Object.keys(e.fieldErrors ?? {})).toEqual(["code"]);
    }
    expect(await codeOf(c.caller.customer.verifyPhone({ code: c.emailCode }))).toBe("INVALID_DATA");
    // none of these counted as a try
    expect(await codeOf(c.caller.customer.verifyEmail({ code: c.emailCode }))).toBe("OK");
  });

  it("another customer's code does not verify this customer", async () => {
    const a = await signedUp({ phone: null });
    const b = await signedUp({ phone: null });
    if (a.emailCode !== b.emailCode) {
      expect(await codeOf(a.caller.customer.verifyEmail({ code: b.emailCode }))).toBe("CODE_INVALID");
    }
    expect(await codeOf(a.caller.customer.verifyEmail({ code: a.emailCode }))).toBe("OK");
    expect((await b.caller.customer.me()).emailVerified).toBe(false);
  });

  it("verifying a phone when none is on file is CODE_INVALID", async () => {
    const c = await signedUp({ phone: null });
    expect(await codeOf(c.caller.customer.verifyPhone({ code: "1234" }))).toBe("CODE_INVALID");
  });
});

describe("customer.resendCode", () => {
  it("replaces the old code: the old one is CODE_INVALID, the new one works", async () => {
    const c = await signedUp();
    const fresh = await codeSentBy(h, c.email, 6, () => c.caller.customer.resendCode({ channel: "email" }));
    if (fresh !== c.emailCode) {
      expect(await codeOf(c.caller.customer.verifyEmail({ code: c.emailCode }))).toBe("CODE_INVALID");
    }
    expect(await codeOf(c.caller.customer.verifyEmail({ code: fresh }))).toBe("OK");

    const freshSms = await codeSentBy(h, c.phone!, 4, () => c.caller.customer.resendCode({ channel: "phone" }));
    if (freshSms !== c.smsCode) {
      expect(await codeOf(c.caller.customer.verifyPhone({ code: c.smsCode! }))).toBe("CODE_INVALID");
    }
    expect(await codeOf(c.caller.customer.verifyPhone({ code: freshSms }))).toBe("OK");
    expect(await c.caller.customer.me()).toMatchObject({ emailVerified: true, phoneVerified: true });
  });

  it("gives a fresh 10 minutes to a new code", async () => {
    const c = await signedUp({ phone: null });
    h.clock.advance(TEN_MINUTES + 1_000);
    expect(await codeOf(c.caller.customer.verifyEmail({ code: c.emailCode }))).toBe("CODE_EXPIRED");
    const fresh = await codeSentBy(h, c.email, 6, () => c.caller.customer.resendCode({ channel: "email" }));
    expect(await codeOf(c.caller.customer.verifyEmail({ code: fresh }))).toBe("OK");
  });

  it("allows 3 resends in 10 minutes; the 4th is 429 TOO_MANY_ATTEMPTS with retryAfterSeconds and sends nothing", async () => {
    const c = await signedUp({ phone: null });
    let last = c.emailCode;
    for (let i = 0; i < 3; i++) {
      last = await codeSentBy(h, c.email, 6, () => c.caller.customer.resendCode({ channel: "email" }));
    }
    const before = await rowCounts(h);
    const mails = await messageIds(h, c.email);
    const e = await refusal(c.caller.customer.resendCode({ channel: "email" }));
    expect(e.code).toBe("TOO_MANY_ATTEMPTS");
    expect(e.httpStatus).toBe(429);
    expect(e.details?.retryAfterSeconds).toEqual(expect.any(Number));
    expect(e.details!.retryAfterSeconds as number).toBeGreaterThan(0);
    expect(e.details!.retryAfterSeconds as number).toBeLessThanOrEqual(600);
    expect(await rowCounts(h)).toEqual(before);
    expect(await messageIds(h, c.email)).toEqual(mails);
    // the refused resend did not kill the last code
    expect(await codeOf(c.caller.customer.verifyEmail({ code: last }))).toBe("OK");
  });

  it("counts e-mail and phone resends apart", async () => {
    const c = await signedUp();
    for (let i = 0; i < 3; i++) await c.caller.customer.resendCode({ channel: "email" });
    expect(await codeOf(c.caller.customer.resendCode({ channel: "email" }))).toBe("TOO_MANY_ATTEMPTS");
    expect(await codeOf(c.caller.customer.resendCode({ channel: "phone" }))).toBe("OK");
  });

  it("sends nothing for an address already verified", async () => {
    const c = await signedUp({ phone: null });
    await c.caller.customer.verifyEmail({ code: c.emailCode });
    const before = await rowCounts(h);
    await expect(c.caller.customer.resendCode({ channel: "email" })).resolves.toEqual({
      sent: false,
      alreadyVerified: true,
    });
    expect(await rowCounts(h)).toEqual(before);
  });

  it("a phone resend without a phone on file is INVALID_DATA on channel", async () => {
    const c = await signedUp({ phone: null });
    const before = await rowCounts(h);
    const e = await refusal(c.caller.customer.resendCode({ channel: "phone" }));
    expect(e.code).toBe("INVALID_DATA");
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["channel"]);
    expect(await rowCounts(h)).toEqual(before);
  });
});
