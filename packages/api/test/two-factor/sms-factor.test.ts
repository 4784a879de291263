// Text messages as a second factor (issue 16): turning it on and off, the sign-in's second
// step by SMS, and the attacker's tries (replay, another account's code, parallel use of one
// code, resend floods). Real PostgreSQL, real outbox; codes read back as the phone shows them.
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginCustomer, type LoginInput } from "../../src/auth/login";
import { createSession } from "../../src/session/sessions";
import { createHarness, type Harness } from "../support/harness";
import { callerAs, codeOf, messageIds, newMessages, refusal, rowCounts, uniqueEmail, uniqueIp, uniquePhone, web } from "../identity/fixtures";
import { challengeOf, confirmed } from "../step-up/fixtures";
import { createCustomer, PASSWORD } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const request = () => ({ requestId: "sms-test", ip: uniqueIp(), userAgent: "vitest" });

/** The one 6-digit code in the SMS messages `action` sent to `phone`. */
async function smsCodeSentBy(phone: string, action: () => Promise<unknown>): Promise<string> {
  const before = await messageIds(h, phone);
  await action().catch(() => undefined);
  const sent = await newMessages(h, phone, before);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ channel: "SMS" });
  const match = / is (\d{6})\b/.exec(sent[0]!.body);
  expect(match?.[1]).toMatch(/^\d{6}$/);
  return match![1]!;
}

async function webSession(customerId: number) {
  const session = await h.db.$transaction((tx) => createSession(tx, { customerId, kind: "WEB", request: request(), now: h.clock.now() }));
  return { sessionId: session.sessionId, api: callerAs(h, web(session.sessionId), request()) };
}

/** A customer with a verified phone and a fresh web session. */
async function customerWithPhone(options: { verified?: boolean } = {}) {
  const email = uniqueEmail("sms");
  const phone = uniquePhone();
  const c = await createCustomer(h, email);
  await h.db.customer.update({
    where: { id: c.id },
    data: { phone, phoneVerifiedAt: options.verified === false ? null : h.clock.now() },
  });
  return { id: c.id, email, phone, ...(await webSession(c.id)) };
}

/** Turns the SMS factor on through the procedures; returns the recovery codes shown. */
async function withSmsFactor() {
  const c = await customerWithPhone();
  const code = await smsCodeSentBy(c.phone, () => c.api.smsFactor.sendSetupCode());
  const enabled = await c.api.smsFactor.enable({ code });
  return { ...c, recoveryCodes: enabled.recoveryCodes! };
}

/** smsFactor.disable as the customer does it: confirmed by an SMS code when it is the last factor. */
const turnSmsOff = (c: { id: number; api: ReturnType<typeof callerAs> }) =>
  confirmed(h, c.api, c.id, (stepUp) => c.api.smsFactor.disable(stepUp ? { stepUp } : undefined));

const login = (input: LoginInput, ip = uniqueIp()) =>
  loginCustomer(h, input, { requestId: "login", ip, userAgent: "vitest" }, "API");

describe("turning text messages on", () => {
  it("asks for re-authentication first, then a verified phone, and changes nothing when refused", async () => {
    const c = await customerWithPhone({ verified: false });
    h.clock.advance(6 * 60_000);
    const before = await rowCounts(h);
    expect(await codeOf(c.api.smsFactor.sendSetupCode())).toBe("REAUTH_REQUIRED");
    expect(await codeOf(c.api.smsFactor.enable({ code: "123456" }))).toBe("REAUTH_REQUIRED");
    expect(await codeOf(c.api.smsFactor.disable())).toBe("REAUTH_REQUIRED");
    await c.api.session.reauthenticate({ password: PASSWORD });
    expect(await codeOf(c.api.smsFactor.sendSetupCode())).toBe("PHONE_NOT_VERIFIED");
    expect(await codeOf(c.api.smsFactor.enable({ code: "123456" }))).toBe("PHONE_NOT_VERIFIED");
    const after = await rowCounts(h);
    expect(after.messages).toBe(before.messages);
    expect(after.codes).toBe(before.codes);
    expect((await c.api.smsFactor.status()).smsOtpEnabled).toBe(false);
  });

  it("refuses a wrong code and a sign-in code, then turns on with the setup code: recovery codes once, other sessions end", async () => {
    const c = await customerWithPhone();
    const other = await webSession(c.id);
    const code = await smsCodeSentBy(c.phone, () => c.api.smsFactor.sendSetupCode());
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    const refused = await refusal(c.api.smsFactor.enable({ code: wrong }));
    expect(refused.code).toBe("CODE_INVALID");
    expect(refused.fieldCodes).toEqual({ code: ["INCORRECT"] });
    expect((await c.api.smsFactor.status()).smsOtpEnabled).toBe(false);
    expect(await codeOf(other.api.customer.me())).toBe("OK");

    const enabled = await c.api.smsFactor.enable({ code });
    expect(enabled.smsOtpEnabled).toBe(true);
    expect(enabled.recoveryCodes).toHaveLength(10);
    expect(await c.api.smsFactor.status()).toEqual({
      smsOtpEnabled: true,
      totpEnabled: false,
      phone: `•••• ${c.phone.slice(-4)}`,
      phoneVerified: true,
      defaultFactor: "SMS",
      recoveryCodesLeft: 10,
    });
    // the caller stays signed in, every other session ended
    expect(await codeOf(c.api.customer.me())).toBe("OK");
    expect(await codeOf(other.api.customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    // the code is spent: a replay is refused
    expect(await codeOf(c.api.smsFactor.enable({ code }))).toBe("CODE_INVALID");
    const notice = await h.db.message.findFirst({ where: { recipient: c.email, template: "security-notice" }, orderBy: { createdAt: "desc" } });
    expect(notice?.body).toMatch(/text message were turned on/);
    expect(await h.db.auditEvent.count({ where: { customerId: c.id, kind: "customer.sms_otp_enabled" } })).toBe(1);
  });

  it("does not take a sign-in code of the same customer as the setup code (codes are bound to their use)", async () => {
    const c = await withSmsFactor();
    await turnSmsOff(c);
    await h.rateLimits.reset("smsCodeCooldown", `${c.id}:SMS_FACTOR_SETUP`);
    // SMS off again: a setup code, and (with the factor briefly on) a sign-in code of the same customer
    const setup = await smsCodeSentBy(c.phone, () => c.api.smsFactor.sendSetupCode());
    await h.db.customer.update({ where: { id: c.id }, data: { smsOtpEnabled: true } });
    await h.rateLimits.reset("smsCodeCooldown", `${c.id}:SMS_SIGN_IN`);
    const signInCode = await smsCodeSentBy(c.phone, () => login({ email: c.email, password: PASSWORD }));
    await h.db.customer.update({ where: { id: c.id }, data: { smsOtpEnabled: false } });
    expect(await codeOf(c.api.smsFactor.enable({ code: signInCode === setup ? "000000" : signInCode }))).toBe("CODE_INVALID");
    expect(await codeOf(c.api.smsFactor.enable({ code: setup }))).toBe("OK");
  });
});

describe("signing in with a code by SMS (seed 002's login, second step)", () => {
  it("answers OTP_REQUIRED with the channels and sends a 6-digit code; the code signs in once; otp_enabled is 1", async () => {
    const c = await withSmsFactor();
    const first = await refusal(login({ email: c.email, password: PASSWORD }));
    expect(first.code).toBe("OTP_REQUIRED");
    expect(first.details).toMatchObject({ otpChannels: ["sms", "recovery"], otpDefaultChannel: "sms", smsSent: true, smsResendAfterSeconds: 60 });
    expect(first.details?.smsSentTo).toBe(`•••• ${c.phone.slice(-4)}`);
    const sms = await newMessages(h, c.phone, new Set());
    const code = / is (\d{6})\./.exec(sms.at(-1)!.body)![1]!;
    expect(sms.at(-1)!.template).toBe("sign-in-code-sms");
    // stored hashed only
    const row = await h.db.verificationCode.findFirstOrThrow({ where: { customerId: c.id, purpose: "SMS_SIGN_IN", consumedAt: null } });
    expect(row.codeHash).not.toContain(code);
    expect(row.expiresAt.getTime() - h.clock.now().getTime()).toBe(10 * 60_000);

    const ok = await login({ email: c.email, password: PASSWORD, otpCode: code });
    expect(ok.otpEnabled).toBe(1);
    expect(ok.tokens?.token).toBeTruthy();
    // replay of the same code
    expect(await codeOf(login({ email: c.email, password: PASSWORD, otpCode: code }))).toBe("INVALID_OTP_CODE");
  });

  it("refuses a wrong code, another account's code, an expired code, and kills a code after 5 tries", async () => {
    const a = await withSmsFactor();
    const b = await withSmsFactor();
    const codeA = await smsCodeSentBy(a.phone, () => login({ email: a.email, password: PASSWORD }));
    const codeB = await smsCodeSentBy(b.phone, () => login({ email: b.email, password: PASSWORD }));
    // B's code for A's account
    if (codeB !== codeA) expect(await codeOf(login({ email: a.email, password: PASSWORD, otpCode: codeB }))).toBe("INVALID_OTP_CODE");
    const wrong = (code: string, n: number) => String((Number(code) + n) % 1_000_000).padStart(6, "0");
    // 4 more wrong tries on A's code (5 in all with B's code, or 4 if they matched): the code dies
    const tries = codeB !== codeA ? 4 : 5;
    for (let i = 1; i <= tries; i++) {
      if (i === 4) await h.rateLimits.reset("otpAttempts", String(a.id)); // the OTP throttle is not what is tested here
      expect(await codeOf(login({ email: a.email, password: PASSWORD, otpCode: wrong(codeA, i) }))).toBe("INVALID_OTP_CODE");
    }
    await h.rateLimits.reset("otpAttempts", String(a.id));
    expect(await codeOf(login({ email: a.email, password: PASSWORD, otpCode: codeA }))).toBe("INVALID_OTP_CODE");
    // B's own code still works, and the expired case: a new code, 10 minutes later
    expect(await codeOf(login({ email: b.email, password: PASSWORD, otpCode: codeB }))).toBe("OK");
    await h.rateLimits.reset("smsCodeCooldown", `${a.id}:SMS_SIGN_IN`);
    const late = await smsCodeSentBy(a.phone, () => login({ email: a.email, password: PASSWORD }));
    h.clock.advance(10 * 60_000 + 1);
    expect(await codeOf(login({ email: a.email, password: PASSWORD, otpCode: late }))).toBe("INVALID_OTP_CODE");
  });

  it("lets exactly one of several parallel sign-ins with one code through", async () => {
    const c = await withSmsFactor();
    const code = await smsCodeSentBy(c.phone, () => login({ email: c.email, password: PASSWORD }));
    const results = await Promise.all(Array.from({ length: 5 }, () => codeOf(login({ email: c.email, password: PASSWORD, otpCode: code }))));
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
    expect(results.filter((r) => r === "INVALID_OTP_CODE")).toHaveLength(4);
  });

  it("resend: once a minute (429 with the wait), a repeated first step sends nothing; the newest code alone works", async () => {
    const c = await withSmsFactor();
    const first = await smsCodeSentBy(c.phone, () => login({ email: c.email, password: PASSWORD }));
    const before = await messageIds(h, c.phone);
    const again = await refusal(login({ email: c.email, password: PASSWORD }));
    expect(again.code).toBe("OTP_REQUIRED");
    expect(again.details).toMatchObject({ smsSent: false });
    const resend = await refusal(login({ email: c.email, password: PASSWORD, otpChannel: "sms" }));
    expect(resend.code).toBe("TOO_MANY_ATTEMPTS");
    expect(resend.details?.retryAfterSeconds).toBeGreaterThan(0);
    expect(resend.details?.otpChannels).toEqual(["sms", "recovery"]);
    expect(await newMessages(h, c.phone, before)).toHaveLength(0);
    // after the cool-down (the throttle runs on real time: cleared here) a resend sends a new code
    await h.rateLimits.reset("smsCodeCooldown", `${c.id}:SMS_SIGN_IN`);
    const second = await smsCodeSentBy(c.phone, () => login({ email: c.email, password: PASSWORD, otpChannel: "sms" }));
    if (first !== second) expect(await codeOf(login({ email: c.email, password: PASSWORD, otpCode: first }))).toBe("INVALID_OTP_CODE");
    expect(await codeOf(login({ email: c.email, password: PASSWORD, otpCode: second }))).toBe("OK");
  });

  it("a resend flood stops at the number's SMS budget, whatever the client address", async () => {
    const c = await withSmsFactor(); // the setup code was SMS 1 of the number's 5 a day
    const sent: string[] = [];
    const answers: string[] = [];
    for (let i = 0; i < 8; i++) {
      await h.rateLimits.reset("smsCodeCooldown", `${c.id}:SMS_SIGN_IN`);
      const before = await messageIds(h, c.phone);
      answers.push((await codeOf(login({ email: c.email, password: PASSWORD, otpChannel: "sms" }, uniqueIp()))) ?? "");
      sent.push(...[...(await newMessages(h, c.phone, before))].map((m) => m.id));
    }
    expect(sent).toHaveLength(4);
    expect(answers.slice(0, 4)).toEqual(["OTP_REQUIRED", "OTP_REQUIRED", "OTP_REQUIRED", "OTP_REQUIRED"]);
    expect(answers.slice(4)).toEqual(["TOO_MANY_ATTEMPTS", "TOO_MANY_ATTEMPTS", "TOO_MANY_ATTEMPTS", "TOO_MANY_ATTEMPTS"]);
    // the password was right every time: the login throttle gave every point back
    expect(await codeOf(login({ email: c.email, password: PASSWORD, otpCode: c.recoveryCodes[0]! }))).toBe("OK");
  });

  it("no enumeration: a wrong password never sends an SMS or names the channels", async () => {
    const c = await withSmsFactor();
    const before = await messageIds(h, c.phone);
    const refused = await refusal(login({ email: c.email, password: "Wrong-Password-1", otpChannel: "sms" }));
    expect(refused.code).toBe("CUSTOMER_NOT_FOUND_OR_INCORRECT");
    expect(refused.details).toBeUndefined();
    expect(await newMessages(h, c.phone, before)).toHaveLength(0);
  });

  it("a recovery code stands in once; a channel that is not on is INVALID_DATA", async () => {
    const c = await withSmsFactor();
    expect(await codeOf(login({ email: c.email, password: PASSWORD, otpChannel: "totp", otpCode: "123456" }))).toBe("INVALID_DATA");
    expect(await codeOf(login({ email: c.email, password: PASSWORD, otpCode: c.recoveryCodes[1]! }))).toBe("OK");
    expect(await codeOf(login({ email: c.email, password: PASSWORD, otpCode: c.recoveryCodes[1]! }))).toBe("INVALID_OTP_CODE");
  });
});

describe("both factors", () => {
  async function withBoth() {
    const c = await withSmsFactor();
    const setup = await c.api.otp.setup();
    await c.api.otp.enable({ secret: setup.secret, code: await generate({ secret: setup.secret, epoch: Math.floor(h.clock.now().getTime() / 1000) }) });
    h.clock.advance(30_000);
    // enabling the app replaced every session, the caller's too: sign in again
    return { ...c, ...(await webSession(c.id)), secret: setup.secret };
  }

  it("asks for the app first (no SMS) until text messages are the default; either factor's code signs in", async () => {
    const c = await withBoth();
    const before = await messageIds(h, c.phone);
    const first = await refusal(login({ email: c.email, password: PASSWORD }));
    expect(first.details).toEqual({ otpChannels: ["totp", "sms", "recovery"], otpDefaultChannel: "totp" });
    expect(await newMessages(h, c.phone, before)).toHaveLength(0);
    const totp = await generate({ secret: c.secret, epoch: Math.floor(h.clock.now().getTime() / 1000) });
    expect(await codeOf(login({ email: c.email, password: PASSWORD, otpCode: totp }))).toBe("OK");

    expect(await c.api.smsFactor.setDefault({ factor: "SMS" })).toEqual({ defaultFactor: "SMS" });
    const sms = await smsCodeSentBy(c.phone, () => login({ email: c.email, password: PASSWORD }));
    expect(await codeOf(login({ email: c.email, password: PASSWORD, otpCode: sms, otpChannel: "sms" }))).toBe("OK");
  });

  it("turning text messages off while the app stays on needs no confirmation; two-factor stays on", async () => {
    const c = await withBoth();
    expect(await c.api.smsFactor.disable()).toEqual({ smsOtpEnabled: false });
    expect(await h.db.recoveryCode.count({ where: { customerId: c.id } })).toBe(10);
    expect((await refusal(login({ email: c.email, password: PASSWORD }))).code).toBe("OTP_REQUIRED");
  });

  it("turning the app off keeps the recovery codes while text messages are on; turning both off removes them", async () => {
    const c = await withBoth();
    const totp = await generate({ secret: c.secret, epoch: Math.floor(h.clock.now().getTime() / 1000) });
    await c.api.otp.disable({ code: totp });
    expect(await h.db.recoveryCode.count({ where: { customerId: c.id } })).toBe(10);
    expect((await c.api.smsFactor.status()).defaultFactor).toBe("SMS");
    expect(await codeOf(c.api.smsFactor.setDefault({ factor: "TOTP" }))).toBe("INVALID_DATA");
    await turnSmsOff(c);
    expect(await h.db.recoveryCode.count({ where: { customerId: c.id } })).toBe(0);
    const ok = await login({ email: c.email, password: PASSWORD });
    expect(ok.otpEnabled).toBe(0);
  });
});

describe("turning text messages off", () => {
  it("as the last factor it needs an SMS confirmation bound to it: nothing changes until then, and a confirmation is used once", async () => {
    const c = await withSmsFactor();
    const asked = await challengeOf(c.api.smsFactor.disable());
    expect(asked.channels).toEqual(["sms"]);
    expect((await c.api.smsFactor.status()).smsOtpEnabled).toBe(true);
    // A confirmation made for new recovery codes does not turn text messages off.
    const other = await challengeOf(c.api.otp.regenerateRecoveryCodes({}));
    const otherCode = await smsCodeSentBy(c.phone, () => c.api.stepUp.send({ challengeId: other.challengeId, channel: "sms" }));
    expect(await codeOf(c.api.smsFactor.disable({ stepUp: { challengeId: other.challengeId, code: otherCode } }))).toBe("STEP_UP_MISMATCH");
    // A wrong code leaves it on, with a try used.
    const code = await smsCodeSentBy(c.phone, () => c.api.stepUp.send({ challengeId: asked.challengeId, channel: "sms" }));
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    const refused = await refusal(c.api.smsFactor.disable({ stepUp: { challengeId: asked.challengeId, code: wrong } }));
    expect([refused.code, refused.details]).toEqual(["CODE_INVALID", { challengeId: asked.challengeId, triesLeft: 4 }]);
    expect((await c.api.smsFactor.status()).smsOtpEnabled).toBe(true);
    expect(await c.api.smsFactor.disable({ stepUp: { challengeId: asked.challengeId, code } })).toEqual({ smsOtpEnabled: false });
    expect(await h.db.recoveryCode.count({ where: { customerId: c.id } })).toBe(0);
    expect(await codeOf(c.api.smsFactor.disable({ stepUp: { challengeId: asked.challengeId, code } }))).toBe("OK"); // already off: nothing to confirm
  });


  it("ends the other sessions, voids live sign-in codes, and sign-in needs no code any more", async () => {
    const c = await withSmsFactor();
    const code = await smsCodeSentBy(c.phone, () => login({ email: c.email, password: PASSWORD }));
    const other = await webSession(c.id);
    expect(await turnSmsOff(c)).toEqual({ smsOtpEnabled: false });
    expect(await codeOf(other.api.customer.me())).toBe("INVALID_CUSTOMER_SESSION");
    expect(await codeOf(c.api.customer.me())).toBe("OK");
    expect(await h.db.verificationCode.count({ where: { customerId: c.id, purpose: "SMS_SIGN_IN", consumedAt: null } })).toBe(0);
    const ok = await login({ email: c.email, password: PASSWORD, otpCode: code });
    expect(ok.otpEnabled).toBe(0);
    expect(await h.db.recoveryCode.count({ where: { customerId: c.id } })).toBe(0);
  });
});

describe("new recovery codes with text messages alone", () => {
  it("are confirmed by an SMS code: the old codes stop working, the new ones work once", async () => {
    const c = await withSmsFactor();
    // The app's code is no way in: there is no app.
    expect(await codeOf(c.api.otp.regenerateRecoveryCodes({ code: "123456" }))).toBe("OTP_NOT_CONFIGURED");
    const asked = await challengeOf(c.api.otp.regenerateRecoveryCodes({}));
    expect(asked.channels).toEqual(["sms"]);
    const code = await smsCodeSentBy(c.phone, () => c.api.stepUp.send({ challengeId: asked.challengeId, channel: "sms" }));
    const { recoveryCodes } = await c.api.otp.regenerateRecoveryCodes({ stepUp: { challengeId: asked.challengeId, code } });
    expect(recoveryCodes).toHaveLength(10);
    expect(recoveryCodes).not.toContain(c.recoveryCodes[0]);
    expect(await codeOf(c.api.otp.regenerateRecoveryCodes({ stepUp: { challengeId: asked.challengeId, code } }))).toBe("STEP_UP_USED");
    expect(await codeOf(login({ email: c.email, password: PASSWORD, otpCode: c.recoveryCodes[0]! }))).toBe("INVALID_OTP_CODE");
    expect(await codeOf(login({ email: c.email, password: PASSWORD, otpCode: recoveryCodes[0]! }))).toBe("OK");
    expect(await codeOf(c.api.otp.regenerateRecoveryCodes({ code: "123456", stepUp: { challengeId: asked.challengeId, code } }))).toBe("INVALID_DATA");
  });

  it("without any second factor: OTP_NOT_CONFIGURED, and no challenge is made", async () => {
    const c = await customerWithPhone();
    expect(await codeOf(c.api.otp.regenerateRecoveryCodes({}))).toBe("OTP_NOT_CONFIGURED");
    expect(await h.db.stepUpChallenge.count({ where: { customerId: c.id } })).toBe(0);
  });
});
