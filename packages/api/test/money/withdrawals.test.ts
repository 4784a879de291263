// withdrawals.*, payoutMethods.*, staffWithdrawals.*: held at once, paid once after FINANCE
// approval, given back on rejection, cancellation or a failed payout (issue #13).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { encryptSecret } from "../../src/otp/secret-box";
import { reconcilePayments } from "../../src/payment-provider/reconcile";
import { codeOf, coreBalance, failure, fund, newCustomer, seedGroups } from "../accounts/fixtures";
import { staffMember } from "../staff/fixtures";
import { codeAt } from "../two-factor/fixtures";
import { createHarness, type Harness } from "../support/harness";
import { challengeOf, emailedCode } from "../step-up/fixtures";
import { BIC, depositByCard, finance, IBAN, key, moneyCustomer } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedGroups(h);
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.faults.reset();
  await h.payments.faults.reset();
});

const deps = () => ({ db: h.db, core: h.core, clock: h.clock, payments: h.payments });
const reconcileNow = () => reconcilePayments(deps(), { before: new Date(Date.now() + 3_600_000) });
const houseBalance = async (currency = "USD") => {
  const house = await h.db.houseAccount.findUnique({ where: { currency } });
  return house ? coreBalance(h, house.login) : "0.00";
};

/** A customer with `balance` in their REAL USD account (no card deposit to pay back) and a saved bank account. */
async function funded(balance = "1000.00") {
  const c = await moneyCustomer(h);
  await fund(h, c.real.login, balance);
  const method = await c.api.payoutMethods.add({ iban: IBAN, bic: BIC, holderName: `${c.customer.lastName}, ${c.customer.firstName}` });
  return { ...c, method };
}

describe("payout methods", () => {
  it("saves a checked bank account in the verified name, masked, and only after a recent sign-in", async () => {
    const c = await moneyCustomer(h);
    const saved = await c.api.payoutMethods.add({ iban: IBAN.toLowerCase(), bic: "cobadeffxxx", holderName: `  ${c.customer.firstName.toUpperCase()} ${c.customer.lastName} ` });
    expect(saved).toMatchObject({ ibanMasked: "DE•• •••• 3000", bic: "COBADEFFXXX" });
    const row = await h.db.payoutMethod.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row.ibanEnc).not.toContain("3704"); // encrypted at rest
    expect(await c.api.payoutMethods.list()).toEqual([saved]);

    const bad = await failure(c.api.payoutMethods.add({ iban: "DE89 3704 0044 0532 0130 01", bic: "NOTABIC", holderName: "Someone Else" }));
    expect([bad?.code, bad?.fieldCodes]).toEqual(["INVALID_DATA", { iban: ["INVALID_IBAN"], bic: ["INVALID_BIC"], holderName: ["NAME_MISMATCH"] }]);

    h.clock.advance(6 * 60_000);
    try {
      expect(await codeOf(c.api.payoutMethods.add({ iban: IBAN, bic: BIC, holderName: `${c.customer.firstName} ${c.customer.lastName}` }))).toBe("REAUTH_REQUIRED");
      expect(await codeOf(c.api.payoutMethods.remove({ payoutMethodId: saved.id }))).toBe("REAUTH_REQUIRED");
    } finally {
      h.clock.advance(-6 * 60_000);
    }
    expect(await h.db.payoutMethod.count({ where: { customerId: c.customer.id } })).toBe(1);
  });

  it("needs approved KYC, and keeps customers apart", async () => {
    const noKyc = await newCustomer(h);
    expect(await codeOf(noKyc.api.payoutMethods.add({ iban: IBAN, bic: BIC, holderName: `${noKyc.customer.firstName} ${noKyc.customer.lastName}` }))).toBe("KYC_REQUIRED");
    const { method } = await funded();
    const other = await moneyCustomer(h);
    expect(await codeOf(other.api.payoutMethods.remove({ payoutMethodId: method.id }))).toBe("NOT_FOUND");
    expect(await other.api.payoutMethods.list()).toEqual([]);
  });
});

describe("withdrawals", () => {
  it("holds at once, waits for FINANCE, pays out once, and the history follows", async () => {
    const c = await funded("1000.00");
    const w = await c.api.withdrawals.request({ accountId: c.real.id, amount: "400.00", payoutMethodId: c.method.id, idempotencyKey: key() });
    expect(w).toMatchObject({ status: "PENDING", amount: "400.00", currency: "USD", destination: { kind: "bank", label: expect.stringContaining("3000") } });
    expect(await coreBalance(h, c.real.login)).toBe("600.00");
    // Held money cannot be moved meanwhile.
    expect(await codeOf(c.api.accounts.transfer({ fromAccountId: c.real.id, toAccountId: c.wallet.id, amount: "600.01", idempotencyKey: key() }))).toBe("INSUFFICIENT_FUNDS");

    const { api: staff, staff: member } = await finance(h);
    expect(await staff.staffWithdrawals.list({})).toMatchObject({ items: expect.arrayContaining([expect.objectContaining({ id: w.id, customer: expect.objectContaining({ id: c.customer.id }) })]) });
    const approved = await staff.staffWithdrawals.approve({ withdrawalId: w.id });
    expect(approved.status).toBe("PAYING");
    expect(await codeOf(staff.staffWithdrawals.approve({ withdrawalId: w.id }))).toBe("REQUEST_ALREADY_DECIDED");
    expect(await codeOf(c.api.withdrawals.cancel({ withdrawalId: w.id }))).toBe("REQUEST_ALREADY_DECIDED");

    await h.payments.settlePayouts();
    await h.payments.faults.setWebhookDuplicate(true);
    await h.payments.deliverDueWebhooks();
    await reconcileNow();
    expect(await c.api.withdrawals.get({ withdrawalId: w.id })).toMatchObject({ status: "PAID" });
    expect(await coreBalance(h, c.real.login)).toBe("600.00");
    const decided = await h.db.withdrawal.findUniqueOrThrow({ where: { id: w.id } });
    expect(decided.deciderId).toBe(member.id);
    const movement = await h.db.moneyMovement.findFirstOrThrow({ where: { reference: `withdrawal:${w.id}` } });
    expect([movement.status, movement.amount.toFixed(2)]).toEqual(["COMPLETED", "-400.00"]);
  });

  it("gives the hold back on rejection and on cancellation, once", async () => {
    const c = await funded("500.00");
    const { api: staff } = await finance(h);
    const a = await c.api.withdrawals.request({ accountId: c.real.id, amount: "100.00", payoutMethodId: c.method.id, idempotencyKey: key() });
    const b = await c.api.withdrawals.request({ accountId: c.real.id, amount: "50.00", payoutMethodId: c.method.id, idempotencyKey: key() });
    expect(await coreBalance(h, c.real.login)).toBe("350.00");
    expect(await staff.staffWithdrawals.reject({ withdrawalId: a.id, reason: "Source of funds unclear" })).toMatchObject({ status: "REJECTED", rejectionReason: "Source of funds unclear" });
    expect(await c.api.withdrawals.cancel({ withdrawalId: b.id })).toMatchObject({ status: "CANCELED" });
    const twice = await Promise.all([c.api.withdrawals.cancel({ withdrawalId: b.id }).catch(() => null), staff.staffWithdrawals.reject({ withdrawalId: b.id, reason: "again" }).catch(() => null)]);
    expect(twice).toEqual([null, null]);
    expect(await coreBalance(h, c.real.login)).toBe("500.00");
    expect(await houseBalance()).toBe(await houseBalance()); // read twice: stable
    const statuses = await h.db.moneyMovement.findMany({ where: { reference: { in: [`withdrawal:${a.id}`, `withdrawal:${b.id}`] } }, select: { reference: true, status: true } });
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(["REJECTED", "CANCELED"]));
  });

  it("pays card deposits back to the card first (closed loop)", async () => {
    const c = await moneyCustomer(h);
    await depositByCard(h, c.api, c.real.id, "300.00");
    const method = await c.api.payoutMethods.add({ iban: IBAN, bic: BIC, holderName: `${c.customer.firstName} ${c.customer.lastName}` });
    const tooMuch = await failure(c.api.withdrawals.request({ accountId: c.real.id, amount: "300.01", payoutMethodId: method.id, idempotencyKey: key() }));
    expect([tooMuch?.code, tooMuch?.fieldCodes, tooMuch?.details]).toEqual(["INVALID_DATA", { amount: ["CARD_REFUND_FIRST"] }, { max: "300.00", currency: "USD" }]);
    const w = await c.api.withdrawals.request({ accountId: c.real.id, amount: "120.00", payoutMethodId: method.id, idempotencyKey: key() });
    expect(w.destination).toMatchObject({ kind: "card", label: expect.stringContaining("4242") });
    const { api: staff } = await finance(h);
    await staff.staffWithdrawals.approve({ withdrawalId: w.id });
    await h.payments.settlePayouts();
    await h.payments.deliverDueWebhooks();
    expect((await c.api.withdrawals.get({ withdrawalId: w.id })).status).toBe("PAID");
    // The card refund is ours: not debited again as a provider refund.
    expect(await coreBalance(h, c.real.login)).toBe("180.00");
    const deposit = await h.db.deposit.findFirstOrThrow({ where: { customerId: c.customer.id } });
    expect(deposit.refundedAmount.toFixed(2)).toBe("0.00");
  });

  it("keeps to the daily limit, also under parallel requests, and says what is left", async () => {
    const c = await funded("30000.00");
    const input = { accountId: c.real.id, amount: "6000.00", payoutMethodId: c.method.id };
    // Five confirmations first (one each), then the five requests at once.
    await h.rateLimits.reset("stepUpSend", String(c.customer.id));
    const stepUps = [];
    for (let i = 0; i < 5; i++) {
      const { challengeId } = await challengeOf(c.plainApi.withdrawals.request({ ...input, idempotencyKey: key() }));
      stepUps.push({ challengeId, code: await emailedCode(h, c.plainApi, c.customer.id, challengeId) });
    }
    const requests = await Promise.allSettled(stepUps.map((stepUp) => c.plainApi.withdrawals.request({ ...input, stepUp, idempotencyKey: key() })));
    expect(requests.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const refused = await failure(c.api.withdrawals.request({ accountId: c.real.id, amount: "2000.01", payoutMethodId: c.method.id, idempotencyKey: key() }));
    expect([refused?.code, refused?.details]).toEqual(["LIMIT_EXCEEDED", { limit: "20000.00", currency: "USD", remaining: "2000.00", kind: "daily" }]);
    expect(await c.api.withdrawals.limits()).toEqual([expect.objectContaining({ currency: "USD", dailyLimit: "20000.00", usedToday: "18000.00", remainingToday: "2000.00" })]);
    expect(await coreBalance(h, c.real.login)).toBe("12000.00");
  });

  it("asks for a confirmation by the authenticator app when two-factor is on, and refuses a wrong code", async () => {
    const c = await funded("100.00");
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ";
    await h.db.customer.update({ where: { id: c.customer.id }, data: { otpEnabled: true, otpSecretEnc: encryptSecret(secret) } });
    const input = { accountId: c.real.id, amount: "10.00", payoutMethodId: c.method.id, idempotencyKey: key() };
    const missing = await failure(c.plainApi.withdrawals.request(input));
    expect([missing?.code, missing?.httpStatus, (missing?.details as { channels: string[] }).channels]).toEqual(["STEP_UP_REQUIRED", 403, ["totp"]]);
    const { challengeId } = missing!.details as { challengeId: string };
    expect(await codeOf(c.plainApi.withdrawals.request({ ...input, stepUp: { challengeId, code: "000000" } }))).toBe("INVALID_OTP_CODE");
    expect(await coreBalance(h, c.real.login)).toBe("100.00");
    const stepUp = { challengeId, code: await codeAt(secret, h.clock.now()) };
    expect((await c.plainApi.withdrawals.request({ ...input, stepUp })).status).toBe("PENDING");
  });

  it("refuses DEMO, foreign and archived accounts, missing KYC, bad amounts and more than the balance, holding nothing", async () => {
    const c = await funded("50.00");
    const other = await funded("50.00");
    const base = { payoutMethodId: c.method.id, idempotencyKey: key() };
    expect(await codeOf(c.api.withdrawals.request({ ...base, accountId: c.demo.id, amount: "5.00" }))).toBe("FORBIDDEN");
    expect(await codeOf(c.api.withdrawals.request({ ...base, accountId: other.real.id, amount: "5.00" }))).toBe("NOT_FOUND");
    expect(await codeOf(c.api.withdrawals.request({ ...base, accountId: c.real.id, amount: "50.01", idempotencyKey: key() }))).toBe("INSUFFICIENT_FUNDS");
    expect(await codeOf(c.api.withdrawals.request({ ...base, accountId: c.real.id, amount: "5.00", payoutMethodId: other.method.id, idempotencyKey: key() }))).toBe("INVALID_DATA");
    for (const amount of ["0", "-1", "1.001", "x"]) expect(await codeOf(c.api.withdrawals.request({ ...base, accountId: c.real.id, amount, idempotencyKey: key() }))).toBe("INVALID_DATA");
    await h.db.kycProfile.update({ where: { customerId: c.customer.id }, data: { status: 4 } });
    expect(await codeOf(c.api.withdrawals.request({ ...base, accountId: c.real.id, amount: "5.00", idempotencyKey: key() }))).toBe("KYC_REQUIRED");
    expect(await h.db.withdrawal.count({ where: { customerId: c.customer.id } })).toBe(0);
    expect(await coreBalance(h, c.real.login)).toBe("50.00");
    // Another customer cannot read, cancel or list this one's withdrawals.
    await h.db.kycProfile.update({ where: { customerId: c.customer.id }, data: { status: 3 } });
    const w = await c.api.withdrawals.request({ ...base, accountId: c.real.id, amount: "5.00", idempotencyKey: key() });
    expect(await codeOf(other.api.withdrawals.get({ withdrawalId: w.id }))).toBe("NOT_FOUND");
    expect(await codeOf(other.api.withdrawals.cancel({ withdrawalId: w.id }))).toBe("NOT_FOUND");
    expect((await other.api.withdrawals.list({})).map((x) => x.id)).not.toContain(w.id);
  });

  it("lets only FINANCE and ADMIN decide", async () => {
    const c = await funded("50.00");
    const w = await c.api.withdrawals.request({ accountId: c.real.id, amount: "5.00", payoutMethodId: c.method.id, idempotencyKey: key() });
    for (const role of ["SUPPORT", "KYC_REVIEWER"] as const) {
      const { api } = await staffMember(h, role);
      expect(await codeOf(api.staffWithdrawals.approve({ withdrawalId: w.id }))).toBe("FORBIDDEN");
      expect(await codeOf(api.staffWithdrawals.reject({ withdrawalId: w.id, reason: "no" }))).toBe("FORBIDDEN");
      expect(await codeOf(api.staffWithdrawals.list({}))).toBe("FORBIDDEN");
    }
    expect(await codeOf(c.api.staffWithdrawals.approve({ withdrawalId: w.id }))).not.toBe("OK");
    expect((await c.api.withdrawals.get({ withdrawalId: w.id })).status).toBe("PENDING");
  });

  it("abandons a hold the core did not answer for, and gives back whatever it held", async () => {
    const c = await funded("80.00");
    const idempotencyKey = key();
    await h.faults.loseNextReply("transfer", 1);
    const refused = await failure(c.api.withdrawals.request({ accountId: c.real.id, amount: "30.00", payoutMethodId: c.method.id, idempotencyKey }));
    expect(refused?.code).toBe("CORE_NOT_AVAILABLE");
    expect(await coreBalance(h, c.real.login)).toBe("50.00"); // the lost reply did move it
    expect(await codeOf(c.api.withdrawals.request({ accountId: c.real.id, amount: "30.00", payoutMethodId: c.method.id, idempotencyKey }))).toBe("CORE_NOT_AVAILABLE");
    expect(await reconcileNow()).toMatchObject({ discarded: 1 });
    expect(await coreBalance(h, c.real.login)).toBe("80.00");
    await reconcileNow();
    expect(await coreBalance(h, c.real.login)).toBe("80.00");
    expect(await c.api.withdrawals.list({})).toEqual([]);
  });

  it("gives the money back when the payout fails, and retries a payout the provider did not take", async () => {
    const c = await funded("200.00");
    const { api: staff } = await finance(h);
    const a = await c.api.withdrawals.request({ accountId: c.real.id, amount: "20.00", payoutMethodId: c.method.id, idempotencyKey: key() });
    await h.payments.faults.setPayoutsFail(true);
    await staff.staffWithdrawals.approve({ withdrawalId: a.id });
    await h.payments.settlePayouts();
    await h.payments.deliverDueWebhooks();
    expect(await c.api.withdrawals.get({ withdrawalId: a.id })).toMatchObject({ status: "FAILED" });
    expect(await coreBalance(h, c.real.login)).toBe("200.00");

    await h.payments.faults.reset();
    const b = await c.api.withdrawals.request({ accountId: c.real.id, amount: "25.00", payoutMethodId: c.method.id, idempotencyKey: key() });
    await h.payments.faults.setUnavailable(true);
    expect((await staff.staffWithdrawals.approve({ withdrawalId: b.id })).status).toBe("APPROVED");
    await h.payments.faults.setUnavailable(false);
    await reconcileNow();
    await h.payments.settlePayouts();
    await h.payments.deliverDueWebhooks();
    expect((await c.api.withdrawals.get({ withdrawalId: b.id })).status).toBe("PAID");
    expect(await coreBalance(h, c.real.login)).toBe("175.00");
  });
});
