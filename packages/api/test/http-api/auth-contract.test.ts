// Seed 002 over real HTTP: login, linked accounts, TOTP, and the additive refresh and
// logout, compared field by field with the seed's examples and error table.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/passwords/password-hashing";
import {
  errorBodySchema,
  loginResponseSchema,
  otpEnableResponseSchema,
  otpSetupResponseSchema,
  sessionAccountsResponseSchema,
  tokensResponseSchema,
} from "../../src/http-api/schemas";
import { codeAt } from "../two-factor/fixtures";
import { expectShape, SEED_002, seedRow } from "./seeds";
import { keysOf, login, newCustomer, PASSWORD, setUp, signedIn, tearDown, type Setup } from "./support";

let s: Setup;
beforeAll(async () => {
  s = await setUp();
});
afterAll(() => tearDown(s));

const nextStep = () => s.h.clock.advance(30_000);
const code = (secret: string) => codeAt(secret, s.h.clock.now());

/** Sets up and enables OTP over HTTP; answers the secret, the recovery codes and the new token. */
async function enableOtp(token: string) {
  const setup = await s.api.call("GET", "/customer/auth/otp", { token });
  expect(setup.status).toBe(200);
  const secret = setup.body.secret as string;
  const enabled = await s.api.call("PUT", "/customer/auth/otp", { token, body: { secret, code: await code(secret) } });
  expect(enabled.status).toBe(200);
  nextStep();
  return { secret, recoveryCodes: enabled.body.recovery_codes as string[], token: enabled.body.__token as string };
}

describe("POST /customer/auth/login", () => {
  it("answers seed 002's success body, key for key, plus the additive refresh_token, token_expires_at and device_token", async () => {
    const brand = await s.h.db.brand.findUniqueOrThrow({ where: { code: "default" } });
    const customer = await s.h.db.customer.create({
      data: {
        brandId: brand.id,
        email: "client@example.com",
        passwordHash: await hashPassword("strong-password"),
        firstName: "John",
        lastName: "Smith",
        phone: "+35700000000",
        deskId: 1,
        managerId: 10,
        emailVerifiedAt: new Date(),
      },
    });
    // The seed's request as it stands: otp_code is only looked at when OTP is enabled.
    const first = await s.api.call("POST", "/customer/auth/login", { body: SEED_002.loginRequest });
    expect(first.status).toBe(200);
    const token = first.body.__token as string;
    const opened = await s.api.call("POST", "/customer/account/open", { token, body: { group: "demo-usd" } });
    expect(opened.status).toBe(200);
    const otp = await enableOtp(token);

    const reply = await s.api.call("POST", "/customer/auth/login", {
      body: { ...SEED_002.loginRequest, otp_code: await code(otp.secret) },
    });
    expect(reply.status).toBe(200);
    expect(expectShape(reply.body, SEED_002.loginResponse, ["refresh_token", "token_expires_at", "device_token"])).toEqual([]);
    const now = s.h.clock.now();
    expect(reply.body).toEqual({
      customer_id: customer.id,
      email: "client@example.com",
      full_name: "John Smith",
      first_name: "John",
      last_name: "Smith",
      status: 0,
      phone: "+35700000000",
      preferred_language: "en",
      brand: "default",
      desk_id: 1,
      manager_id: 10,
      last_login_time: Math.floor(now.getTime() / 1000),
      otp_enabled: 1,
      accounts: [
        {
          login: opened.body.login,
          customer_id: customer.id,
          enable: 1,
          leverage: 100,
          group: "demo-usd",
          name: "John Smith",
          email: "client@example.com",
        },
      ],
      __token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      refresh_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      token_expires_at: new Date(now.getTime() + 15 * 60_000).toISOString(),
      device_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(expectShape(reply.body.accounts, SEED_002.loginResponse.accounts)).toEqual([]);
    expect(loginResponseSchema.strict().safeParse(reply.body).success).toBe(true);
    // The bearer token is SESSION_CUSTOMER.
    const accounts = await s.api.call("GET", "/customer/session/accounts", { token: reply.body.__token as string });
    expect(accounts.status).toBe(200);
  });

  it("answers every error row of seed 002 with its status and the seed's body", async () => {
    // The seed's body exactly, plus only the documented additive fields of a code: the
    // channels of a second-factor challenge for OTP_REQUIRED (issue 16).
    const ADDITIVE: Record<string, string[]> = { OTP_REQUIRED: ["otp_channels", "otp_default_channel", "sms_sent", "sms_sent_to", "sms_resend_after_seconds"] };
    const expectRow = (reply: { status: number; body: unknown }, codeName: string) => {
      const row = seedRow(codeName);
      const allowed = new Set(["error", "message", ...(ADDITIVE[codeName] ?? [])]);
      const body = reply.body as Record<string, unknown>;
      expect({ status: reply.status, error: body["error"], message: body["message"] }, codeName).toEqual({
        status: row.status,
        error: row.error,
        message: row.description,
      });
      expect(Object.keys(body).filter((key) => !allowed.has(key)), codeName).toEqual([]);
    };
    const post = (body: unknown) => s.api.call("POST", "/customer/auth/login", { body });

    // 400 INVALID_DATA, with the offending fields (additive field_errors).
    const invalid = await post({ email: "client", password: 42 });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual({
      error: "INVALID_DATA",
      message: seedRow("INVALID_DATA").description,
      field_errors: { email: [expect.any(String)], password: [expect.any(String)] },
      // Additive: the same fields with machine codes.
      field_codes: { email: ["INVALID_FORMAT"], password: ["INVALID_TYPE"] },
    });
    expect(errorBodySchema(["INVALID_DATA"]).strict().safeParse(invalid.body).success).toBe(true);

    // 403 CUSTOMER_NOT_FOUND_OR_INCORRECT: the same answer for an unknown e-mail and a wrong password.
    const known = await newCustomer(s.h);
    expectRow(await post({ email: "nobody@example.com", password: "whatever-1234" }), "CUSTOMER_NOT_FOUND_OR_INCORRECT");
    expectRow(await post({ email: known.email, password: "wrong-password" }), "CUSTOMER_NOT_FOUND_OR_INCORRECT");

    // 403 CUSTOMER_DISABLED.
    const disabled = await newCustomer(s.h, { status: 1 });
    expectRow(await post({ email: disabled.email, password: "Correct-Horse-42" }), "CUSTOMER_DISABLED");

    // 403 OTP_REQUIRED and INVALID_OTP_CODE.
    const { customer, token } = await signedIn(s);
    const otp = await enableOtp(token);
    expectRow(await post({ email: customer.email, password: "Correct-Horse-42" }), "OTP_REQUIRED");
    // An empty or blank otp_code is a missing one, not invalid data.
    expectRow(await post({ email: customer.email, password: "Correct-Horse-42", otp_code: "" }), "OTP_REQUIRED");
    expectRow(await post({ email: customer.email, password: "Correct-Horse-42", otp_code: "   " }), "OTP_REQUIRED");
    expectRow(await post({ email: customer.email, password: "Correct-Horse-42", otp_code: "000000" }), "INVALID_OTP_CODE");
    const ok = await post({ email: customer.email, password: "Correct-Horse-42", otp_code: await code(otp.secret) });
    expect(ok.status).toBe(200);

    // 403 OTP_NOT_CONFIGURED: enabled, but the secret is gone.
    const broken = await newCustomer(s.h);
    await s.h.db.customer.update({ where: { id: broken.id }, data: { otpEnabled: true, otpSecretEnc: null } });
    expectRow(await post({ email: broken.email, password: "Correct-Horse-42", otp_code: "123456" }), "OTP_NOT_CONFIGURED");
  });
});

describe("POST /customer/auth/login: throttled guessing, and the owner's device_token", () => {
  it("an attacker's 6th wrong password is 429 TOO_MANY_ATTEMPTS; the owner's known device_token still signs in", async () => {
    const customer = await newCustomer(s.h);
    const owner = await login(s.api, customer.email);
    const deviceToken = owner.device_token as string;
    expect(deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const guess = (extra: Record<string, string> = {}) =>
      s.api.call("POST", "/customer/auth/login", { body: { email: customer.email, password: "wrong-password-1", ...extra } });
    for (let i = 0; i < 5; i++) expect((await guess()).status).toBe(403);
    const stopped = await guess();
    expect(stopped.status).toBe(429);
    expect(stopped.body.error).toBe("TOO_MANY_ATTEMPTS");
    const sessionsBefore = await s.h.db.session.count({ where: { customerId: customer.id } });
    // a made-up device token is no known device
    expect((await guess({ device_token: "A".repeat(43) })).status).toBe(429);
    expect(await s.h.db.session.count({ where: { customerId: customer.id } })).toBe(sessionsBefore);
    const known = await s.api.call("POST", "/customer/auth/login", {
      body: { email: customer.email, password: PASSWORD, device_token: deviceToken },
    });
    expect(known.status).toBe(200);
    expect(known.body.customer_id).toBe(customer.id);
    expect(known.body.device_token).toBe(deviceToken);
  });
});

describe("GET /customer/session/accounts", () => {
  it("answers the seed's body with the customer's trading accounts", async () => {
    const { customer, token } = await signedIn(s);
    expect((await s.api.call("GET", "/customer/session/accounts", { token })).body).toEqual({ accounts: [] });
    const opened = await s.api.call("POST", "/customer/account/open", { token, body: { group: "demo-eur", leverage: 200 } });
    const reply = await s.api.call("GET", "/customer/session/accounts", { token });
    expect(reply.status).toBe(200);
    expect(expectShape(reply.body, SEED_002.sessionAccounts)).toEqual([]);
    expect(reply.body).toEqual({
      accounts: [
        {
          login: opened.body.login,
          customer_id: customer.id,
          enable: 1,
          leverage: 200,
          group: "demo-eur",
          name: "John Smith",
          email: customer.email,
        },
      ],
    });
    expect(sessionAccountsResponseSchema.strict().safeParse(reply.body).success).toBe(true);
  });

  it("is 401 INVALID_CUSTOMER_SESSION without a token, with an unknown one, or another scheme", async () => {
    const variants: Array<Record<string, string>> = [
      {},
      { authorization: "Bearer not-a-token" },
      { authorization: "Basic Zm9vOmJhcg==" },
      { authorization: "Bearer" },
    ];
    for (const headers of variants) {
      const reply = await s.api.call("GET", "/customer/session/accounts", { headers });
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ error: "INVALID_CUSTOMER_SESSION", message: "Customer session is missing, expired or revoked" });
      expect(reply.headers.get("www-authenticate")).toBe('Bearer realm="customer"');
    }
  });
});

describe("POST /customer/auth/reauthenticate", () => {
  it("PUT /customer/auth/otp in a session older than 5 minutes is 401 REAUTH_REQUIRED; after re-authenticating with the password it enables", async () => {
    const { customer, token } = await signedIn(s);
    const setup = await s.api.call("GET", "/customer/auth/otp", { token });
    // access tokens live 15 minutes: 6 minutes later this one still works, the sign-in no longer counts
    s.h.clock.advance(6 * 60_000);
    const enable = () => code(setup.body.secret as string).then((c) => s.api.call("PUT", "/customer/auth/otp", { token, body: { secret: setup.body.secret, code: c } }));
    const refused = await enable();
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error: "REAUTH_REQUIRED" });
    expect((await s.h.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).otpEnabled).toBe(false);

    const wrong = await s.api.call("POST", "/customer/auth/reauthenticate", { token, body: { password: "not-the-password" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe("INVALID_DATA");
    const both = await s.api.call("POST", "/customer/auth/reauthenticate", { token, body: { password: PASSWORD, code: "123456" } });
    expect(both.status).toBe(400);
    const anonymous = await s.api.call("POST", "/customer/auth/reauthenticate", { body: { password: PASSWORD } });
    expect(anonymous.status).toBe(401);

    const ok = await s.api.call("POST", "/customer/auth/reauthenticate", { token, body: { password: PASSWORD } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ reauthenticated_until: new Date(s.h.clock.now().getTime() + 5 * 60_000).toISOString() });
    const enabled = await enable();
    expect(enabled.status).toBe(200);
    expect(enabled.body.otp_enabled).toBe(1);
  });
});

describe("TOTP (GET, PUT, DELETE /customer/auth/otp, POST /customer/auth/otp/check)", () => {
  it("runs the seed's setup, enable, check and disable with the seed's bodies", async () => {
    const { customer, token } = await signedIn(s);

    const setup = await s.api.call("GET", "/customer/auth/otp", { token });
    expect(setup.status).toBe(200);
    expect(expectShape(setup.body, SEED_002.otpSetup, ["qr_code"])).toEqual([]);
    const secret = setup.body.secret as string;
    expect(setup.body).toEqual({
      otp_url: `otpauth://totp/Northwind%20Markets:${encodeURIComponent(customer.email)}?secret=${secret}&issuer=Northwind%20Markets&algorithm=SHA1&digits=6&period=30`,
      secret: expect.stringMatching(/^[A-Z2-7]{32,}$/),
      algorithm: "SHA1",
      digits: 6,
      period: 30,
      qr_code: expect.stringMatching(/^data:image\/png;base64,/),
    });
    expect(otpSetupResponseSchema.strict().safeParse(setup.body).success).toBe(true);

    // PUT with the seed's request fields (current_code only when OTP is already enabled).
    const enabled = await s.api.call("PUT", "/customer/auth/otp", { token, body: { secret, code: await code(secret) } });
    expect(enabled.status).toBe(200);
    expect(expectShape(enabled.body, SEED_002.otpEnableResponse, ["recovery_codes", "__token", "refresh_token", "token_expires_at"])).toEqual([]);
    expect(enabled.body.otp_enabled).toBe(1);
    expect(enabled.body.recovery_codes).toHaveLength(10);
    expect(otpEnableResponseSchema.strict().safeParse(enabled.body).success).toBe(true);
    // The caller's session was replaced: the old token is dead, the new one works.
    expect((await s.api.call("GET", "/customer/session/accounts", { token })).status).toBe(401);
    const fresh = enabled.body.__token as string;
    expect((await s.api.call("GET", "/customer/session/accounts", { token: fresh })).status).toBe(200);
    nextStep();

    const checkCode = await code(secret);
    const check = await s.api.call("POST", "/customer/auth/otp/check", { token: fresh, body: { code: checkCode } });
    expect([check.status, check.body]).toEqual([200, SEED_002.otpCheckResponse]);
    const replay = await s.api.call("POST", "/customer/auth/otp/check", { token: fresh, body: { code: checkCode } });
    expect([replay.status, replay.body]).toEqual([403, { error: "INVALID_OTP_CODE", message: "OTP code is invalid" }]);
    nextStep();

    // Replacing needs current_code: the seed's full PUT request.
    const second = await s.api.call("GET", "/customer/auth/otp", { token: fresh });
    const newSecret = second.body.secret as string;
    const missing = await s.api.call("PUT", "/customer/auth/otp", { token: fresh, body: { secret: newSecret, code: await code(newSecret) } });
    expect([missing.status, missing.body.error]).toEqual([403, "OTP_REQUIRED"]);
    const replaced = await s.api.call("PUT", "/customer/auth/otp", {
      token: fresh,
      body: { secret: newSecret, code: await code(newSecret), current_code: await code(secret) },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.otp_enabled).toBe(1);
    const third = replaced.body.__token as string;
    nextStep();

    const disabled = await s.api.call("DELETE", "/customer/auth/otp", { token: third, body: { code: await code(newSecret) } });
    expect([disabled.status, disabled.body]).toEqual([200, SEED_002.otpDisableResponse]);
    const after = await s.api.call("POST", "/customer/auth/otp/check", { token: third, body: { code: "123456" } });
    expect([after.status, after.body]).toEqual([403, { error: "OTP_NOT_CONFIGURED", message: "OTP is enabled but secret is missing" }]);
  });

  it("refuses a secret the server never issued with INVALID_DATA naming the field", async () => {
    const { token } = await signedIn(s);
    const reply = await s.api.call("PUT", "/customer/auth/otp", { token, body: SEED_002.otpEnableRequest });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      error: "INVALID_DATA",
      message: "Invalid request body",
      field_errors: { secret: [expect.stringMatching(/not issued/)] },
      field_codes: { secret: ["EXPIRED"] },
    });
  });

  it("answers 429 TOO_MANY_ATTEMPTS with retry_after_seconds and Retry-After after 5 wrong codes", async () => {
    const { token } = await signedIn(s);
    const otp = await enableOtp(token);
    for (let i = 0; i < 5; i++) {
      expect((await s.api.call("POST", "/customer/auth/otp/check", { token: otp.token, body: { code: "000000" } })).status).toBe(403);
    }
    const reply = await s.api.call("POST", "/customer/auth/otp/check", { token: otp.token, body: { code: await code(otp.secret) } });
    expect(reply.status).toBe(429);
    expect(reply.body).toEqual({
      error: "TOO_MANY_ATTEMPTS",
      message: "Too many attempts; try again later",
      retry_after_seconds: expect.any(Number),
    });
    expect(reply.headers.get("retry-after")).toBe(String(reply.body.retry_after_seconds));
  });

  it("checks the session before the body: anonymous or revoked callers with broken bodies get 401", async () => {
    const { token } = await signedIn(s);
    await s.api.call("POST", "/customer/auth/logout", { token });
    for (const t of [null, token, "x".repeat(43)]) {
      for (const [method, path] of [
        ["PUT", "/customer/auth/otp"],
        ["DELETE", "/customer/auth/otp"],
        ["POST", "/customer/auth/otp/check"],
        ["POST", "/customer/account/open"],
        ["POST", "/customer/auth/logout"],
      ] as const) {
        const reply = await s.api.call(method, path, { token: t, body: "{not json", headers: { "content-type": "text/plain" } });
        expect([method, path, reply.status, reply.body.error]).toEqual([method, path, 401, "INVALID_CUSTOMER_SESSION"]);
      }
    }
  });
});

describe("POST /customer/auth/refresh and POST /customer/auth/logout", () => {
  it("rotates tokens; a reused refresh token ends the session for every token of it", async () => {
    const { token, refreshToken } = await signedIn(s);
    const first = await s.api.call("POST", "/customer/auth/refresh", { body: { refresh_token: refreshToken } });
    expect(first.status).toBe(200);
    expect(keysOf(first.body)).toEqual(["__token", "refresh_token", "token_expires_at"]);
    expect(tokensResponseSchema.strict().safeParse(first.body).success).toBe(true);
    const access2 = first.body.__token as string;
    const refresh2 = first.body.refresh_token as string;
    expect([access2, refresh2]).not.toContain(token);
    expect(refresh2).not.toBe(refreshToken);
    // Rotation: the old access token stops, the new one works.
    expect((await s.api.call("GET", "/customer/session/accounts", { token })).status).toBe(401);
    expect((await s.api.call("GET", "/customer/session/accounts", { token: access2 })).status).toBe(200);

    // Reuse of the first refresh token: 401, and the whole session ends.
    const reuse = await s.api.call("POST", "/customer/auth/refresh", { body: { refresh_token: refreshToken } });
    expect([reuse.status, reuse.body.error]).toEqual([401, "INVALID_CUSTOMER_SESSION"]);
    expect((await s.api.call("GET", "/customer/session/accounts", { token: access2 })).status).toBe(401);
    const later = await s.api.call("POST", "/customer/auth/refresh", { body: { refresh_token: refresh2 } });
    expect([later.status, later.body.error]).toEqual([401, "INVALID_CUSTOMER_SESSION"]);
  });

  it("renews an expired access token; refuses malformed and unknown refresh tokens", async () => {
    const { token, refreshToken } = await signedIn(s);
    s.h.clock.advance(16 * 60_000);
    expect((await s.api.call("GET", "/customer/session/accounts", { token })).status).toBe(401);
    const renewed = await s.api.call("POST", "/customer/auth/refresh", { body: { refresh_token: refreshToken } });
    expect(renewed.status).toBe(200);
    expect((await s.api.call("GET", "/customer/session/accounts", { token: renewed.body.__token as string })).status).toBe(200);

    const short = await s.api.call("POST", "/customer/auth/refresh", { body: { refresh_token: "short" } });
    expect([short.status, Object.keys(short.body.field_errors as object)]).toEqual([400, ["refresh_token"]]);
    const camel = await s.api.call("POST", "/customer/auth/refresh", { body: { refreshToken } });
    expect([camel.status, camel.body.field_errors]).toEqual([
      400,
      { refresh_token: [expect.any(String)], refreshToken: ["Unknown field"] },
    ]);
    const unknown = await s.api.call("POST", "/customer/auth/refresh", { body: { refresh_token: "y".repeat(43) } });
    expect([unknown.status, unknown.body.error]).toEqual([401, "INVALID_CUSTOMER_SESSION"]);
  });

  it("logout ends the session and revokes both of its tokens", async () => {
    const { token, refreshToken } = await signedIn(s);
    const other = await signedIn(s);
    const bad = await s.api.call("POST", "/customer/auth/logout", { token, body: { everywhere: true } });
    expect([bad.status, bad.body.field_errors]).toEqual([400, { everywhere: ["Unknown field"] }]);
    const out = await s.api.call("POST", "/customer/auth/logout", { token, body: {} });
    expect([out.status, out.body]).toEqual([200, { logged_out: true }]);
    expect((await s.api.call("GET", "/customer/session/accounts", { token })).status).toBe(401);
    const refresh = await s.api.call("POST", "/customer/auth/refresh", { body: { refresh_token: refreshToken } });
    expect([refresh.status, refresh.body.error]).toEqual([401, "INVALID_CUSTOMER_SESSION"]);
    expect((await s.api.call("POST", "/customer/auth/logout", { token })).status).toBe(401);
    // Another session is untouched.
    expect((await s.api.call("GET", "/customer/session/accounts", { token: other.token })).status).toBe(200);
    await login(s.api, other.customer.email);
  });
});
