// Seed 003's account and portfolios over real HTTP (`POST /v1/account`,
// `POST /v1/account/portfolio`): the account is the customer, a portfolio is a wallet
// opened only after KYC. Every refusal answers its status and code and opens nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { userAccountResponseSchema } from "../../src/http-api/schemas-mobile";
import { expectError } from "./mobile-support";
import { setUp, signedIn, tearDown, type Setup } from "./support";

let s: Setup;
beforeAll(async () => {
  s = await setUp();
});
afterAll(() => tearDown(s));
beforeEach(() => s.h.faults.reset());

const ACCOUNT = "/v1/account";
const PORTFOLIO = "/v1/account/portfolio";
type UserAccount = { tradingPortfolioId: string | null; portfolios: unknown[] };
const dataOf = (reply: { body: Record<string, unknown> }) => reply.body.data as UserAccount;
const wallets = (customerId: number) =>
  s.h.db.account.findMany({ where: { customerId, kind: "WALLET" }, select: { id: true, currency: true, caption: true }, orderBy: { id: "asc" } });

describe("POST /v1/account", () => {
  it("answers the customer as seed 003's account, in its envelope, and creates nothing", async () => {
    const c = await signedIn(s);
    const reply = await s.api.call("POST", ACCOUNT, { token: c.token });
    expect(reply.status, reply.text).toBe(200);
    expect(userAccountResponseSchema.strict().safeParse(reply.body).success, reply.text).toBe(true);
    expect(reply.body).toEqual({
      success: true,
      errorCode: 0,
      errorMessage: "",
      data: {
        accountId: String(c.customer.id),
        email: c.customer.email,
        subAccountId: null,
        subAccountEmail: null,
        encryptionKey: null,
        creationTs: c.customer.createdAt.toISOString(),
        portfolios: [],
        additionalInfo: { kycStatus: "NOT_REQUIRED", preferredCurrency: "USD" },
        active: false,
        tradingPortfolioId: null,
      },
    });
    // The customer's own ids and address (any letter case) are accepted.
    const named = await s.api.call("POST", ACCOUNT, {
      token: c.token,
      body: { userId: String(c.customer.id), accountId: String(c.customer.id), email: c.customer.email.toUpperCase() },
    });
    expect(named.status, named.text).toBe(200);
    expect(await s.h.db.account.count({ where: { customerId: c.customer.id } })).toBe(0);
  });

  it("naming another customer is 404 NOT_FOUND; unknown fields and no token are refused", async () => {
    const c = await signedIn(s);
    const other = await signedIn(s);
    for (const body of [{ userId: String(other.customer.id) }, { accountId: String(other.customer.id) }, { email: other.customer.email }]) {
      expectError(await s.api.call("POST", ACCOUNT, { token: c.token, body }), 404, "NOT_FOUND");
    }
    expectError(await s.api.call("POST", ACCOUNT, { token: c.token, body: { owner: 1 } }), 400, "INVALID_DATA", ["owner"]);
    expectError(await s.api.call("POST", ACCOUNT, { token: null }), 401, "INVALID_CUSTOMER_SESSION");
  });
});

describe("POST /v1/account/portfolio", () => {
  it("before KYC is approved: 403 KYC_REQUIRED with seed 000's payload, and no portfolio", async () => {
    const c = await signedIn(s);
    const reply = await s.api.call("POST", PORTFOLIO, { token: c.token, body: { name: "Savings" } });
    expect([reply.status, reply.body]).toEqual([403, expect.objectContaining({ error: "KYC_REQUIRED", kyc_required: true, kyc_required_level: 1 })]);
    expect(await wallets(c.customer.id)).toEqual([]);
  });

  it("opens a wallet in the preferred currency, or the one asked for, named as asked", async () => {
    const c = await signedIn(s, { kycApproved: true });
    const usd = await s.api.call("POST", PORTFOLIO, { token: c.token, body: { name: "Savings", portfolioAccountType: "TRADING" } });
    expect(usd.status, usd.text).toBe(200);
    expect(userAccountResponseSchema.strict().safeParse(usd.body).success, usd.text).toBe(true);
    const [wallet] = await wallets(c.customer.id);
    expect(wallet).toMatchObject({ currency: "USD", caption: "Savings" });
    expect(usd.body.data).toMatchObject({
      active: true,
      tradingPortfolioId: String(wallet!.id),
      additionalInfo: { kycStatus: "APPROVED" },
      portfolios: [{ portfolioId: String(wallet!.id), name: "Savings", accountId: String(c.customer.id), currency: "USD", portfolioAccountType: "TRADING", publicStrategy: false }],
    });
    const eur = await s.api.call("POST", PORTFOLIO, { token: c.token, body: { currency: "eur", accountId: String(c.customer.id) } });
    expect(eur.status, eur.text).toBe(200);
    const after = await wallets(c.customer.id);
    expect(after.map((w) => w.currency)).toEqual(["USD", "EUR"]);
    expect(dataOf(eur).tradingPortfolioId).toBe(String(after[1]!.id));
    expect(dataOf(eur).portfolios.length).toBe(2);
    // The core holds the new wallets, with nothing in them.
    const logins = await s.h.db.account.findMany({ where: { customerId: c.customer.id }, select: { login: true } });
    for (const { login } of logins) expect((await s.h.core.getAccount(login)).balance).toBe("0.00");
  });

  it("one portfolio per currency, a repeated portfolioId answers its portfolio, and every bad input opens nothing", async () => {
    const c = await signedIn(s, { kycApproved: true });
    const first = await s.api.call("POST", PORTFOLIO, { token: c.token, body: { portfolioId: "client-portfolio-1" } });
    expect(first.status, first.text).toBe(200);
    const again = await s.api.call("POST", PORTFOLIO, { token: c.token, body: { portfolioId: "client-portfolio-1" } });
    expect(again.status, again.text).toBe(200);
    expect(dataOf(again).tradingPortfolioId).toBe(dataOf(first).tradingPortfolioId);
    const exists = await s.api.call("POST", PORTFOLIO, { token: c.token, body: {} });
    expect([exists.status, exists.body]).toEqual([409, expect.objectContaining({ error: "WALLET_EXISTS", currency: "USD" })]);
    expectError(
      await s.api.call("POST", PORTFOLIO, { token: c.token, body: { portfolioId: "client-portfolio-1", currency: "EUR" } }),
      409,
      "IDEMPOTENCY_KEY_REUSED",
    );
    expectError(await s.api.call("POST", PORTFOLIO, { token: c.token, body: { currency: "JPY" } }), 400, "INVALID_DATA", ["currency"]);
    expectError(await s.api.call("POST", PORTFOLIO, { token: c.token, body: { currency: "EURO" } }), 400, "INVALID_DATA", ["currency"]);
    expectError(await s.api.call("POST", PORTFOLIO, { token: c.token, body: { currency: "EUR", portfolioAccountType: "SAVINGS" } }), 400, "INVALID_DATA", [
      "portfolioAccountType",
    ]);
    expectError(await s.api.call("POST", PORTFOLIO, { token: c.token, body: { currency: "EUR", name: " " } }), 400, "INVALID_DATA", ["name"]);
    expectError(await s.api.call("POST", PORTFOLIO, { token: c.token, body: { currency: "EUR", portfolioId: "short" } }), 400, "INVALID_DATA", ["portfolioId"]);
    const other = await signedIn(s, { kycApproved: true });
    expectError(await s.api.call("POST", PORTFOLIO, { token: c.token, body: { currency: "EUR", accountId: String(other.customer.id) } }), 404, "NOT_FOUND");
    expectError(await s.api.call("POST", PORTFOLIO, { token: null, body: { currency: "EUR" } }), 401, "INVALID_CUSTOMER_SESSION");
    expect((await wallets(c.customer.id)).map((w) => w.currency)).toEqual(["USD"]);
    expect(await wallets(other.customer.id)).toEqual([]);
  });

  it("parallel requests for one currency open one portfolio; the core down opens none", async () => {
    const c = await signedIn(s, { kycApproved: true });
    const replies = await Promise.all(Array.from({ length: 5 }, () => s.api.call("POST", PORTFOLIO, { token: c.token, body: { currency: "EUR" } })));
    expect(replies.map((r) => `${r.status} ${r.body.error ?? ""}`).sort()).toEqual(["200 ", "409 WALLET_EXISTS", "409 WALLET_EXISTS", "409 WALLET_EXISTS", "409 WALLET_EXISTS"]);
    expect((await wallets(c.customer.id)).map((w) => w.currency)).toEqual(["EUR"]);

    await s.h.faults.setUnavailable(true);
    expectError(await s.api.call("POST", PORTFOLIO, { token: c.token, body: { currency: "USD" } }), 500, "CORE_NOT_AVAILABLE");
    expect((await wallets(c.customer.id)).map((w) => w.currency)).toEqual(["EUR"]);
  });
});
