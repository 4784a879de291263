// Seed 000 over real HTTP: GetCustomerAccountGroups and OpenCustomerAccount, with every
// row of the seed's error table, compared with the seed's example bodies.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  accountGroupsResponseSchema,
  addBalanceErrorSchema,
  kycRequiredErrorSchema,
  openAccountResponseSchema,
} from "../../src/http-api/schemas";
import { expectShape, SEED_000, seedRow } from "./seeds";
import { setUp, signedIn, tearDown, type Setup } from "./support";

let s: Setup;
beforeAll(async () => {
  s = await setUp();
  const group = (brandId: number, name: string, accountMode: "DEMO" | "REAL") =>
    s.h.db.accountGroup.create({
      data: { brandId, name, accountMode, currency: "USD", platform: "MT5", leverage: 100, allowedLeverages: [100] },
    });
  const other = await s.h.db.brand.create({ data: { code: "other", displayName: "Other Markets" } });
  await group(other.id, "other-demo", "DEMO");
  await s.h.db.brand.create({ data: { code: "closed", displayName: "Closed Markets", enabled: false } });
  const noDemo = await s.h.db.brand.create({ data: { code: "nodemo", displayName: "No Demo", allowDemoOpening: false } });
  await group(noDemo.id, "nodemo-demo", "DEMO");
  const noReal = await s.h.db.brand.create({ data: { code: "noreal", displayName: "No Real", allowRealOpening: false } });
  await group(noReal.id, "noreal-real", "REAL");
});
afterAll(() => tearDown(s));
beforeEach(() => s.h.faults.reset());

const open = (token: string | null, body: unknown) => s.api.call("POST", "/customer/account/open", { token, body });
const accountsOf = (customerId: number) => s.h.db.account.count({ where: { customerId } });

/** The seed's row, exactly: its status and `{error, message}`, the message being the seed's description. */
function expectRefusal(
  reply: { status: number; body: Record<string, unknown> },
  code: string,
  options: { message?: string; extra?: Record<string, unknown> } = {},
) {
  const row = seedRow(code);
  expect({ status: reply.status, body: reply.body }, code).toEqual({
    status: row.status,
    body: { error: row.error, message: options.message ?? row.description, ...options.extra },
  });
}

describe("GET /customer/account/groups (GetCustomerAccountGroups)", () => {
  it("lists the openable groups in snake_case", async () => {
    const { token } = await signedIn(s);
    const reply = await s.api.call("GET", "/customer/account/groups", { token });
    expect(reply.status).toBe(200);
    const groups = reply.body.groups as Array<Record<string, unknown>>;
    expect(groups.map((g) => g.name).sort()).toEqual(["demo-eur", "demo-usd", "real-usd", "wallet-eur", "wallet-usd"]);
    expect(groups.find((g) => g.name === "demo-usd")).toEqual({
      id: expect.any(Number),
      name: "demo-usd",
      kind: "TRADING",
      account_mode: "DEMO",
      currency: "USD",
      platform: "MT5",
      leverage: 100,
      allowed_leverages: [50, 100, 200, 500],
      default_deposit: "10000.00",
      max_start_amount: "100000.00",
      kyc_required: false,
      email_verification_required: false,
      already_held: false,
      leverage_cap: null,
      appropriateness_required: false,
      terms_acceptance_required: false,
    });
    expect(groups.find((g) => g.name === "real-usd")?.kyc_required).toBe(true);
    expect(accountGroupsResponseSchema.strict().safeParse(reply.body).success).toBe(true);
    const anonymous = await s.api.call("GET", "/customer/account/groups");
    expect([anonymous.status, anonymous.body.error]).toEqual([401, "INVALID_CUSTOMER_SESSION"]);
  });
});

describe("POST /customer/account/open (OpenCustomerAccount)", () => {
  it("answers the seed's example request with the seed's response fields, plus the additive account_id", async () => {
    const { customer, token } = await signedIn(s);
    const reply = await open(token, SEED_000.request);
    expect(reply.status).toBe(200);
    expect(expectShape(reply.body, SEED_000.response, ["account_id"])).toEqual([]);
    const row = await s.h.db.account.findFirstOrThrow({ where: { customerId: customer.id } });
    expect(reply.body).toEqual({
      login: row.login,
      group: "demo-usd",
      brand: "default",
      account_mode: "DEMO",
      currency: "USD",
      leverage: 100,
      temporary_password: expect.any(String),
      must_change_password: true,
      account_id: row.id,
    });
    expect(row.login).toBeGreaterThanOrEqual(100001);
    expect(openAccountResponseSchema.strict().safeParse(reply.body).success).toBe(true);
    // The default deposit, and the password works in the core.
    expect((await s.h.core.getAccount(row.login)).balance).toBe("10000.00");
    expect(await s.h.core.checkPassword({ login: row.login, type: "main", password: reply.body.temporary_password as string })).toBe(true);
  });

  it("takes the additive leverage, start_amount and idempotency_key", async () => {
    const { customer, token } = await signedIn(s);
    const body = { group: "demo-usd", leverage: 500, start_amount: "2500.50", idempotency_key: "http-key-0001" };
    const first = await open(token, body);
    expect(first.status).toBe(200);
    expect(first.body.leverage).toBe(500);
    expect((await s.h.core.getAccount(first.body.login as number)).balance).toBe("2500.50");
    const again = await open(token, body);
    expect(again.body).toEqual({ ...first.body, temporary_password: null });
    expect(await accountsOf(customer.id)).toBe(1);
  });

  it("answers every refusal of seed 000's table through HTTP, opening nothing", async () => {
    const { customer, token } = await signedIn(s);

    // 400 INVALID_DATA: wrong type, missing, unknown field; a domain-level field error keeps its HTTP name.
    const wrongType = await open(token, { group: 5 });
    expect([wrongType.status, wrongType.body.error, wrongType.body.message]).toEqual([400, "INVALID_DATA", seedRow("INVALID_DATA").description]);
    expect(Object.keys(wrongType.body.field_errors as object)).toEqual(["group"]);
    expect((await open(token, {})).body.field_errors).toEqual({ group: [expect.any(String)] });
    expect((await open(token, { group: "demo-usd", startAmount: "5" })).body.field_errors).toEqual({ startAmount: ["Unknown field"] });
    expect((await open(token, { group: "demo-usd", start_amount: "-5" })).body.field_errors).toEqual({
      start_amount: expect.arrayContaining([expect.any(String)]),
    });
    const leverage = await open(token, { group: "demo-usd", leverage: 30 });
    expect([leverage.status, leverage.body.field_errors]).toEqual([400, { leverage: [expect.stringMatching(/50, 100, 200, 500/)] }]);
    const realAmount = await open(token, { group: "real-usd", start_amount: "100" });
    expect([realAmount.status, realAmount.body.field_errors]).toEqual([400, { start_amount: [expect.stringMatching(/demo/)] }]);

    expectRefusal(await open(token, { group: "no-such-group" }), "INVALID_GROUP");
    // The seed describes 401 as "Customer id is missing in session"; the message is the domain's.
    expectRefusal(await open(null, SEED_000.request), "INVALID_CUSTOMER_SESSION", {
      message: "Customer session is missing, expired or revoked",
    });
    expectRefusal(await open(token, { group: "demo-usd-legacy" }), "GROUP_DISABLED");
    expectRefusal(await open(token, { group: "real-usd-vip" }), "GROUP_NOT_PUBLIC");
    expectRefusal(await open(token, { group: "other-demo" }), "GROUP_BRAND_MISMATCH");

    const closed = await signedIn(s, { brand: "closed" });
    expectRefusal(await open(closed.token, SEED_000.request), "BRAND_NOT_AVAILABLE");
    const noDemo = await signedIn(s, { brand: "nodemo" });
    expectRefusal(await open(noDemo.token, { group: "nodemo-demo" }), "DEMO_OPENING_DISABLED");
    const noReal = await signedIn(s, { brand: "noreal" });
    expectRefusal(await open(noReal.token, { group: "noreal-real" }), "REAL_OPENING_DISABLED");

    expect(await accountsOf(customer.id)).toBe(0);
    expect(await s.h.db.account.count({ where: { customerId: { in: [closed.customer.id, noDemo.customer.id, noReal.customer.id] } } })).toBe(0);
  });

  it("403 KYC_REQUIRED carries exactly the seed's extra fields at top level", async () => {
    const { customer, token } = await signedIn(s);
    const reply = await open(token, { group: "real-usd" });
    expect(reply.status).toBe(403);
    expect(expectShape(reply.body, SEED_000.kycRequired)).toEqual([]);
    const profile = await s.h.db.kycProfile.findUniqueOrThrow({ where: { customerId: customer.id } });
    expect(reply.body).toEqual({ ...SEED_000.kycRequired, kyc_profile_id: profile.id });
    expect(kycRequiredErrorSchema.strict().safeParse(reply.body).success).toBe(true);
    expect(await s.h.db.kycRequirement.findMany({ where: { profileId: profile.id }, select: { level: true, reason: true, source: true } })).toEqual([
      { level: 1, reason: "real_account_required", source: "account_opening" },
    ]);
    expect(await accountsOf(customer.id)).toBe(0);
    // With approved KYC the same request opens the account.
    const approved = await signedIn(s, { kycApproved: true });
    const opened = await open(approved.token, { group: "real-usd" });
    expect([opened.status, opened.body.account_mode]).toEqual([200, "REAL"]);
  });

  it("403 EMAIL_NOT_VERIFIED (product.md) for real accounts while the e-mail is unverified", async () => {
    const { token } = await signedIn(s, { emailVerified: false });
    const reply = await open(token, { group: "real-usd" });
    expect([reply.status, reply.body]).toEqual([403, { error: "EMAIL_NOT_VERIFIED", message: "Verify your e-mail address first" }]);
  });

  it("500 CORE_NOT_AVAILABLE when the core does not answer, leaving nothing", async () => {
    const { customer, token } = await signedIn(s);
    await s.h.faults.setUnavailable(true);
    // The domain's detail (the kind of fault) is additive, at top level like every detail.
    expectRefusal(await open(token, SEED_000.request), "CORE_NOT_AVAILABLE", { extra: { core_error: "unavailable" } });
    await s.h.faults.setUnavailable(false);
    expect(await accountsOf(customer.id)).toBe(0);
  });

  it("500 ADD_BALANCE_ERROR keeps the account and hands over its login and temporary password", async () => {
    const { customer, token } = await signedIn(s);
    await s.h.faults.failNext("balanceOperation", 1);
    const reply = await open(token, SEED_000.request);
    expect(reply.status).toBe(500);
    const row = await s.h.db.account.findFirstOrThrow({ where: { customerId: customer.id } });
    expect(reply.body).toEqual({
      error: "ADD_BALANCE_ERROR",
      message: seedRow("ADD_BALANCE_ERROR").description,
      account_id: row.id,
      login: row.login,
      temporary_password: expect.any(String),
      must_change_password: true,
    });
    expect(addBalanceErrorSchema.strict().safeParse(reply.body).success).toBe(true);
    expect(await s.h.core.checkPassword({ login: row.login, type: "main", password: reply.body.temporary_password as string })).toBe(true);
    const linked = await s.api.call("GET", "/customer/session/accounts", { token });
    expect((linked.body.accounts as Array<{ login: number }>).map((a) => a.login)).toEqual([row.login]);
  });
});
