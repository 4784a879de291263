import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recoverOpenings } from "../../src/accounts/opening-recovery";
import { getDomainError } from "../../src/errors";
import { encryptSecret } from "../../src/otp/secret-box";
import { createHarness, type Harness } from "../support/harness";
import { newCustomer, seedGroups } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ poolSize: 10 });
  await seedGroups(h);
});
afterAll(() => h.close());
beforeEach(() => h.faults.reset());

const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => getDomainError(e));
const codeOf = async (p: Promise<unknown>) => (await failure(p))?.code ?? "OK";
const recoveryDeps = () => ({ db: h.db, core: h.core, clock: h.clock });

const encryptedPassword = () => encryptSecret("Tmp-Password-2026!");

/** The single row of a raw query. */
const one = async <T,>(query: Promise<unknown>) => ((await query) as T[])[0]!;

async function coreBalance(login: number) {
  return (await h.core.getAccount(login)).balance;
}

describe("GetCustomerAccountGroups", () => {
  it("lists the enabled public groups of the customer's brand with what each still needs", async () => {
    const { api } = await newCustomer(h);
    const groups = await api.accounts.groups();
    expect(groups.map((g) => g.name).sort()).toEqual(["demo-eur", "demo-usd", "real-usd", "wallet-eur", "wallet-usd"]);
    expect(groups.find((g) => g.name === "demo-usd")).toEqual({
      id: expect.any(Number),
      name: "demo-usd",
      kind: "TRADING",
      accountMode: "DEMO",
      currency: "USD",
      platform: "MT5",
      leverage: 100,
      allowedLeverages: [50, 100, 200, 500],
      defaultDeposit: "10000.00",
      maxStartAmount: "100000.00",
      kycRequired: false,
      emailVerificationRequired: false,
      alreadyHeld: false,
      leverageCap: null,
      appropriatenessRequired: false,
      termsAcceptanceRequired: false,
    });
    expect(groups.find((g) => g.name === "real-usd")?.kycRequired).toBe(true);
    expect(groups.find((g) => g.name === "wallet-usd")?.kycRequired).toBe(true);
  });
});

describe("OpenCustomerAccount", () => {
  it("opens a demo account with the seed's fields, a policy-compliant temporary password shown once, and the default deposit", async () => {
    const { api, customer } = await newCustomer(h);
    const opened = await api.accounts.open({ group: "demo-usd" });
    expect(opened).toMatchObject({
      group: "demo-usd",
      brand: "default",
      accountMode: "DEMO",
      currency: "USD",
      leverage: 100,
      mustChangePassword: true,
    });
    expect(opened.login).toBeGreaterThanOrEqual(100001);
    expect(opened.temporaryPassword).toMatch(/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{8,16}$/);
    expect(await coreBalance(opened.login)).toBe("10000.00");
    expect(await h.core.checkPassword({ login: opened.login, type: "main", password: opened.temporaryPassword! })).toBe(true);
    const row = await h.db.account.findUniqueOrThrow({ where: { login: opened.login } });
    expect([row.customerId, row.mustChangePassword, row.accountMode]).toEqual([customer.id, true, "DEMO"]);
  });

  it("never stores or sends the temporary password: no column of any table, no message, no audit row holds it", async () => {
    const { api } = await newCustomer(h);
    const opened = await api.accounts.open({ group: "demo-eur" });
    const tables = await h.db.$queryRaw<Array<{ schemaname: string; tablename: string }>>`
      SELECT schemaname, tablename FROM pg_tables WHERE schemaname IN ('public', 'core_sim')`;
    for (const t of tables) {
      const rows = await h.db.$queryRawUnsafe<Array<{ row: string }>>(
        `SELECT row_to_json(x)::text AS row FROM "${t.schemaname}"."${t.tablename}" x`,
      );
      for (const r of rows) expect(r.row, `${t.schemaname}.${t.tablename}`).not.toContain(opened.temporaryPassword);
    }
  });

  it("takes an allowed leverage and a demo start amount instead of the default deposit", async () => {
    const { api } = await newCustomer(h);
    const opened = await api.accounts.open({ group: "demo-usd", leverage: 500, startAmount: "2500.50" });
    expect(opened.leverage).toBe(500);
    expect(await coreBalance(opened.login)).toBe("2500.50");
    expect(await codeOf(api.accounts.open({ group: "demo-usd", leverage: 30 }))).toBe("INVALID_DATA");
    expect(await codeOf(api.accounts.open({ group: "demo-usd", startAmount: "100000.01" }))).toBe("INVALID_DATA");
    expect(await codeOf(api.accounts.open({ group: "demo-usd", startAmount: "-5" }))).toBe("INVALID_DATA");
    expect(await codeOf(api.accounts.open({ group: "demo-usd", extra: true } as never))).toBe("INVALID_DATA");
  });

  it("answers every refusal of seed 000 with its code, in the seed's order, creating nothing", async () => {
    const other = await h.db.brand.create({ data: { code: "other", displayName: "Other" } });
    await h.db.accountGroup.create({
      data: { brandId: other.id, name: "other-demo", accountMode: "DEMO", currency: "USD", platform: "MT5", leverage: 100, allowedLeverages: [100] },
    });
    await h.db.accountGroup.create({
      data: { brandId: other.id, name: "other-disabled", accountMode: "DEMO", currency: "USD", platform: "MT5", leverage: 100, allowedLeverages: [100], enabled: false },
    });
    const { api, customer } = await newCustomer(h);
    const before = { accounts: await h.db.account.count(), openings: await h.db.accountOpening.count() };
    expect(await codeOf(api.accounts.open({ group: "no-such-group" }))).toBe("INVALID_GROUP");
    expect(await codeOf(api.accounts.open({ group: "demo-usd-legacy" }))).toBe("GROUP_DISABLED");
    expect(await codeOf(api.accounts.open({ group: "real-usd-vip" }))).toBe("GROUP_NOT_PUBLIC");
    expect(await codeOf(api.accounts.open({ group: "other-demo" }))).toBe("GROUP_BRAND_MISMATCH");
    // A disabled group of another brand: GROUP_DISABLED comes first in the seed's table.
    expect(await codeOf(api.accounts.open({ group: "other-disabled" }))).toBe("GROUP_DISABLED");

    const brandId = customer.brandId;
    await h.db.brand.update({ where: { id: brandId }, data: { allowDemoOpening: false, allowRealOpening: false } });
    expect(await codeOf(api.accounts.open({ group: "demo-usd" }))).toBe("DEMO_OPENING_DISABLED");
    expect(await codeOf(api.accounts.open({ group: "real-usd" }))).toBe("REAL_OPENING_DISABLED");
    await h.db.brand.update({ where: { id: brandId }, data: { enabled: false } });
    expect(await codeOf(api.accounts.open({ group: "demo-usd" }))).toBe("BRAND_NOT_AVAILABLE");
    await h.db.brand.update({ where: { id: brandId }, data: { enabled: true, allowDemoOpening: true, allowRealOpening: true } });

    expect({ accounts: await h.db.account.count(), openings: await h.db.accountOpening.count() }).toEqual(before);
    expect(await codeOf(h.caller(null).accounts.open({ group: "" } as never))).toBe("INVALID_CUSTOMER_SESSION");
  });

  it("refuses real accounts while the e-mail is unverified", async () => {
    const { api } = await newCustomer(h, { emailVerified: false });
    expect(await codeOf(api.accounts.open({ group: "real-usd" }))).toBe("EMAIL_NOT_VERIFIED");
    expect(await codeOf(api.accounts.open({ group: "wallet-usd" }))).toBe("EMAIL_NOT_VERIFIED");
    await expect(api.accounts.open({ group: "demo-usd" })).resolves.toMatchObject({ accountMode: "DEMO" });
  });

  it("gates REAL on KYC with the seed's payload, creating the profile once and reusing it", async () => {
    const { api, customer } = await newCustomer(h);
    const first = await failure(api.accounts.open({ group: "real-usd" }));
    expect(first?.code).toBe("KYC_REQUIRED");
    expect(first?.httpStatus).toBe(403);
    const profile = await h.db.kycProfile.findUniqueOrThrow({ where: { customerId: customer.id } });
    expect(first?.details).toEqual({
      kyc_required: true,
      kyc_required_level: 1,
      kyc_status: 2,
      kyc_current_level: 0,
      kyc_profile_id: profile.id,
    });
    const second = await failure(api.accounts.open({ group: "real-usd" }));
    expect(second?.details).toEqual(first?.details);
    expect(await h.db.kycProfile.count({ where: { customerId: customer.id } })).toBe(1);
    expect(await h.db.kycRequirement.findMany({ where: { profileId: profile.id }, select: { level: true, reason: true, source: true } })).toEqual([
      { level: 1, reason: "real_account_required", source: "account_opening" },
    ]);
    expect(await h.db.account.count({ where: { customerId: customer.id } })).toBe(0);
    expect(await h.db.accountOpening.count({ where: { customerId: customer.id } })).toBe(0);
  });

  it("opens wallets only with approved KYC, one per currency", async () => {
    const pending = await newCustomer(h);
    const refused = await failure(pending.api.accounts.open({ group: "wallet-usd" }));
    expect(refused?.code).toBe("KYC_REQUIRED");
    expect(await h.db.kycRequirement.findFirst({ where: { profile: { customerId: pending.customer.id } }, select: { reason: true, source: true } })).toEqual({
      reason: "wallet_required",
      source: "wallet_opening",
    });
    const { api } = await newCustomer(h, { kycApproved: true });
    const wallet = await api.accounts.open({ group: "wallet-usd" });
    expect([wallet.kind, wallet.accountMode, wallet.currency]).toEqual(["WALLET", "REAL", "USD"]);
    const second = await failure(api.accounts.open({ group: "wallet-usd" }));
    expect([second?.code, second?.httpStatus, second?.details]).toEqual(["WALLET_EXISTS", 409, { currency: "USD" }]);
    await expect(api.accounts.open({ group: "real-usd" })).resolves.toMatchObject({ accountMode: "REAL" });
  });

  it("two parallel openings of one wallet currency make one wallet; the other answers WALLET_EXISTS", async () => {
    const { api, customer } = await newCustomer(h, { kycApproved: true });
    const results = await Promise.all(Array.from({ length: 6 }, () => codeOf(api.accounts.open({ group: "wallet-eur" }))));
    expect(results.sort()).toEqual(["OK", "WALLET_EXISTS", "WALLET_EXISTS", "WALLET_EXISTS", "WALLET_EXISTS", "WALLET_EXISTS"]);
    expect(await h.db.account.count({ where: { customerId: customer.id, kind: "WALLET", currency: "EUR" } })).toBe(1);
    const { n } = await one<{ n: bigint }>(
      h.db.$queryRaw`SELECT count(*) AS n FROM core_sim.accounts WHERE email = ${customer.email} AND archived_at IS NULL`,
    );
    expect(n).toBe(1n);
  });

  it("the database refuses a second open wallet of one currency, whatever the code checks", async () => {
    const { api, customer } = await newCustomer(h, { kycApproved: true });
    const wallet = await api.accounts.open({ group: "wallet-usd" });
    const row = await h.db.account.findUniqueOrThrow({ where: { id: wallet.accountId } });
    const { id: _id, ...copy } = row;
    await expect(h.db.account.create({ data: { ...copy, login: row.login + 900_000 } })).rejects.toThrow();
    expect(await h.db.account.count({ where: { customerId: customer.id, kind: "WALLET" } })).toBe(1);
  });

  it("KYC_REQUIRED for any KYC status but APPROVED, even with a verified level (product.md)", async () => {
    const { api, customer } = await newCustomer(h, { kycApproved: true });
    await h.db.kycProfile.update({ where: { customerId: customer.id }, data: { status: 4 } });
    expect(await codeOf(api.accounts.open({ group: "real-usd" }))).toBe("KYC_REQUIRED");
    await h.db.kycProfile.update({ where: { customerId: customer.id }, data: { status: 2, requiredLevel: 2 } });
    expect(await codeOf(api.accounts.open({ group: "wallet-usd" }))).toBe("KYC_REQUIRED");
    expect(await h.db.account.count({ where: { customerId: customer.id } })).toBe(0);
  });

  it("returns the same account for a repeated idempotency key, without the password the second time", async () => {
    const { api, customer } = await newCustomer(h);
    const first = await api.accounts.open({ group: "demo-usd", idempotencyKey: "key-0001-demo" });
    const again = await api.accounts.open({ group: "demo-usd", idempotencyKey: "key-0001-demo" });
    expect(again).toEqual({ ...first, temporaryPassword: null });
    expect(await h.db.account.count({ where: { customerId: customer.id } })).toBe(1);
    expect(await coreBalance(first.login)).toBe("10000.00");
  });

  it("a repeated idempotency key of a wallet opening returns that wallet, not WALLET_EXISTS", async () => {
    const { api, customer } = await newCustomer(h, { kycApproved: true });
    const first = await api.accounts.open({ group: "wallet-usd", idempotencyKey: "wallet-key-0001" });
    const again = await api.accounts.open({ group: "wallet-usd", idempotencyKey: "wallet-key-0001" });
    expect(again).toEqual({ ...first, temporaryPassword: null });
    expect(await codeOf(api.accounts.open({ group: "wallet-usd", idempotencyKey: "wallet-key-0002" }))).toBe("WALLET_EXISTS");
    expect(await h.db.account.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("binds an idempotency key to its request: the same key with another request is 409 IDEMPOTENCY_KEY_REUSED", async () => {
    const { api, customer } = await newCustomer(h);
    await api.accounts.open({ group: "demo-usd", idempotencyKey: "key-bound-0001" });
    for (const other of [{ group: "demo-eur" }, { group: "demo-usd", leverage: 50 }, { group: "demo-usd", startAmount: "500" }]) {
      const refused = await failure(api.accounts.open({ ...other, idempotencyKey: "key-bound-0001" }));
      expect([refused?.code, refused?.httpStatus], JSON.stringify(other)).toEqual(["IDEMPOTENCY_KEY_REUSED", 409]);
    }
    expect(await h.db.account.count({ where: { customerId: customer.id } })).toBe(1);
    expect(await h.db.accountOpening.count({ where: { customerId: customer.id } })).toBe(1);
  });
});

describe("when the trading core fails", () => {
  it("ADD_BALANCE_ERROR keeps the account and hands over its login and password; the retry deposits exactly once", async () => {
    const { api } = await newCustomer(h);
    await h.faults.failNext("balanceOperation", 1);
    const error = await failure(api.accounts.open({ group: "demo-usd" }));
    expect(error?.code).toBe("ADD_BALANCE_ERROR");
    expect(error?.httpStatus).toBe(500);
    const login = error?.details?.login as number;
    const password = error?.details?.temporary_password as string;
    expect(await h.core.checkPassword({ login, type: "main", password })).toBe(true);
    expect(await coreBalance(login)).toBe("0.00");
    h.clock.advance(60_000);
    expect(await recoverOpenings(recoveryDeps())).toMatchObject({ depositsApplied: 1 });
    expect(await coreBalance(login)).toBe("10000.00");
    h.clock.advance(60_000);
    await recoverOpenings(recoveryDeps());
    expect(await coreBalance(login)).toBe("10000.00");
  });

  it("a deposit whose reply was lost is not applied twice by the retry", async () => {
    const { api } = await newCustomer(h);
    await h.faults.loseNextReply("balanceOperation", 1);
    const error = await failure(api.accounts.open({ group: "demo-usd" }));
    const login = error?.details?.login as number;
    expect(await coreBalance(login)).toBe("10000.00");
    h.clock.advance(60_000);
    await recoverOpenings(recoveryDeps());
    expect(await coreBalance(login)).toBe("10000.00");
  });

  it("CORE_NOT_AVAILABLE is final: nothing is shown, the recovery pass leaves no live core account, a retry opens exactly one", async () => {
    const { api, customer } = await newCustomer(h);
    await h.faults.setUnavailable(true);
    const error = await failure(api.accounts.open({ group: "demo-usd", idempotencyKey: "down-key-0001" }));
    expect([error?.code, error?.httpStatus]).toEqual(["CORE_NOT_AVAILABLE", 500]);
    expect(await h.db.account.count({ where: { customerId: customer.id } })).toBe(0);
    const { n } = await one<{ n: bigint }>(h.db.$queryRaw`SELECT count(*) AS n FROM core_sim.accounts WHERE email = ${customer.email}`);
    expect(n).toBe(0n);
    // Once the core is back, the recovery pass makes sure the failed attempt left nothing
    // live in the core (it cannot tell "never reached" from "reply lost"), and shows nothing.
    await h.faults.setUnavailable(false);
    h.clock.advance(60_000);
    expect((await recoverOpenings(recoveryDeps())).failures).toBe(0);
    expect(await h.db.account.count({ where: { customerId: customer.id } })).toBe(0);
    const live = await one<{ n: bigint }>(
      h.db.$queryRaw`SELECT count(*) AS n FROM core_sim.accounts WHERE email = ${customer.email} AND archived_at IS NULL`,
    );
    expect(live.n).toBe(0n);
    // The retry, with the same key or without one, is a new attempt: exactly one account.
    const retried = await api.accounts.open({ group: "demo-usd", idempotencyKey: "down-key-0001" });
    expect(retried.temporaryPassword).not.toBeNull();
    expect(await h.db.account.count({ where: { customerId: customer.id } })).toBe(1);
    expect(await coreBalance(retried.login)).toBe("10000.00");
    expect((await h.db.accountOpening.findMany({ where: { customerId: customer.id }, select: { temporaryPasswordEnc: true, status: true } })).map((o) => [o.status, o.temporaryPasswordEnc])).toEqual(
      expect.arrayContaining([["DISCARDED", null]]),
    );
  });

  it("a lost reply after the core created the account: a repeat with the key completes it and shows the password once", async () => {
    const { api, customer } = await newCustomer(h);
    await h.faults.loseNextReply("createAccount", 1);
    expect(await codeOf(api.accounts.open({ group: "demo-usd", idempotencyKey: "lost-reply-key-1" }))).toBe("CORE_NOT_AVAILABLE");
    const { n } = await one<{ n: bigint }>(h.db.$queryRaw`SELECT count(*) AS n FROM core_sim.accounts WHERE email = ${customer.email}`);
    expect(n).toBe(1n);
    expect(await h.db.account.count({ where: { customerId: customer.id } })).toBe(0);
    const repeated = await api.accounts.open({ group: "demo-usd", idempotencyKey: "lost-reply-key-1" });
    expect(await h.core.checkPassword({ login: repeated.login, type: "main", password: repeated.temporaryPassword! })).toBe(true);
    expect(await coreBalance(repeated.login)).toBe("10000.00");
    expect(await h.db.account.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("the recovery job archives in the core the account a lost reply left behind, and never shows it", async () => {
    const { api, customer } = await newCustomer(h);
    await h.faults.loseNextReply("createAccount", 1);
    expect(await codeOf(api.accounts.open({ group: "demo-eur" }))).toBe("CORE_NOT_AVAILABLE");
    const { login } = await one<{ login: bigint }>(h.db.$queryRaw`SELECT login FROM core_sim.accounts WHERE email = ${customer.email}`);
    h.clock.advance(60_000);
    // (Other tests of this file may leave abandoned openings too: at least this one.)
    expect((await recoverOpenings(recoveryDeps())).failures).toBe(0);
    expect(await h.db.accountOpening.findFirstOrThrow({ where: { customerId: customer.id }, select: { status: true, lastError: true } })).toEqual({
      status: "DISCARDED",
      lastError: `discarded:${login}`,
    });
    expect((await h.core.getAccount(Number(login))).archived).toBe(true);
    expect(await coreBalance(Number(login))).toBe("0.00");
    expect(await h.db.account.count({ where: { customerId: customer.id } })).toBe(0);
    // A second pass finds nothing left to do.
    expect(await recoverOpenings(recoveryDeps())).toMatchObject({ discarded: 0, failures: 0 });
  });

  it("an opening whose request died mid-way is abandoned by the recovery pass, not completed behind the customer's back", async () => {
    const { api, customer } = await newCustomer(h);
    await api.accounts.open({ group: "demo-usd" });
    const crashed = await h.db.accountOpening.create({
      data: { customerId: customer.id, groupId: (await h.db.accountGroup.findUniqueOrThrow({ where: { name: "demo-eur" } })).id, idempotencyKey: "crash-key-0001", leverage: 100, depositAmount: "10000", temporaryPasswordEnc: encryptedPassword(), createdAt: h.clock.now() },
    });
    h.clock.advance(60_000);
    expect((await recoverOpenings(recoveryDeps())).failures).toBe(0);
    expect(await h.db.accountOpening.findUniqueOrThrow({ where: { id: crashed.id }, select: { status: true, idempotencyKey: true, temporaryPasswordEnc: true } })).toEqual({
      status: "DISCARDED",
      idempotencyKey: null,
      temporaryPasswordEnc: null,
    });
    expect(await h.db.account.count({ where: { customerId: customer.id } })).toBe(1);
  });
});

describe("under concurrency", () => {
  it("50 parallel openings give 50 distinct logins and exactly 50 deposits", async () => {
    const customers = await Promise.all(Array.from({ length: 5 }, () => newCustomer(h)));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => customers[i % 5]!.api.accounts.open({ group: "demo-usd" })),
    );
    const logins = new Set(results.map((r) => r.login));
    expect(logins.size).toBe(50);
    const ids = customers.map((c) => c.customer.id);
    const accounts = await h.db.account.findMany({ where: { customerId: { in: ids } }, select: { login: true } });
    expect(accounts).toHaveLength(50);
    const { deposits, total } = await one<{ deposits: bigint; total: string }>(h.db.$queryRaw`
      SELECT count(*) AS deposits, sum(amount)::text AS total FROM core_sim.ledger
       WHERE kind = 'deposit' AND login = ANY(${accounts.map((a) => a.login)}::bigint[])`);
    expect([deposits, total]).toEqual([50n, "500000.00"]);
  });
});
