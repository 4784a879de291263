// accounts.transfer (money between own accounts) and staff.adjustBalance (how real money
// enters): at most once per key, every refusal, audited (issue #7).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness";
import { codeOf, coreBalance, failure, fund, newCustomer, newStaff, openFrom, seedGroups, sumOfBalances } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedGroups(h);
});
afterAll(() => h.close());
beforeEach(() => h.faults.reset());

/** A KYC-approved customer with a funded REAL USD account, a USD wallet, a EUR wallet and a demo USD account. */
async function trader(balance = "500.00") {
  const c = await newCustomer(h, { kycApproved: true });
  const real = await openFrom(c.api, "real-usd");
  const wallet = await openFrom(c.api, "wallet-usd");
  const eur = await openFrom(c.api, "wallet-eur");
  const demo = await openFrom(c.api, "demo-usd");
  await fund(h, real.login, balance);
  return { ...c, real, wallet, eur, demo };
}

describe("accounts.transfer", () => {
  it("moves money between own REAL accounts and wallets of one currency, both ways", async () => {
    const { api, real, wallet, customer } = await trader();
    const result = await api.accounts.transfer({ fromAccountId: real.id, toAccountId: wallet.id, amount: "120.5", idempotencyKey: "tx-0000-0001" });
    expect(result).toEqual({
      operationId: expect.any(String),
      fromAccountId: real.id,
      toAccountId: wallet.id,
      amount: "120.50",
      currency: "USD",
      fromBalance: "379.50",
      toBalance: "120.50",
    });
    await api.accounts.transfer({ fromAccountId: wallet.id, toAccountId: real.id, amount: 20, idempotencyKey: "tx-0000-0002" });
    expect([await coreBalance(h, real.login), await coreBalance(h, wallet.login)]).toEqual(["399.50", "100.50"]);
    const audit = await h.db.auditEvent.findMany({ where: { customerId: customer.id, kind: "account.transferred" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.data)).toEqual([
      expect.objectContaining({ fromAccountId: real.id, toAccountId: wallet.id, amount: "120.50", currency: "USD" }),
      expect.objectContaining({ fromAccountId: wallet.id, toAccountId: real.id, amount: "20.00" }),
    ]);
  });

  it("a repeated key moves the money once and answers the same; a key reused for another transfer is refused", async () => {
    const { api, real, wallet } = await trader();
    const input = { fromAccountId: real.id, toAccountId: wallet.id, amount: "50.00", idempotencyKey: "tx-repeat-0001" };
    const first = await api.accounts.transfer(input);
    const again = await api.accounts.transfer(input);
    expect(again).toEqual(first);
    expect(await coreBalance(h, wallet.login)).toBe("50.00");
    const conflict = await failure(api.accounts.transfer({ ...input, amount: "60.00" }));
    expect([conflict?.code, conflict?.httpStatus, conflict?.fieldErrors]).toEqual(["IDEMPOTENCY_KEY_REUSED", 409, { idempotencyKey: [expect.any(String)] }]);
    expect(await coreBalance(h, wallet.login)).toBe("50.00");
  });

  it("two customers using the same key never meet in the core", async () => {
    const a = await trader();
    const b = await trader();
    const key = "same-key-for-both";
    await a.api.accounts.transfer({ fromAccountId: a.real.id, toAccountId: a.wallet.id, amount: "10.00", idempotencyKey: key });
    await b.api.accounts.transfer({ fromAccountId: b.real.id, toAccountId: b.wallet.id, amount: "10.00", idempotencyKey: key });
    expect([await coreBalance(h, a.wallet.login), await coreBalance(h, b.wallet.login)]).toEqual(["10.00", "10.00"]);
  });

  it("after a lost reply the retry with the same key moves nothing twice", async () => {
    const { api, real, wallet } = await trader();
    const total = await sumOfBalances(h);
    await h.faults.loseNextReply("transfer", 1);
    const input = { fromAccountId: real.id, toAccountId: wallet.id, amount: "75.00", idempotencyKey: "tx-lost-reply-1" };
    const lost = await failure(api.accounts.transfer(input));
    expect([lost?.code, lost?.httpStatus]).toEqual(["CORE_NOT_AVAILABLE", 500]);
    await api.accounts.transfer(input);
    expect([await coreBalance(h, real.login), await coreBalance(h, wallet.login)]).toEqual(["425.00", "75.00"]);
    expect(await sumOfBalances(h)).toBe(total);
  });

  it("refuses insufficient funds with 409 INSUFFICIENT_FUNDS, the amounts in details, moving nothing", async () => {
    const { api, real, wallet } = await trader("30.00");
    const error = await failure(api.accounts.transfer({ fromAccountId: real.id, toAccountId: wallet.id, amount: "30.01", idempotencyKey: "tx-too-much-1" }));
    expect([error?.code, error?.httpStatus, Object.keys(error?.fieldErrors ?? {})]).toEqual(["INSUFFICIENT_FUNDS", 409, ["amount"]]);
    expect(error?.details).toEqual({ available: "30.00", requested: "30.01" });
    expect(await coreBalance(h, real.login)).toBe("30.00");
    // Refusals are not remembered: the same key works once the money is there.
    await fund(h, real.login, "0.01");
    await api.accounts.transfer({ fromAccountId: real.id, toAccountId: wallet.id, amount: "30.01", idempotencyKey: "tx-too-much-1" });
    expect(await coreBalance(h, wallet.login)).toBe("30.01");
  });

  it("refuses DEMO accounts, other currencies, the same account, and bad amounts and keys, moving nothing", async () => {
    const { api, real, wallet, eur, demo } = await trader();
    const base = { fromAccountId: real.id, toAccountId: wallet.id, amount: "1.00", idempotencyKey: "tx-refused-01" };
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ toAccountId: demo.id }, "INVALID_DATA", "toAccountId"],
      [{ fromAccountId: demo.id }, "INVALID_DATA", "fromAccountId"],
      [{ toAccountId: eur.id }, "INVALID_DATA", "toAccountId"],
      [{ toAccountId: real.id }, "INVALID_DATA", "toAccountId"],
      [{ amount: "0" }, "INVALID_DATA", "amount"],
      [{ amount: "-5" }, "INVALID_DATA", "amount"],
      [{ amount: "1.001" }, "INVALID_DATA", "amount"],
      [{ amount: "ten" }, "INVALID_DATA", "amount"],
      [{ idempotencyKey: "short" }, "INVALID_DATA", "idempotencyKey"],
      [{ idempotencyKey: undefined }, "INVALID_DATA", "idempotencyKey"],
    ];
    for (const [change, code, field] of cases) {
      const error = await failure(api.accounts.transfer({ ...base, ...change } as never));
      expect([error?.code, Object.keys(error?.fieldErrors ?? {})], JSON.stringify(change)).toEqual([code, [field]]);
    }
    expect([await coreBalance(h, real.login), await coreBalance(h, wallet.login)]).toEqual(["500.00", "0.00"]);
  });

  it("refuses archived accounts on either side with 409 ACCOUNT_ARCHIVED", async () => {
    const { api, real, wallet, customer } = await trader();
    const spare = await openFrom(api, "real-usd");
    await api.accounts.archive({ accountId: spare.id });
    expect(await codeOf(api.accounts.transfer({ fromAccountId: real.id, toAccountId: spare.id, amount: "1.00", idempotencyKey: "tx-archived-1" }))).toBe("ACCOUNT_ARCHIVED");
    expect(await codeOf(api.accounts.transfer({ fromAccountId: spare.id, toAccountId: wallet.id, amount: "1.00", idempotencyKey: "tx-archived-2" }))).toBe("ACCOUNT_ARCHIVED");
    expect(await h.db.auditEvent.count({ where: { customerId: customer.id, kind: "account.transferred" } })).toBe(0);
  });

  it("a core that does not answer is CORE_NOT_AVAILABLE and moves nothing", async () => {
    const { api, real, wallet } = await trader();
    await h.faults.failNext("transfer", 1);
    expect(await codeOf(api.accounts.transfer({ fromAccountId: real.id, toAccountId: wallet.id, amount: "5.00", idempotencyKey: "tx-core-down-1" }))).toBe("CORE_NOT_AVAILABLE");
    expect(await coreBalance(h, real.login)).toBe("500.00");
  });
});

describe("staff.adjustBalance", () => {
  it("credits and debits a customer's account with a comment, once per key, audited with the staff id", async () => {
    const { customer, real } = await trader("0.01");
    const { api, staff } = await newStaff(h);
    const deposit = { accountId: real.id, type: "deposit" as const, amount: "1000", comment: "Wire 2026-11-23 ref 42", idempotencyKey: "adj-0000-0001" };
    expect(await api.staff.adjustBalance(deposit)).toMatchObject({
      status: "APPLIED",
      approvalRequired: false,
      operationId: expect.any(String),
      accountId: real.id,
      login: real.login,
      type: "deposit",
      amount: "1000.00",
      currency: "USD",
      balance: "1000.01",
    });
    await api.staff.adjustBalance(deposit);
    expect(await coreBalance(h, real.login)).toBe("1000.01");
    await api.staff.adjustBalance({ ...deposit, type: "withdrawal", amount: "0.01", idempotencyKey: "adj-0000-0002" });
    expect(await coreBalance(h, real.login)).toBe("1000.00");
    const audit = await h.db.auditEvent.findMany({ where: { kind: "account.balance_adjusted", customerId: customer.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.staffId, (a.data as { type: string }).type, (a.data as { comment: string }).comment])).toEqual([
      // The repeat with the same key moved nothing and is not a second movement.
      [staff.id, "deposit", "Wire 2026-11-23 ref 42"],
      [staff.id, "withdrawal", "Wire 2026-11-23 ref 42"],
    ]);
  });

  it("refuses unknown accounts (404), archived ones and overdrafts (409), bad input (400), and customers (403)", async () => {
    const c = await trader("10.00");
    const { api } = await newStaff(h);
    const base = { accountId: c.real.id, type: "withdrawal" as const, amount: "5.00", comment: "Correction", idempotencyKey: "adj-refused-1" };
    expect(await codeOf(api.staff.adjustBalance({ ...base, accountId: 2_000_000_000 }))).toBe("NOT_FOUND");
    const overdraft = await failure(api.staff.adjustBalance({ ...base, amount: "10.01" }));
    expect([overdraft?.code, overdraft?.httpStatus]).toEqual(["INSUFFICIENT_FUNDS", 409]);
    for (const change of [{ comment: "  " }, { comment: "x".repeat(256) }, { type: "bonus" }, { amount: "0" }]) {
      expect(await codeOf(api.staff.adjustBalance({ ...base, ...change } as never)), JSON.stringify(change)).toBe("INVALID_DATA");
    }
    const spare = await openFrom(c.api, "real-usd");
    await c.api.accounts.archive({ accountId: spare.id });
    expect(await codeOf(api.staff.adjustBalance({ ...base, accountId: spare.id, type: "deposit" }))).toBe("ACCOUNT_ARCHIVED");
    expect(await codeOf(c.api.staff.adjustBalance(base))).toBe("FORBIDDEN");
    expect(await coreBalance(h, c.real.login)).toBe("10.00");
  });
});

describe("the money history (MoneyMovement)", () => {
  const rowsOf = (customerId: number) =>
    h.db.moneyMovement.findMany({ where: { customerId }, orderBy: [{ createdAt: "asc" }, { amount: "asc" }] });

  it("records both legs of a transfer once, a repeat adding nothing", async () => {
    const { api, real, wallet, customer } = await trader();
    const input = { fromAccountId: real.id, toAccountId: wallet.id, amount: "12.34", idempotencyKey: "tx-history-0001" };
    await api.accounts.transfer(input);
    await api.accounts.transfer(input);
    const rows = (await rowsOf(customer.id)).filter((r) => r.kind === "TRANSFER");
    expect(rows.map((r) => [r.accountId, r.counterpartyAccountId, r.amount.toFixed(2), r.currency, r.status])).toEqual([
      [real.id, wallet.id, "-12.34", "USD", "COMPLETED"],
      [wallet.id, real.id, "12.34", "USD", "COMPLETED"],
    ]);
  });

  it("records a refused transfer nowhere", async () => {
    const { api, real, wallet, customer } = await trader("10.00");
    expect(await codeOf(api.accounts.transfer({ fromAccountId: real.id, toAccountId: wallet.id, amount: "10.01", idempotencyKey: "tx-history-0002" }))).toBe("INSUFFICIENT_FUNDS");
    expect((await rowsOf(customer.id)).filter((r) => r.kind === "TRANSFER")).toEqual([]);
  });

  it("records a staff adjustment and a REAL opening deposit", async () => {
    const { customer, real } = await trader();
    const { api: staffApi } = await newStaff(h);
    await staffApi.staff.adjustBalance({ accountId: real.id, type: "deposit", amount: "5.00", comment: "Goodwill", idempotencyKey: "adj-history-0001" });
    const adjustments = (await rowsOf(customer.id)).filter((r) => r.kind === "ADJUSTMENT");
    expect(adjustments.map((r) => [r.accountId, r.amount.toFixed(2), r.description, r.status])).toEqual([[real.id, "5.00", "Goodwill", "COMPLETED"]]);
    const demo = await h.db.account.findFirstOrThrow({ where: { customerId: customer.id, accountMode: "DEMO" } });
    const openings = (await rowsOf(customer.id)).filter((r) => r.kind === "OPENING_DEPOSIT");
    expect(openings.map((r) => r.accountId)).toContain(demo.id);
  });
});
