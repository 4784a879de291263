// Seed 003 over real HTTP at the seed's own paths: sign-up, phone verification by SMS
// code, token refresh, and the forgotten password (GET forget-password, PUT
// change-password). Successes wear seed 003's envelope; every documented refusal answers
// its status and code in the API's error body and changes nothing.
import { randomUUID } from "node:crypto";
import { seedDemoData } from "@brokerage/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  changePasswordResponseSchema,
  forgetPasswordResponseSchema,
  phoneVerifiedResponseSchema,
  signUpResponseSchema,
  userTokensResponseSchema,
} from "../../src/http-api/schemas-mobile";
import { createHarness } from "../support/harness";
import { codeAt } from "../two-factor/fixtures";
import { codeIn, expectError } from "./mobile-support";
import { harnessDeps, startApiServer, type HttpReply, type Setup } from "./support";

let s: Setup;
beforeAll(async () => {
  const h = await createHarness({ poolSize: 10 });
  await seedDemoData(h.db);
  await h.db.brand.create({ data: { code: "closed", displayName: "Closed Markets", selfServiceRegistration: false } });
  // Each test comes from an address of its own (the sign-up throttle counts per address).
  const api = await startApiServer(harnessDeps(h), { clientAddress: (r) => r.headers.get("x-test-client") });
  s = { h, api };
});
afterAll(async () => {
  await s?.api.close();
  await s?.h.close();
});

const PASSWORD = "Blue-Otter-Sings-7";
const TEN_MINUTES = 10 * 60 * 1000;
let phoneCounter = 0;
const uniqueEmail = (tag = "u") => `${tag}-${randomUUID().slice(0, 8)}@example.com`;
const uniquePhone = () => `+3579${String(process.pid % 1000).padStart(3, "0")}${String(++phoneCounter).padStart(4, "0")}`;
const client = () => ({ "x-test-client": `198.51.100.${1 + Math.floor(Math.random() * 250)}` });

const call = (method: string, path: string, options: { body?: unknown; token?: string | null; from?: Record<string, string> } = {}) =>
  s.api.call(method, path, { body: options.body, token: options.token ?? null, headers: options.from ?? client() });

const signUp = (body: Record<string, unknown>, from = client()) => call("POST", "/v1/user/sign-up", { body, from });
const customers = () => s.h.db.customer.count();

async function registered(options: { phone?: boolean } = {}) {
  const email = uniqueEmail();
  const phoneNumber = options.phone === false ? undefined : uniquePhone();
  const reply = await signUp({ email, password: PASSWORD, name: "Ada", surname: "Lovelace", ...(phoneNumber ? { phoneNumber } : {}) });
  expect(reply.status, reply.text).toBe(200);
  const customer = await s.h.db.customer.findUniqueOrThrow({ where: { email } });
  return { email, phoneNumber, customer, reply };
}

async function loginAs(email: string, password = PASSWORD, otpCode?: string) {
  const reply = await call("POST", "/customer/auth/login", { body: { email, password, ...(otpCode ? { otp_code: otpCode } : {}) } });
  return reply;
}

async function tokenOf(email: string) {
  const reply = await loginAs(email);
  expect(reply.status, reply.text).toBe(200);
  return { token: reply.body.__token as string, refreshToken: reply.body.refresh_token as string };
}

const smsCode = async (phone: string) => {
  const row = await s.h.db.message.findFirstOrThrow({ where: { recipient: phone, channel: "SMS" }, orderBy: { createdAt: "desc" } });
  const { renderMessageBody } = await import("../../src/messaging");
  return codeIn(renderMessageBody(row), 4);
};

const emailCode = async (email: string, template?: string) => {
  const row = await s.h.db.message.findFirstOrThrow({
    where: { recipient: email, channel: "EMAIL", ...(template ? { template } : {}) },
    orderBy: { createdAt: "desc" },
  });
  const { renderMessageBody } = await import("../../src/messaging");
  return codeIn(renderMessageBody(row), 6);
};

const expectEnvelope = (reply: HttpReply, data: unknown) => {
  expect(reply.status, reply.text).toBe(200);
  expect(reply.body).toEqual({ success: true, data, errorCode: 0, errorMessage: "" });
};

describe("POST /v1/user/sign-up", () => {
  it("signs up with the seed's fields (plus name and surname) and answers the seed's envelope", async () => {
    const { email, phoneNumber, customer, reply } = await registered();
    expect(signUpResponseSchema.strict().safeParse(reply.body).success).toBe(true);
    expectEnvelope(reply, {
      userId: String(customer.id),
      email,
      phoneNumber,
      name: "Ada",
      surname: "Lovelace",
      accounts: [],
      kycIds: [],
      documentIds: [],
      emailVerificationSent: true,
      phoneVerificationSent: true,
    });
    expect([customer.firstName, customer.lastName, customer.phone, customer.emailVerifiedAt, customer.phoneVerifiedAt]).toEqual([
      "Ada",
      "Lovelace",
      phoneNumber,
      null,
      null,
    ]);
    expect(await smsCode(phoneNumber!)).toMatch(/^\d{4}$/);
    expect(await emailCode(email)).toMatch(/^\d{6}$/);
  });

  it("answers every documented refusal and creates nobody", async () => {
    const taken = (await registered({ phone: false })).email;
    const before = await customers();
    const valid = () => ({ email: uniqueEmail(), password: PASSWORD, name: "Ada", surname: "Lovelace" });

    expectError(await signUp({ ...valid(), email: "not-an-email" }), 400, "INVALID_DATA", ["email"]);
    expectError(await signUp({ ...valid(), phoneNumber: "0035799" }), 400, "INVALID_DATA", ["phoneNumber"]);
    expectError(await signUp({ email: uniqueEmail(), password: PASSWORD }), 400, "INVALID_DATA", ["name", "surname"]);
    expectError(await signUp({ ...valid(), nickname: "ada" }), 400, "INVALID_DATA", ["nickname"]);
    // The procedure's names are not the HTTP ones: `firstName` is unknown here.
    expectError(await signUp({ ...valid(), firstName: "Ada" }), 400, "INVALID_DATA", ["firstName"]);
    expectError(await signUp([valid()] as unknown as Record<string, unknown>), 400, "INVALID_DATA", ["_form"]);
    expectError(await signUp({ ...valid(), password: "Short-1" }), 409, "PASSWORD_TOO_SHORT");
    expectError(await signUp({ ...valid(), password: `${"Ab1-".repeat(16)}x` }), 409, "PASSWORD_TOO_LONG");
    expectError(await signUp({ ...valid(), password: "password123" }), 409, "PASSWORD_TOO_WEAK");
    const sameAsEmail = valid();
    expectError(await signUp({ ...sameAsEmail, password: sameAsEmail.email }), 409, "PASSWORD_TOO_WEAK");
    expectError(await signUp({ ...valid(), email: taken.toUpperCase() }), 409, "EMAIL_ALREADY_REGISTERED");
    const staffOnly = await signUp({ ...valid(), roles: ["ADMIN"], deskId: 1 });
    expectError(staffOnly, 409, "NON_ADMIN_FIELD", ["roles", "deskId"]);
    expect(staffOnly.body.field_codes).toEqual({ roles: ["STAFF_ONLY"], deskId: ["STAFF_ONLY"] });
    expectError(await signUp({ ...valid(), roles: [] }), 409, "NON_ADMIN_FIELD", ["roles"]);
    expectError(await signUp({ ...valid(), name: "Admin" }), 409, "RESERVED_NAME");
    expectError(await signUp({ ...valid(), brand: "closed" }), 403, "REGISTRATION_DISABLED");
    expectError(await signUp({ ...valid(), brand: "no-such-brand" }), 403, "REGISTRATION_DISABLED");
    const form = await s.api.call("POST", "/v1/user/sign-up", {
      body: "email=a%40b.c&password=x",
      headers: { ...client(), "content-type": "application/x-www-form-urlencoded" },
    });
    expectError(form, 415, "UNSUPPORTED_MEDIA_TYPE");
    expect(await customers()).toBe(before);
  });

  it("throttles sign-ups per phone number (10 a day): the 11th is 429 TOO_MANY_ATTEMPTS", async () => {
    const phoneNumber = uniquePhone();
    const attempt = () => signUp({ email: uniqueEmail(), password: PASSWORD, name: "Ada", surname: "Lovelace", phoneNumber, brand: "closed" });
    for (let i = 0; i < 10; i++) expectError(await attempt(), 403, "REGISTRATION_DISABLED");
    const refused = await attempt();
    expectError(refused, 429, "TOO_MANY_ATTEMPTS");
    expect(refused.headers.get("retry-after")).toBe(String(refused.body.retry_after_seconds));
  });

  it("throttles sign-ups per client address, as the trusted-proxy logic gives it", async () => {
    const from = { "x-test-client": "203.0.113.77" };
    for (let i = 0; i < 20; i++) {
      expectError(await signUp({ email: uniqueEmail(), password: PASSWORD, name: "Ada", surname: "Lovelace", brand: "closed" }, from), 403, "REGISTRATION_DISABLED");
    }
    expectError(await signUp({ email: uniqueEmail(), password: PASSWORD, name: "Ada", surname: "Lovelace" }, from), 429, "TOO_MANY_ATTEMPTS");
    // Another address is not held back.
    expect((await signUp({ email: uniqueEmail(), password: PASSWORD, name: "Ada", surname: "Lovelace" }, { "x-test-client": "203.0.113.78" })).status).toBe(200);
  });
});

describe("POST /v1/user/otp (phone verification)", () => {
  it("verifies the phone with the SMS code, the seed's other fields accepted", async () => {
    const { email, phoneNumber, customer } = await registered();
    const { token } = await tokenOf(email);
    const reply = await call("POST", "/v1/user/otp", {
      token,
      body: { sessionId: "whatever", username: email, challengeType: "PHONE_VERIFICATION", code: await smsCode(phoneNumber!) },
    });
    expect(phoneVerifiedResponseSchema.strict().safeParse(reply.body).success).toBe(true);
    expectEnvelope(reply, {});
    const row = await s.h.db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(row.phoneVerifiedAt).not.toBeNull();
  });

  it("answers every documented refusal, leaving the phone unverified", async () => {
    const { email, phoneNumber, customer } = await registered();
    const { token } = await tokenOf(email);
    const code = await smsCode(phoneNumber!);
    const wrong = code === "0000" ? "1111" : "0000";
    const verify = (body: unknown, t: string | null = token) => call("POST", "/v1/user/otp", { token: t, body });

    expectError(await verify({ code }, null), 401, "INVALID_CUSTOMER_SESSION");
    expectError(await verify("{broken", null), 401, "INVALID_CUSTOMER_SESSION");
    expectError(await verify({ code }, "made-up-token-123456"), 401, "INVALID_CUSTOMER_SESSION");
    expectError(await verify({ code: "123456" }), 400, "INVALID_DATA", ["code"]);
    expectError(await verify({}), 400, "INVALID_DATA", ["code"]);
    expectError(await verify({ code, challengeType: "SMS_MFA" }), 400, "INVALID_DATA", ["challengeType"]);
    expectError(await verify({ code: wrong }), 400, "CODE_INVALID");
    // Someone else's code is no code of mine.
    const other = await registered();
    expectError(await verify({ code: await smsCode(other.phoneNumber!) }), 400, "CODE_INVALID");
    expect((await s.h.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).phoneVerifiedAt).toBeNull();

    // Five wrong tries use the code up: the right one no longer works.
    for (let i = 0; i < 4; i++) expectError(await verify({ code: wrong }), 400, "CODE_INVALID");
    expectError(await verify({ code }), 400, "CODE_INVALID");
    expect((await s.h.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).phoneVerifiedAt).toBeNull();

    // A customer without a phone number has nothing to verify.
    const noPhone = await registered({ phone: false });
    expectError(await verify({ code: "1234" }, (await tokenOf(noPhone.email)).token), 400, "CODE_INVALID");
  });

  it("answers CODE_EXPIRED for a code older than 10 minutes", async () => {
    const { email, phoneNumber, customer } = await registered();
    const code = await smsCode(phoneNumber!);
    s.h.clock.advance(TEN_MINUTES + 1000);
    try {
      const { token } = await tokenOf(email);
      expectError(await call("POST", "/v1/user/otp", { token, body: { code } }), 400, "CODE_EXPIRED");
    } finally {
      s.h.clock.advance(-(TEN_MINUTES + 1000));
    }
    expect((await s.h.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).phoneVerifiedAt).toBeNull();
  });
});

describe("POST /v1/user/refresh", () => {
  it("rotates the tokens in the seed's envelope; a reused refresh token ends the session", async () => {
    const { email } = await registered({ phone: false });
    const first = await tokenOf(email);
    const reply = await call("POST", "/v1/user/refresh", { body: { username: email, refreshToken: first.refreshToken } });
    expect(reply.status, reply.text).toBe(200);
    expect(userTokensResponseSchema.strict().safeParse(reply.body).success).toBe(true);
    const data = reply.body.data as { accessToken: string; refreshToken: string; tokenExpiresAt: string };
    expect(data.refreshToken).not.toBe(first.refreshToken);
    expect((await call("GET", "/api/v2/my/accounts", { token: data.accessToken })).status).toBe(200);
    expectError(await call("GET", "/api/v2/my/accounts", { token: first.token }), 401, "INVALID_CUSTOMER_SESSION");

    // Replay: refused, and the whole session ends.
    expectError(await call("POST", "/v1/user/refresh", { body: { refreshToken: first.refreshToken } }), 401, "INVALID_CUSTOMER_SESSION");
    expectError(await call("GET", "/api/v2/my/accounts", { token: data.accessToken }), 401, "INVALID_CUSTOMER_SESSION");
    expectError(await call("POST", "/v1/user/refresh", { body: { refreshToken: data.refreshToken } }), 401, "INVALID_CUSTOMER_SESSION");
  });

  it("refuses malformed and unknown refresh tokens", async () => {
    expectError(await call("POST", "/v1/user/refresh", { body: {} }), 400, "INVALID_DATA", ["refreshToken"]);
    expectError(await call("POST", "/v1/user/refresh", { body: { refreshToken: "short" } }), 400, "INVALID_DATA", ["refreshToken"]);
    expectError(await call("POST", "/v1/user/refresh", { body: { refresh_token: "x".repeat(40) } }), 400, "INVALID_DATA", ["refreshToken", "refresh_token"]);
    expectError(await call("POST", "/v1/user/refresh", { body: { refreshToken: "x".repeat(40) } }), 401, "INVALID_CUSTOMER_SESSION");
  });
});

describe("the forgotten password: GET /v1/user/forget-password, PUT /v1/user/change-password", () => {
  it("e-mails a code, sets the new password with it and ends every session", async () => {
    const { email } = await registered({ phone: false });
    const { token } = await tokenOf(email);
    const asked = await call("GET", `/v1/user/forget-password?email=${encodeURIComponent(email.toUpperCase())}`);
    expect(forgetPasswordResponseSchema.strict().safeParse(asked.body).success).toBe(true);
    expectEnvelope(asked, { codeDeliveryDetails: { deliveryMedium: "EMAIL", attributeName: "email" } });
    const code = await emailCode(email, "password-reset-code");

    const reply = await call("PUT", "/v1/user/change-password", {
      body: { username: email, code, password: "New-Otter-Sings-8", passwordConfirm: "New-Otter-Sings-8", challengeType: "FORGOT_PASSWORD", sessionId: "x" },
    });
    expect(changePasswordResponseSchema.strict().safeParse(reply.body).success).toBe(true);
    expectEnvelope(reply, { data: {} });
    expectError(await loginAs(email), 403, "CUSTOMER_NOT_FOUND_OR_INCORRECT");
    expect((await loginAs(email, "New-Otter-Sings-8")).status).toBe(200);
    expectError(await call("GET", "/api/v2/my/accounts", { token }), 401, "INVALID_CUSTOMER_SESSION");
  });

  it("answers an unknown address exactly as a known one, and sends it nothing", async () => {
    const unknown = uniqueEmail("nobody");
    const reply = await call("GET", `/v1/user/forget-password?email=${encodeURIComponent(unknown)}`);
    expectEnvelope(reply, { codeDeliveryDetails: { deliveryMedium: "EMAIL", attributeName: "email" } });
    expect(await s.h.db.message.count({ where: { recipient: unknown } })).toBe(0);
  });

  it("forget-password refuses a missing or bad address and throttles per address (3 in 15 minutes)", async () => {
    expectError(await call("GET", "/v1/user/forget-password"), 400, "INVALID_DATA", ["email"]);
    expectError(await call("GET", "/v1/user/forget-password?email=nope"), 400, "INVALID_DATA", ["email"]);
    expectError(await call("GET", "/v1/user/forget-password?email=a@b.co&email=c@d.co"), 400, "INVALID_DATA", ["email"]);
    expectError(await call("GET", "/v1/user/forget-password?mail=a@b.co"), 400, "INVALID_DATA", ["mail"]);
    const { email } = await registered({ phone: false });
    const ask = () => call("GET", `/v1/user/forget-password?email=${encodeURIComponent(email)}`);
    for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(200);
    const mails = await s.h.db.message.count({ where: { recipient: email } });
    const refused = await ask();
    expectError(refused, 429, "TOO_MANY_ATTEMPTS");
    expect(await s.h.db.message.count({ where: { recipient: email } })).toBe(mails);
  });

  it("change-password answers every documented refusal and keeps the old password", async () => {
    const { email, customer } = await registered({ phone: false });
    await call("GET", `/v1/user/forget-password?email=${encodeURIComponent(email)}`);
    const code = await emailCode(email, "password-reset-code");
    const wrong = code === "000000" ? "111111" : "000000";
    const change = (body: Record<string, unknown>) =>
      call("PUT", "/v1/user/change-password", { body: { username: email, code, password: "New-Otter-Sings-8", passwordConfirm: "New-Otter-Sings-8", ...body } });
    const hash = async () => (await s.h.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).passwordHash;
    const before = await hash();

    expectError(await change({ passwordConfirm: "New-Otter-Sings-9" }), 400, "INVALID_DATA", ["passwordConfirm"]);
    expectError(await change({ username: "not-an-email" }), 400, "INVALID_DATA", ["username"]);
    expectError(await change({ code: "12345" }), 400, "INVALID_DATA", ["code"]);
    expectError(await change({ email }), 400, "INVALID_DATA", ["email"]);
    expectError(await change({ challengeType: "SMS_MFA" }), 400, "INVALID_DATA", ["challengeType"]);
    expectError(await change({ password: "Short-1", passwordConfirm: "Short-1" }), 409, "PASSWORD_TOO_SHORT");
    expectError(await change({ password: "x".repeat(65), passwordConfirm: "x".repeat(65) }), 409, "PASSWORD_TOO_LONG");
    expectError(await change({ password: "password123", passwordConfirm: "password123" }), 409, "PASSWORD_TOO_WEAK");
    expectError(await change({ code: wrong }), 400, "CODE_INVALID");
    expectError(await change({ username: uniqueEmail("nobody") }), 400, "CODE_INVALID");
    expect(await hash()).toBe(before);

    // Past its 10 minutes the right code is CODE_EXPIRED.
    s.h.clock.advance(TEN_MINUTES + 1000);
    try {
      expectError(await change({}), 400, "CODE_EXPIRED");
    } finally {
      s.h.clock.advance(-(TEN_MINUTES + 1000));
    }
    expect(await hash()).toBe(before);
    expect((await loginAs(email)).status).toBe(200);
  });

  it("with two-factor on: OTP_REQUIRED without otpCode, INVALID_OTP_CODE with a wrong one, then the reset with a right one", async () => {
    const { email } = await registered({ phone: false });
    const { token } = await tokenOf(email);
    const setup = await call("GET", "/customer/auth/otp", { token });
    const secret = setup.body.secret as string;
    const enabled = await call("PUT", "/customer/auth/otp", { token, body: { secret, code: await codeAt(secret, s.h.clock.now()) } });
    expect(enabled.status, enabled.text).toBe(200);
    s.h.clock.advance(30_000);

    await call("GET", `/v1/user/forget-password?email=${encodeURIComponent(email)}`);
    const code = await emailCode(email, "password-reset-code");
    const change = (otpCode?: string) =>
      call("PUT", "/v1/user/change-password", {
        body: { username: email, code, password: "New-Otter-Sings-8", passwordConfirm: "New-Otter-Sings-8", ...(otpCode ? { otpCode } : {}) },
      });
    expectError(await change(), 403, "OTP_REQUIRED");
    expectError(await change("000000"), 403, "INVALID_OTP_CODE");
    expectError(await loginAs(email, "New-Otter-Sings-8", await codeAt(secret, s.h.clock.now())), 403, "CUSTOMER_NOT_FOUND_OR_INCORRECT");
    s.h.clock.advance(30_000);
    expectEnvelope(await change(await codeAt(secret, s.h.clock.now())), { data: {} });
  });

  it("change-password is throttled per address: after 10 wrong codes a day, 429 TOO_MANY_ATTEMPTS", async () => {
    const { email } = await registered({ phone: false });
    await call("GET", `/v1/user/forget-password?email=${encodeURIComponent(email)}`);
    const code = await emailCode(email, "password-reset-code");
    const wrong = code === "000000" ? "111111" : "000000";
    const change = (c: string) =>
      call("PUT", "/v1/user/change-password", { body: { username: email, code: c, password: "New-Otter-Sings-8", passwordConfirm: "New-Otter-Sings-8" } });
    for (let i = 0; i < 10; i++) expect((await change(wrong)).body.error).toMatch(/^CODE_/);
    const refused = await change(code);
    expectError(refused, 429, "TOO_MANY_ATTEMPTS");
    expect((await loginAs(email)).status).toBe(200);
  });
});
