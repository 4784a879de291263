// Re-authentication (issue 12): sensitive changes need the password or a second factor
// entered in the last 5 minutes. The harness clock is fixed, so "a session older than 5
// minutes" is one `advance` away: this is the stolen-session attack, performed.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness";
import { codeAt, createCustomer, PASSWORD, signIn } from "../two-factor/fixtures";
import { codeOf, codeSentBy, refusal, web } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const SIX_MINUTES = 6 * 60_000;
const nextStep = () => h.clock.advance(30_000);
const uniqueAddress = () => `reauth-${randomUUID().slice(0, 8)}@example.com`;

/** A customer with two sessions (the caller's and another device's). */
async function twoSessions() {
  const email = uniqueAddress();
  const customer = await createCustomer(h, email);
  const mine = await signIn(h, email);
  const other = await signIn(h, email);
  // the session id as the web portal carries it (API access tokens would expire after 15 minutes)
  return { customer, email, mine, other, api: h.caller(web(mine.sessionId)) };
}

async function liveSessions(customerId: number) {
  return h.db.session.count({ where: { customerId, revokedAt: null } });
}

/** Enables OTP in a fresh session; returns the secret and the recovery codes. */
async function withOtp() {
  const s = await twoSessions();
  const setup = await s.api.otp.setup();
  const enabled = await s.api.otp.enable({ secret: setup.secret, code: await codeAt(setup.secret, h.clock.now()) });
  nextStep();
  // enabling replaced every session: sign in again (twice: this device and another)
  const mine = await signIn(h, s.email, await codeAt(setup.secret, h.clock.now()));
  nextStep();
  const other = await signIn(h, s.email, await codeAt(setup.secret, h.clock.now()));
  nextStep();
  return { ...s, mine, other, api: h.caller(web(mine.sessionId)), secret: setup.secret, recoveryCodes: enabled.recoveryCodes };
}

describe("REAUTH_REQUIRED: a session older than 5 minutes (a stolen one, say) cannot change factors or end sessions", () => {
  it("otp.enable is 401 REAUTH_REQUIRED and changes nothing; after session.reauthenticate with the password it works", async () => {
    const { customer, api, other } = await twoSessions();
    const setup = await api.otp.setup();
    h.clock.advance(SIX_MINUTES);
    const e = await refusal(api.otp.enable({ secret: setup.secret, code: await codeAt(setup.secret, h.clock.now()) }));
    expect(e.code).toBe("REAUTH_REQUIRED");
    expect(e.httpStatus).toBe(401);
    const row = await h.db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(row.otpEnabled).toBe(false);
    expect(row.otpSecretEnc).toBeNull();
    expect(await h.db.recoveryCode.count({ where: { customerId: customer.id } })).toBe(0);
    expect(await liveSessions(customer.id)).toBe(2);
    expect(await h.db.otpSetup.count({ where: { customerId: customer.id } })).toBe(1);

    const answer = await api.session.reauthenticate({ password: PASSWORD });
    expect(answer.reauthenticatedUntil).toBe(new Date(h.clock.now().getTime() + 5 * 60_000).toISOString());
    const enabled = await api.otp.enable({ secret: setup.secret, code: await codeAt(setup.secret, h.clock.now()) });
    expect(enabled.otpEnabled).toBe(1);
    // a change of factor ends every other session
    expect(await codeOf(h.caller(other.credential).otp.status())).toBe("INVALID_CUSTOMER_SESSION");
  });

  it("session.revokeOthers and session.revoke (of another session) are REAUTH_REQUIRED; the other session lives on", async () => {
    const { customer, api, other, mine } = await twoSessions();
    h.clock.advance(SIX_MINUTES);
    expect((await refusal(api.session.revokeOthers())).code).toBe("REAUTH_REQUIRED");
    expect((await refusal(api.session.revoke({ sessionId: other.sessionId }))).code).toBe("REAUTH_REQUIRED");
    expect(await liveSessions(customer.id)).toBe(2);
    expect(await codeOf(h.caller(other.credential).otp.status())).toBe("OK");
    // ending one's own session is a sign-out and needs nothing
    expect(await h.caller(mine.credential).session.revoke({ sessionId: mine.sessionId })).toEqual({ revoked: true, current: true });
  });

  it("a sign-in counts for its first 5 minutes, a re-authentication for the next 5, then the window closes again", async () => {
    const { customer, api } = await twoSessions();
    h.clock.advance(4 * 60_000);
    expect(await api.session.revokeOthers()).toEqual({ revoked: 1 });
    const third = await signIn(h, (await h.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).email);
    h.clock.advance(SIX_MINUTES);
    expect((await refusal(api.session.revoke({ sessionId: third.sessionId }))).code).toBe("REAUTH_REQUIRED");
    await api.session.reauthenticate({ password: PASSWORD });
    h.clock.advance(4 * 60_000);
    expect(await api.session.revoke({ sessionId: third.sessionId })).toEqual({ revoked: true, current: false });
    h.clock.advance(2 * 60_000);
    expect((await refusal(api.session.revokeOthers())).code).toBe("REAUTH_REQUIRED");
  });

  it("session.reauthenticate: a wrong password is INVALID_DATA (field password) and opens nothing; the 6th try in 15 minutes is 429", async () => {
    const { customer, api } = await twoSessions();
    h.clock.advance(SIX_MINUTES);
    for (let i = 0; i < 5; i++) {
      const e = await refusal(api.session.reauthenticate({ password: `wrong-${i}` }));
      expect(e.code).toBe("INVALID_DATA");
      expect(e.fieldErrors).toHaveProperty("password");
    }
    const stopped = await refusal(api.session.reauthenticate({ password: PASSWORD }));
    expect(stopped.code).toBe("TOO_MANY_ATTEMPTS");
    expect((await refusal(api.session.revokeOthers())).code).toBe("REAUTH_REQUIRED");
    expect(await liveSessions(customer.id)).toBe(2);
    const session = await h.db.session.findFirstOrThrow({ where: { customerId: customer.id, revokedAt: null }, orderBy: { createdAt: "asc" } });
    expect(session.reauthenticatedAt).toBeNull();
  });

  it("session.reauthenticate refuses both fields, neither field, and a code when two-factor is off", async () => {
    const { api } = await twoSessions();
    expect(await codeOf(api.session.reauthenticate({ password: PASSWORD, code: "123456" }))).toBe("INVALID_DATA");
    expect(await codeOf(api.session.reauthenticate({}))).toBe("INVALID_DATA");
    expect(await codeOf(api.session.reauthenticate({ code: "123456" }))).toBe("OTP_NOT_CONFIGURED");
    expect(await codeOf(h.caller(null).session.reauthenticate({ password: PASSWORD }))).toBe("INVALID_CUSTOMER_SESSION");
  });

  it("a current TOTP code re-authenticates too, and is used up (the same code cannot do it twice)", async () => {
    const { api, secret, customer } = await withOtp();
    h.clock.advance(SIX_MINUTES);
    expect((await refusal(api.session.revokeOthers())).code).toBe("REAUTH_REQUIRED");
    const code = await codeAt(secret, h.clock.now());
    await api.session.reauthenticate({ code });
    expect(await codeOf(api.session.reauthenticate({ code }))).toBe("INVALID_OTP_CODE");
    expect((await api.session.revokeOthers()).revoked).toBeGreaterThanOrEqual(1);
    expect(await liveSessions(customer.id)).toBe(1);
  });
});

describe("a request that carries a current factor counts by itself, in an old session", () => {
  it("otp.disable with a current code works, and ends every other session", async () => {
    const { api, secret, other, customer } = await withOtp();
    h.clock.advance(SIX_MINUTES);
    expect(await api.otp.disable({ code: await codeAt(secret, h.clock.now()) })).toEqual({ otpEnabled: 0 });
    expect(await codeOf(h.caller(other.credential).otp.status())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await liveSessions(customer.id)).toBe(1);
    expect(await api.otp.status()).toEqual({ otpEnabled: 0, recoveryCodesLeft: 0 });
  });

  it("otp.disable with a wrong code is refused and leaves the other sessions alone", async () => {
    const { api, other, customer } = await withOtp();
    h.clock.advance(SIX_MINUTES);
    expect(await codeOf(api.otp.disable({ code: "000000" }))).toBe("INVALID_OTP_CODE");
    expect(await codeOf(h.caller(other.credential).otp.status())).toBe("OK");
    expect((await h.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).otpEnabled).toBe(true);
  });

  it("otp.regenerateRecoveryCodes with a current code works in an old session", async () => {
    const { api, secret } = await withOtp();
    h.clock.advance(SIX_MINUTES);
    const out = await api.otp.regenerateRecoveryCodes({ code: await codeAt(secret, h.clock.now()) });
    expect(out.recoveryCodes).toHaveLength(10);
  });

  it("otp.enable replacing with current_code works in an old session and ends the other sessions", async () => {
    const { api, secret, other } = await withOtp();
    h.clock.advance(SIX_MINUTES);
    const setup = await api.otp.setup();
    const currentCode = await codeAt(secret, h.clock.now());
    const replaced = await api.otp.enable({ secret: setup.secret, code: await codeAt(setup.secret, h.clock.now()), currentCode });
    expect(replaced.replaced).toBe(true);
    expect(await codeOf(h.caller(other.credential).otp.status())).toBe("INVALID_CUSTOMER_SESSION");
  });

  it("customer.changePassword with the current password works in an old session", async () => {
    const { api } = await twoSessions();
    h.clock.advance(SIX_MINUTES);
    expect(await api.customer.changePassword({ currentPassword: PASSWORD, newPassword: "Brand-new-pass-77", newPasswordConfirmation: "Brand-new-pass-77" })).toEqual({
      passwordChanged: true,
    });
    // ...and it counts as a re-authentication for what follows
    expect(await api.session.revokeOthers()).toEqual({ revoked: 0 });
  });
});

describe("auth.resetPassword of an account with two-factor needs the second factor too", () => {
  const requestCode = (email: string) => codeSentBy(h, email, 6, () => h.caller().auth.requestPasswordReset({ email }));
  const NEW = "Fresh-password-2027";
  const reset = (email: string, code: string, otpCode?: string) =>
    h.caller().auth.resetPassword({ email, code, password: NEW, passwordConfirmation: NEW, ...(otpCode ? { otpCode } : {}) });
  const passwordWorks = async (email: string, password: string) =>
    codeOf(h.caller().auth.login({ email, password })).then((c) => c !== "CUSTOMER_NOT_FOUND_OR_INCORRECT");

  it("the e-mailed code alone is OTP_REQUIRED (the password stays, the code stays usable); with a wrong TOTP code INVALID_OTP_CODE; with a current one it resets", async () => {
    const { email, secret, other } = await withOtp();
    const code = await requestCode(email);
    expect(await codeOf(reset(email, code))).toBe("OTP_REQUIRED");
    expect(await passwordWorks(email, PASSWORD)).toBe(true);
    expect(await codeOf(reset(email, code, "000000"))).toBe("INVALID_OTP_CODE");
    expect(await passwordWorks(email, PASSWORD)).toBe(true);
    expect(await codeOf(h.caller(other.credential).otp.status())).toBe("OK");
    expect(await reset(email, code, await codeAt(secret, h.clock.now()))).toEqual({ passwordChanged: true });
    expect(await passwordWorks(email, NEW)).toBe(true);
    expect(await passwordWorks(email, PASSWORD)).toBe(false);
    // the code is used up
    nextStep();
    expect(await codeOf(reset(email, code, await codeAt(secret, h.clock.now())))).toBe("CODE_INVALID");
  });

  it("a recovery code stands in for the TOTP code", async () => {
    const { email, recoveryCodes } = await withOtp();
    const code = await requestCode(email);
    expect(await reset(email, code, recoveryCodes[0]!)).toEqual({ passwordChanged: true });
  });

  it("a wrong reset code is CODE_INVALID before two-factor is mentioned (nobody without the code learns that it is on)", async () => {
    const { email } = await withOtp();
    const code = await requestCode(email);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(await codeOf(reset(email, wrong))).toBe("CODE_INVALID");
    expect(await codeOf(reset(uniqueAddress(), wrong))).toBe("CODE_INVALID");
  });
});
