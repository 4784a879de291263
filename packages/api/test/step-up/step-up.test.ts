// Step-up confirmation (issue 16): a challenge bound to one operation and its parameters,
// for one customer and session, single use, 5 minutes, 5 tries; channels, throttles, and
// re-authentication before it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptSecret } from "../../src/otp/secret-box";
import { createSession } from "../../src/session/sessions";
import type { Credential } from "../../src/context";
import { coreBalance, failure, fund, lastEmail, newCustomer, openFrom, seedGroups } from "../accounts/fixtures";
import { codeInBody } from "../identity/fixtures";
import { BIC, IBAN, key, moneyCustomer } from "../money/fixtures";
import { createHarness, type Harness } from "../support/harness";
import { codeAt } from "../two-factor/fixtures";
import { challengeOf, emailedCode } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedGroups(h);
});
afterAll(() => h.close());

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ";
const MINUTE = 60_000;

/** A KYC-approved customer with 1,000.00 USD in a REAL account and a saved bank account; `plain` asks for confirmations. */
async function funded(options: { totp?: boolean } = {}) {
  const c = await moneyCustomer(h);
  await fund(h, c.real.login, "1000.00");
  const method = await c.api.payoutMethods.add({ iban: IBAN, bic: BIC, holderName: `${c.customer.firstName} ${c.customer.lastName}` });
  if (options.totp) await h.db.customer.update({ where: { id: c.customer.id }, data: { otpEnabled: true, otpSecretEnc: encryptSecret(SECRET) } });
  const withdrawal = (amount = "10.00") => ({ accountId: c.real.id, amount, payoutMethodId: method.id, idempotencyKey: key("wd") });
  return { ...c, plain: c.plainApi, method, withdrawal };
}

const withdrawalsOf = (customerId: number) => h.db.withdrawal.count({ where: { customerId } });
const challengeRow = (id: string) => h.db.stepUpChallenge.findUniqueOrThrow({ where: { id } });
/** A fresh TOTP code: the clock moves a step on, as each step is accepted once. */
const nextTotp = async () => {
  h.clock.advance(30_000);
  return codeAt(SECRET, h.clock.now());
};

describe("the flow by e-mail (no second factor)", () => {
  it("answers STEP_UP_REQUIRED with the channels and a challenge, e-mails a code naming the operation, and the retry passes once", async () => {
    const c = await funded();
    const input = c.withdrawal("25.00");
    const refusal = await failure(c.plain.withdrawals.request(input));
    expect([refusal?.code, refusal?.httpStatus]).toEqual(["STEP_UP_REQUIRED", 403]);
    const details = refusal!.details as { channels: string[]; challengeId: string; expiresAt: string; operation: string };
    expect(details).toEqual({
      channels: ["email"],
      challengeId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      expiresAt: new Date(h.clock.now().getTime() + 5 * MINUTE).toISOString(),
      operation: "withdrawals.request",
    });
    expect(await withdrawalsOf(c.customer.id)).toBe(0);

    const sent = await c.plain.stepUp.send({ challengeId: details.challengeId, channel: "email" });
    expect(sent).toEqual({ channel: "email", sent: true, destination: expect.stringMatching(/^t•••@example\.com$/), expiresAt: details.expiresAt, resendAfterSeconds: 30 });
    const mail = await lastEmail(h, c.customer.id, "step-up-code");
    expect(mail.recipient).toBe(c.customer.email);
    expect(mail.body).toContain(`withdrawal of 25.00 USD from account ${c.real.login}`);
    const code = codeInBody(mail.body, 6);
    // The outbox row keeps only the placeholder; the code is encrypted beside it.
    const row = await h.db.message.findUniqueOrThrow({ where: { id: mail.id } });
    expect(row.body).toContain("{{secret}}");
    expect(row.body).not.toContain(code);

    const done = await c.plain.withdrawals.request({ ...input, stepUp: { challengeId: details.challengeId, code } });
    expect(done.status).toBe("PENDING");
    expect(await coreBalance(h, c.real.login)).toBe("975.00");
    // Single use: the same confirmation for the same withdrawal again (a new key) is refused.
    expect((await failure(c.plain.withdrawals.request({ ...input, idempotencyKey: key(), stepUp: { challengeId: details.challengeId, code } })))?.code).toBe("STEP_UP_USED");
    // The first request's key repeats its answer without a new confirmation.
    expect((await c.plain.withdrawals.request(input)).id).toBe(done.id);
    expect(await withdrawalsOf(c.customer.id)).toBe(1);
    const audit = await h.db.auditEvent.findMany({ where: { customerId: c.customer.id, kind: "customer.step_up_confirmed" }, select: { data: true } });
    expect(audit.map((a) => a.data)).toContainEqual({ operation: "withdrawals.request", channel: "email", challengeId: details.challengeId });
  });

  it("writes the code e-mail, and the summary the challenge stores, in the customer's preferred language (German)", async () => {
    const c = await funded();
    await c.plain.profile.setPreferredLanguage({ language: "de" });
    const input = c.withdrawal("25.00");
    const { challengeId } = await challengeOf(c.plain.withdrawals.request(input));
    // The summary is fixed in German when the challenge is made.
    expect((await challengeRow(challengeId)).summary).toBe(`Auszahlung von 25.00 USD von Konto ${c.real.login}`);
    await c.plain.stepUp.send({ challengeId, channel: "email" });
    const mail = await lastEmail(h, c.customer.id, "step-up-code");
    expect(mail.subject).toContain("Ihr Bestätigungscode");
    expect(mail.body).toContain(`um diesen Vorgang zu bestätigen: Auszahlung von 25.00 USD von Konto ${c.real.login}.`);
    expect(mail.body).toContain("Dies ist eine automatisch erstellte Nachricht");
    expect(mail.body).not.toMatch(/withdrawal|Your code/);
    // The German code confirms as any other.
    const code = codeInBody(mail.body, 6);
    expect((await c.plain.withdrawals.request({ ...input, stepUp: { challengeId, code } })).status).toBe("PENDING");
  });

  it("a confirmation for one operation cannot be used for another, nor with other parameters, nor from another session or customer", async () => {
    const c = await funded();
    const input = c.withdrawal("30.00");
    const { challengeId } = await challengeOf(c.plain.withdrawals.request(input));
    const code = await emailedCode(h, c.plain, c.customer.id, challengeId);
    const stepUp = { challengeId, code };

    const otherAmount = await failure(c.plain.withdrawals.request({ ...input, amount: "31.00", stepUp }));
    expect([otherAmount?.code, otherAmount?.httpStatus]).toEqual(["STEP_UP_MISMATCH", 403]);
    expect((await failure(c.plain.withdrawals.request({ ...input, accountId: c.wallet.id, stepUp })))?.code).toBe("STEP_UP_MISMATCH");
    expect(
      (await failure(c.plain.payoutMethods.add({ iban: "GB33 BUKB 2020 1555 5555 55", bic: "BUKBGB22", holderName: `${c.customer.firstName} ${c.customer.lastName}`, stepUp })))?.code,
    ).toBe("STEP_UP_MISMATCH");
    expect((await failure(c.plain.accounts.archive({ accountId: c.real.id, fallbackId: c.wallet.id, stepUp })))?.code).toBe("STEP_UP_MISMATCH");

    // Another session of the same customer, and another customer, cannot use it (nor ask for its code).
    const { sessionId } = await createSession(h.db, { customerId: c.customer.id, kind: "WEB", request: { requestId: "t", ip: null, userAgent: null }, now: h.clock.now() });
    const otherSession = h.caller({ type: "customer-session", sessionId } satisfies Credential);
    expect((await failure(otherSession.withdrawals.request({ ...input, stepUp })))?.code).toBe("STEP_UP_MISMATCH");
    expect((await failure(otherSession.stepUp.send({ challengeId, channel: "email" })))?.code).toBe("NOT_FOUND");
    const mallory = await funded();
    expect((await failure(mallory.plain.withdrawals.request({ ...input, accountId: mallory.real.id, payoutMethodId: mallory.method.id, stepUp })))?.code).toBe("STEP_UP_MISMATCH");
    expect((await failure(mallory.plain.stepUp.send({ challengeId, channel: "email" })))?.code).toBe("NOT_FOUND");

    // None of that changed anything, nor spent a try: the right request still passes.
    expect(await withdrawalsOf(c.customer.id)).toBe(0);
    expect((await challengeRow(challengeId)).attempts).toBe(0);
    expect((await c.plain.withdrawals.request({ ...input, stepUp })).status).toBe("PENDING");
  });

  it("parallel uses of one confirmation: exactly one passes", async () => {
    const c = await funded();
    const input = c.withdrawal("40.00");
    const { challengeId } = await challengeOf(c.plain.withdrawals.request(input));
    const code = await emailedCode(h, c.plain, c.customer.id, challengeId);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => c.plain.withdrawals.request({ ...input, idempotencyKey: key("par"), stepUp: { challengeId, code } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const codes = await Promise.all(results.filter((r) => r.status === "rejected").map((r) => failure(Promise.reject((r as PromiseRejectedResult).reason))));
    for (const refusal of codes) expect(["STEP_UP_USED", "CODE_INVALID"]).toContain(refusal?.code);
    expect(await withdrawalsOf(c.customer.id)).toBe(1);
    expect(await coreBalance(h, c.real.login)).toBe("960.00");
  });

  it("expires after 5 minutes (the send too), and a wrong code says how many tries are left; the fifth wrong one ends it", async () => {
    const c = await funded();
    const input = c.withdrawal("5.00");
    const first = await challengeOf(c.plain.withdrawals.request(input));
    const code = await emailedCode(h, c.plain, c.customer.id, first.challengeId);
    h.clock.advance(5 * MINUTE + 1000);
    // (The session is older than 5 minutes now: re-authenticate, or the e-mail channel says REAUTH_REQUIRED first.)
    await c.plain.session.reauthenticate({ password: "Correct-Horse-42" });
    expect((await failure(c.plain.withdrawals.request({ ...input, stepUp: { challengeId: first.challengeId, code } })))?.code).toBe("STEP_UP_EXPIRED");
    expect((await failure(c.plain.stepUp.send({ challengeId: first.challengeId, channel: "email" })))?.code).toBe("STEP_UP_EXPIRED");

    const second = await challengeOf(c.plain.withdrawals.request(input));
    const right = await emailedCode(h, c.plain, c.customer.id, second.challengeId);
    const wrong = right === "000000" ? "111111" : "000000";
    for (let left = 4; left >= 0; left--) {
      const refusal = await failure(c.plain.withdrawals.request({ ...input, stepUp: { challengeId: second.challengeId, code: wrong } }));
      expect([refusal?.code, refusal?.details]).toEqual(["CODE_INVALID", { challengeId: second.challengeId, triesLeft: left }]);
    }
    expect((await failure(c.plain.withdrawals.request({ ...input, stepUp: { challengeId: second.challengeId, code: right } })))?.code).toBe("STEP_UP_USED");
    expect(await withdrawalsOf(c.customer.id)).toBe(0);
  });

  it("a code confirms only its own challenge, and a new send for a challenge kills its previous code", async () => {
    const c = await funded();
    const inputA = c.withdrawal("1.00");
    const a = await challengeOf(c.plain.withdrawals.request(inputA));
    const codeA = await emailedCode(h, c.plain, c.customer.id, a.challengeId);
    const inputB = c.withdrawal("2.00");
    const b = await challengeOf(c.plain.withdrawals.request(inputB));
    const codeB = await emailedCode(h, c.plain, c.customer.id, b.challengeId);
    if (codeA !== codeB) expect((await failure(c.plain.withdrawals.request({ ...inputB, stepUp: { challengeId: b.challengeId, code: codeA } })))?.code).toBe("CODE_INVALID");
    // A second code for B: the first one is dead.
    h.clock.advance(30_000);
    const codeB2 = await emailedCode(h, c.plain, c.customer.id, b.challengeId);
    if (codeB2 !== codeB) expect((await failure(c.plain.withdrawals.request({ ...inputB, stepUp: { challengeId: b.challengeId, code: codeB } })))?.code).toBe("CODE_INVALID");
    // Both operations are confirmed, each with its own code.
    expect((await c.plain.withdrawals.request({ ...inputA, stepUp: { challengeId: a.challengeId, code: codeA } })).status).toBe("PENDING");
    expect((await c.plain.withdrawals.request({ ...inputB, stepUp: { challengeId: b.challengeId, code: codeB2 } })).status).toBe("PENDING");
  });
});

describe("re-authentication comes first", () => {
  it("an old session is REAUTH_REQUIRED before STEP_UP_REQUIRED, and no challenge is made", async () => {
    const c = await funded();
    h.clock.advance(6 * MINUTE);
    const before = await h.db.stepUpChallenge.count({ where: { customerId: c.customer.id } });
    expect((await failure(c.plain.withdrawals.request(c.withdrawal())))?.code).toBe("REAUTH_REQUIRED");
    expect((await failure(c.plain.accounts.archive({ accountId: c.real.id, fallbackId: c.wallet.id })))?.code).toBe("REAUTH_REQUIRED");
    expect(await h.db.stepUpChallenge.count({ where: { customerId: c.customer.id } })).toBe(before);
  });

  it("an e-mailed code does not re-authenticate: a session gone old meanwhile is REAUTH_REQUIRED and the code stays usable", async () => {
    const c = await funded();
    const input = c.withdrawal("3.00");
    const { challengeId } = await challengeOf(c.plain.withdrawals.request(input));
    const code = await emailedCode(h, c.plain, c.customer.id, challengeId);
    h.clock.advance(4 * MINUTE + 30_000);
    await h.db.session.updateMany({ where: { customerId: c.customer.id }, data: { createdAt: new Date(h.clock.now().getTime() - 6 * MINUTE), reauthenticatedAt: null } });
    expect((await failure(c.plain.withdrawals.request({ ...input, stepUp: { challengeId, code } })))?.code).toBe("REAUTH_REQUIRED");
    expect((await challengeRow(challengeId)).attempts).toBe(0);
    await c.plain.session.reauthenticate({ password: "Correct-Horse-42" });
    expect((await c.plain.withdrawals.request({ ...input, stepUp: { challengeId, code } })).status).toBe("PENDING");
  });

  it("a TOTP code given for step-up counts as re-authentication", async () => {
    const c = await funded({ totp: true });
    const input = c.withdrawal("4.00");
    const { challengeId, channels } = await challengeOf(c.plain.withdrawals.request(input));
    expect(channels).toEqual(["totp"]);
    // The session goes old while the challenge is still young.
    await h.db.session.updateMany({ where: { customerId: c.customer.id }, data: { createdAt: new Date(h.clock.now().getTime() - 10 * MINUTE), reauthenticatedAt: null } });
    const wrong = await failure(c.plain.withdrawals.request({ ...input, stepUp: { challengeId, code: "000000" } }));
    expect([wrong?.code, wrong?.details]).toEqual(["INVALID_OTP_CODE", { challengeId, triesLeft: 4 }]);
    expect((await c.plain.withdrawals.request({ ...input, stepUp: { challengeId, code: await nextTotp() } })).status).toBe("PENDING");
    const session = await h.db.session.findFirstOrThrow({ where: { customerId: c.customer.id, revokedAt: null }, orderBy: { createdAt: "desc" } });
    expect(session.reauthenticatedAt?.getTime()).toBe(h.clock.now().getTime());
    // ... so a re-authenticated change now passes without the password.
    expect((await c.plain.session.revokeOthers()).revoked).toBeGreaterThanOrEqual(0);
  });
});

describe("channels", () => {
  it("totp with the authenticator app, sms with the SMS factor and a verified phone, else e-mail; staff's tanChannels narrows, never widens", async () => {
    const c = await funded();
    const channelsNow = async () => (await challengeOf(c.plain.withdrawals.request(c.withdrawal()))).channels;
    const set = (data: Record<string, unknown>) => h.db.customer.update({ where: { id: c.customer.id }, data });
    expect(await channelsNow()).toEqual(["email"]);
    await set({ otpEnabled: true, otpSecretEnc: encryptSecret(SECRET) });
    expect(await channelsNow()).toEqual(["totp"]);
    await set({ smsOtpEnabled: true, phone: "+35799123456", phoneVerifiedAt: null });
    expect(await channelsNow()).toEqual(["totp"]);
    await set({ phoneVerifiedAt: new Date() });
    expect(await channelsNow()).toEqual(["totp", "sms"]);
    await set({ tanChannels: ["sms"] });
    expect(await channelsNow()).toEqual(["sms"]);
    await set({ tanChannels: ["email"] });
    const none = await failure(c.plain.withdrawals.request(c.withdrawal()));
    expect([none?.code, none?.details]).toEqual(["STEP_UP_UNAVAILABLE", { tanChannels: ["email"] }]);
    await set({ tanChannels: [], otpEnabled: false, otpSecretEnc: null, smsOtpEnabled: false, emailVerifiedAt: null });
    expect((await failure(c.plain.withdrawals.request(c.withdrawal())))?.code).toBe("EMAIL_NOT_VERIFIED");
    expect(await withdrawalsOf(c.customer.id)).toBe(0);
  });

  it("sends by SMS to the verified phone, with a cool-down and at most 3 codes a challenge; a channel not offered is INVALID_DATA", async () => {
    const c = await funded();
    await h.db.customer.update({ where: { id: c.customer.id }, data: { smsOtpEnabled: true, phone: "+35799654321", phoneVerifiedAt: new Date() } });
    const input = c.withdrawal("6.00");
    const { challengeId, channels } = await challengeOf(c.plain.withdrawals.request(input));
    expect(channels).toEqual(["sms"]);
    expect((await failure(c.plain.stepUp.send({ challengeId, channel: "email" })))?.fieldCodes).toEqual({ channel: ["NOT_ALLOWED"] });
    const sent = await c.plain.stepUp.send({ challengeId, channel: "sms" });
    expect(sent.destination).toBe("+35•••••4321");
    const again = await failure(c.plain.stepUp.send({ challengeId, channel: "sms" }));
    expect([again?.code, again?.details]).toEqual(["TOO_MANY_ATTEMPTS", { retryAfterSeconds: 30 }]);
    h.clock.advance(30_000);
    await c.plain.stepUp.send({ challengeId, channel: "sms" });
    h.clock.advance(30_000);
    await c.plain.stepUp.send({ challengeId, channel: "sms" });
    h.clock.advance(30_000);
    expect((await failure(c.plain.stepUp.send({ challengeId, channel: "sms" })))?.code).toBe("TOO_MANY_ATTEMPTS");
    const sms = await h.db.message.findMany({ where: { customerId: c.customer.id, channel: "SMS", template: "step-up-code" }, orderBy: { createdAt: "asc" } });
    expect(sms).toHaveLength(3);
    const { renderMessageBody } = await import("../../src/messaging");
    const code = codeInBody(renderMessageBody(sms[2]!), 6);
    expect((await c.plain.withdrawals.request({ ...input, stepUp: { challengeId, code } })).status).toBe("PENDING");
  });

  it("5 codes in 10 minutes per customer across challenges, then 429", async () => {
    const c = await funded();
    await h.rateLimits.reset("stepUpSend", String(c.customer.id));
    for (let i = 0; i < 5; i++) {
      const { challengeId } = await challengeOf(c.plain.withdrawals.request(c.withdrawal()));
      await c.plain.stepUp.send({ challengeId, channel: "email" });
    }
    const { challengeId } = await challengeOf(c.plain.withdrawals.request(c.withdrawal()));
    const refusal = await failure(c.plain.stepUp.send({ challengeId, channel: "email" }));
    expect(refusal?.code).toBe("TOO_MANY_ATTEMPTS");
    expect((refusal?.details as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
  });

  it("wrong e-mailed codes count per customer across challenges: 10 an hour, then 429", async () => {
    const c = await funded();
    const tries: (string | undefined)[] = [];
    for (let round = 0; round < 3; round++) {
      await h.rateLimits.reset("stepUpSend", String(c.customer.id));
      const input = c.withdrawal();
      const { challengeId } = await challengeOf(c.plain.withdrawals.request(input));
      const right = await emailedCode(h, c.plain, c.customer.id, challengeId);
      const wrong = right === "000000" ? "111111" : "000000";
      for (let i = 0; i < 4; i++) tries.push((await failure(c.plain.withdrawals.request({ ...input, stepUp: { challengeId, code: wrong } })))?.code);
    }
    expect(tries.slice(0, 10).every((code) => code === "CODE_INVALID")).toBe(true);
    expect(tries.slice(10)).toEqual(["TOO_MANY_ATTEMPTS", "TOO_MANY_ATTEMPTS"]);
  });
});

describe("the operations that ask for it", () => {
  it("adding a payout method is bound to the IBAN; a wrong IBAN is refused before any challenge", async () => {
    const c = await moneyCustomer(h);
    const holderName = `${c.customer.firstName} ${c.customer.lastName}`;
    expect((await failure(c.plainApi.payoutMethods.add({ iban: "DE00 0000", bic: BIC, holderName })))?.code).toBe("INVALID_DATA");
    expect(await h.db.stepUpChallenge.count({ where: { customerId: c.customer.id } })).toBe(0);
    const { challengeId } = await challengeOf(c.plainApi.payoutMethods.add({ iban: IBAN, bic: BIC, holderName }));
    const code = await emailedCode(h, c.plainApi, c.customer.id, challengeId);
    expect((await failure(c.plainApi.payoutMethods.add({ iban: "GB33 BUKB 2020 1555 5555 55", bic: "BUKBGB22", holderName, stepUp: { challengeId, code } })))?.code).toBe("STEP_UP_MISMATCH");
    expect(await h.db.payoutMethod.count({ where: { customerId: c.customer.id } })).toBe(0);
    const added = await c.plainApi.payoutMethods.add({ iban: IBAN, bic: BIC, holderName, stepUp: { challengeId, code } });
    expect(added.ibanMasked ?? added).toBeTruthy();
    expect(await h.db.payoutMethod.count({ where: { customerId: c.customer.id } })).toBe(1);
  });

  it("archiving a funded REAL account asks, bound to the account and fallback; an empty or DEMO one does not; a bad fallback is refused first", async () => {
    const c = await moneyCustomer(h);
    await fund(h, c.real.login, "70.00");
    expect((await failure(c.plainApi.accounts.archive({ accountId: c.real.id })))?.code).toBe("FALLBACK_INVALID");
    expect(await h.db.stepUpChallenge.count({ where: { customerId: c.customer.id } })).toBe(0);
    const { challengeId } = await challengeOf(c.plainApi.accounts.archive({ accountId: c.real.id, fallbackId: c.wallet.id }));
    const code = await emailedCode(h, c.plainApi, c.customer.id, challengeId);
    const otherWallet = await openFrom(c.api, "wallet-eur");
    expect((await failure(c.plainApi.accounts.archive({ accountId: c.real.id, fallbackId: otherWallet.id, stepUp: { challengeId, code } })))?.code).toBe("FALLBACK_INVALID");
    const done = await c.plainApi.accounts.archive({ accountId: c.real.id, fallbackId: c.wallet.id, stepUp: { challengeId, code } });
    expect([done.disposition, done.amount]).toEqual(["transferred", "70.00"]);
    expect(await coreBalance(h, c.wallet.login)).toBe("70.00");
    // DEMO play money and an empty wallet need no confirmation.
    expect((await c.plainApi.accounts.archive({ accountId: c.demo.id })).disposition).toBe("removed");
    expect((await c.plainApi.accounts.archive({ accountId: otherWallet.id })).disposition).toBe("none");
  });

  it("turning two-factor off: without a code it asks (the app's code then confirms); a code given inline still works", async () => {
    const c = await newCustomer(h);
    await h.db.customer.update({ where: { id: c.customer.id }, data: { otpEnabled: true, otpSecretEnc: encryptSecret(SECRET) } });
    const { challengeId, channels } = await challengeOf(c.plainApi.otp.disable({}));
    expect(channels).toEqual(["totp"]);
    expect((await failure(c.plainApi.otp.disable({ stepUp: { challengeId, code: "000000" } })))?.code).toBe("INVALID_OTP_CODE");
    expect((await h.db.customer.findUniqueOrThrow({ where: { id: c.customer.id } })).otpEnabled).toBe(true);
    expect(await c.plainApi.otp.disable({ stepUp: { challengeId, code: await nextTotp() } })).toEqual({ otpEnabled: 0 });
    expect((await h.db.customer.findUniqueOrThrow({ where: { id: c.customer.id } })).otpEnabled).toBe(false);
    // Without two-factor there is nothing to turn off.
    expect((await failure(c.plainApi.otp.disable({})))?.code).toBe("OTP_NOT_CONFIGURED");
    expect((await failure(c.plainApi.otp.disable({ code: "123456", stepUp: { challengeId, code: "123456" } })))?.code).toBe("INVALID_DATA");
  });
});
