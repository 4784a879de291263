// Sign-up throttles and the SMS budget (issue 12: 50 sign-ups in a row from one address
// all succeeded and queued 50 SMS). Defaults: 20 sign-ups per address an hour, 10 per
// phone a day; 5 SMS per number and 20 per address a day; SMS to EEA, UK and CH only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "../../src/env";
import { reserveSms, smsCountryAllowed } from "../../src/rate-limit/sms-budget";
import { createHarness, type Harness } from "../support/harness";
import { callerAs, createBrand, refusal, rowCounts, strongPassword, uniqueEmail, uniqueIp, uniquePhone, webLogin } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ poolSize: 4 });
  await createBrand(h);
});
afterAll(() => h.close());

const signUp = (ip: string, extra: { phone?: string } = {}) =>
  callerAs(h, null, { ip }).auth.signUp({
    email: uniqueEmail("abuse"),
    password: strongPassword(),
    firstName: "Sam",
    lastName: "Pump",
    ...extra,
  });

const smsTo = (phone: string) => h.db.message.count({ where: { recipient: phone, channel: "SMS" } });

describe("sign-up throttles", () => {
  it("uses the documented defaults", () => {
    expect([env.SIGNUP_LIMIT_PER_ADDRESS, env.SIGNUP_LIMIT_PER_PHONE, env.SMS_LIMIT_PER_NUMBER, env.SMS_LIMIT_PER_ADDRESS]).toEqual([20, 10, 5, 20]);
  });

  it("refuses the 21st sign-up from one address within the hour with 429, creating nothing", async () => {
    const ip = uniqueIp();
    for (let i = 1; i <= 20; i++) {
      const result = await signUp(ip);
      expect(result.customerId).toEqual(expect.any(Number));
    }
    const before = await rowCounts(h);
    const error = await refusal(signUp(ip));
    expect(error.code).toBe("TOO_MANY_ATTEMPTS");
    expect(error.details).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(await rowCounts(h)).toEqual(before);
    // Another address is not affected.
    expect((await signUp(uniqueIp())).customerId).toEqual(expect.any(Number));
  });

  it("sends at most 5 SMS to one number a day, without refusing the sign-ups, and stops sign-ups on it after 10", async () => {
    const phone = uniquePhone();
    const sent: boolean[] = [];
    for (let i = 1; i <= 10; i++) {
      const result = await signUp(uniqueIp(), { phone });
      sent.push(result.phoneVerificationSent);
    }
    expect(sent).toEqual([true, true, true, true, true, false, false, false, false, false]);
    // The 6th and later SMS were not queued; those customers' phones stay unverified.
    expect(await smsTo(phone)).toBe(5);
    const customers = await h.db.customer.findMany({ where: { phone }, select: { phoneVerifiedAt: true } });
    expect(customers).toHaveLength(10);
    expect(customers.every((c) => c.phoneVerifiedAt === null)).toBe(true);
    const codes = await h.db.verificationCode.count({ where: { target: phone } });
    expect(codes).toBe(5);

    const before = await rowCounts(h);
    const error = await refusal(signUp(uniqueIp(), { phone }));
    expect(error.code).toBe("TOO_MANY_ATTEMPTS");
    expect(await rowCounts(h)).toEqual(before);
  });

  it("sends no SMS to a number outside the allowed countries, and the sign-up succeeds", async () => {
    for (const phone of ["+12025550143", "+79161234567", "+380501234567", "+8613800138000"]) {
      const result = await signUp(uniqueIp(), { phone });
      expect([phone, result.phoneVerificationSent]).toEqual([phone, false]);
      expect(await smsTo(phone)).toBe(0);
      const row = await h.db.customer.findUniqueOrThrow({ where: { id: result.customerId }, select: { phone: true, phoneVerifiedAt: true } });
      expect(row).toEqual({ phone, phoneVerifiedAt: null });
    }
    // The e-mail code went out all the same.
    expect(await h.db.message.count({ where: { channel: "EMAIL", recipient: { startsWith: "abuse-" } } })).toBeGreaterThan(0);
  });
});

describe("the SMS budget", () => {
  it("knows the EEA, UK and CH calling codes, by prefix", () => {
    for (const phone of ["+35712345678", "+4915112345678", "+447700900123", "+41791234567", "+4791234567", "+3548401234", "+423661234567", "+33612345678"]) {
      expect([phone, smsCountryAllowed(phone)]).toEqual([phone, true]);
    }
    for (const phone of ["+12025550143", "+380501234567", "+355691234567", "+905321234567", "+79161234567", "+37412345678", "+3701"]) {
      expect([phone, smsCountryAllowed(phone)]).toEqual([phone, phone === "+3701"]);
    }
    expect(smsCountryAllowed("+12025550143", ["*"])).toBe(true);
    expect(smsCountryAllowed("+12025550143", ["1"])).toBe(true);
  });

  it("gives one address 20 SMS a day across numbers, without spending the numbers' budgets", async () => {
    const ip = uniqueIp();
    for (let i = 1; i <= 20; i++) expect((await reserveSms(h.rateLimits, uniquePhone(), ip)).send).toBe(true);
    const phone = uniquePhone();
    expect(await reserveSms(h.rateLimits, phone, ip)).toEqual({ send: false, reason: "budget" });
    // That number still has its own 5.
    for (let i = 1; i <= 5; i++) expect((await reserveSms(h.rateLimits, phone, uniqueIp())).send).toBe(true);
    expect((await reserveSms(h.rateLimits, phone, uniqueIp())).send).toBe(false);
  });

  it("refuses a resent phone code once the number's budget is spent, queueing nothing", async () => {
    const phone = uniquePhone();
    const ip = uniqueIp();
    const email = uniqueEmail("resend");
    const password = strongPassword();
    const first = await callerAs(h, null, { ip }).auth.signUp({ email, password, firstName: "Sam", lastName: "Pump", phone });
    expect(first.phoneVerificationSent).toBe(true);
    // Spend the rest of the number's budget elsewhere.
    for (let i = 2; i <= 5; i++) expect((await reserveSms(h.rateLimits, phone, uniqueIp())).send).toBe(true);
    const sessionId = await webLogin(h, email, password, { ip });
    const before = await smsTo(phone);
    const error = await refusal(callerAs(h, { type: "customer-session", sessionId }, { ip }).customer.resendCode({ channel: "phone" }));
    expect(error.code).toBe("TOO_MANY_ATTEMPTS");
    expect(await smsTo(phone)).toBe(before);
  });
});
