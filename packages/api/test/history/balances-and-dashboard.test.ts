// Balances in the accounts list (one batch core call), the dashboard's total in the
// preferred currency, and customer.setPreferredCurrency (issue #13).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness";
import { codeOf, failure, fund, newCustomer, openFrom, seedGroups } from "../accounts/fixtures";
import { callerWithCore, countingCore, trader } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedGroups(h);
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.faults.reset();
  h.rates.faults.reset();
});

describe("accounts.list balances", () => {
  it("reads every balance of the page from the core in one batch call", async () => {
    const t = await trader(h, "750.25");
    const { core, calls } = countingCore(h.core);
    const api = callerWithCore(h, core, t.credential);
    const list = await api.accounts.list({ limit: 100 });
    expect(calls).toEqual(["getAccounts"]);
    expect(list.balancesAvailable).toBe(true);
    const byId = new Map(list.items.map((a) => [a.id, a.balance]));
    expect([byId.get(t.real.id), byId.get(t.wallet.id), byId.get(t.eur.id), byId.get(t.demo.id)]).toEqual([
      "750.25",
      "0.00",
      "0.00",
      "10000.00",
    ]);
  });

  it("makes no core call for an empty page", async () => {
    const c = await newCustomer(h);
    const { core, calls } = countingCore(h.core);
    const list = await callerWithCore(h, core, c.credential).accounts.list({});
    expect([list.items, list.balancesAvailable, calls]).toEqual([[], true, []]);
  });

  it("still answers when the core is down: every account, balances null, the flag says so", async () => {
    const t = await trader(h);
    await h.faults.setUnavailable(true);
    const list = await t.api.accounts.list({});
    expect(list.balancesAvailable).toBe(false);
    expect(list.total).toBe(4);
    expect(list.items.map((a) => a.balance)).toEqual([null, null, null, null]);
    expect(list.items.map((a) => a.id).sort()).toEqual([t.real.id, t.wallet.id, t.eur.id, t.demo.id].sort());
  });
});

describe("dashboard.summary", () => {
  /** USD 500.00 on the REAL account, EUR 100.02 in the wallet, demo USD 10000.00. */
  async function holder() {
    const t = await trader(h, "500.00");
    await fund(h, t.eur.login, "100.02");
    return t;
  }

  it("adds REAL accounts and wallets in the preferred currency at mid rates, rounding each subtotal half-even", async () => {
    const t = await holder();
    // 1 USD = 0.80 EUR, so 1 EUR = 1.25 USD: 100.02 EUR = 125.025 USD -> 125.02 (half-even; half-up would say 125.03).
    h.rates.faults.setUsdRate("EUR", "0.80");
    const summary = await t.api.dashboard.summary();
    expect(summary).toMatchObject({
      preferredCurrency: "USD",
      total: "625.02",
      missing: { balances: false, rates: [] },
      currencies: [
        { currency: "USD", accounts: 2, balance: "500.00", rate: "1", rateAsOf: null, converted: "500.00" },
        { currency: "EUR", accounts: 1, balance: "100.02", rate: "1.25", rateAsOf: h.clock.now().toISOString(), converted: "125.02" },
      ],
      demo: [{ currency: "USD", accounts: 1, balance: "10000.00" }],
    });
    expect(summary.rounding).toMatch(/half-even/);
    expect(summary.currencyChoices).toEqual(["AUD", "CAD", "CHF", "EUR", "GBP", "JPY", "USD"]);
  });

  it("follows the preferred currency, shows the latest 5 movements, and reads the core once", async () => {
    const t = await holder();
    h.rates.faults.setUsdRate("EUR", "0.80");
    expect(await t.api.customer.setPreferredCurrency({ currency: "eur" })).toEqual({ preferredCurrency: "EUR" });
    expect((await t.api.customer.me()).preferredCurrency).toBe("EUR");
    for (let i = 0; i < 6; i++) {
      h.clock.advance(1000);
      await t.api.accounts.transfer({ fromAccountId: t.real.id, toAccountId: t.wallet.id, amount: "1.00", idempotencyKey: `dash-${t.customer.id}-${i}` });
    }
    const { core, calls } = countingCore(h.core);
    const summary = await callerWithCore(h, core, t.credential).dashboard.summary();
    expect(calls).toEqual(["getAccounts"]);
    // 500.00 USD x 0.8 = 400.00 EUR, plus 100.02 EUR.
    expect([summary.preferredCurrency, summary.total]).toEqual(["EUR", "500.02"]);
    expect(summary.currencies.map((c) => [c.currency, c.rate, c.converted])).toEqual([
      ["EUR", "1", "100.02"],
      ["USD", "0.8", "400.00"],
    ]);
    expect(summary.latest).toHaveLength(5);
    expect(summary.latest).toEqual((await t.api.history.list({ limit: 5 })).items);
    expect(summary.latest.every((m) => m.kind === "TRANSFER")).toBe(true);
  });

  it("with the rates down: the subtotals it can convert, no total, and which rates are missing", async () => {
    const t = await holder();
    h.rates.faults.setUnavailable(true);
    const summary = await t.api.dashboard.summary();
    expect(summary).toMatchObject({
      total: null,
      missing: { balances: false, rates: ["EUR"] },
      currencyChoices: ["USD"],
      currencies: [
        { currency: "USD", balance: "500.00", converted: "500.00" },
        { currency: "EUR", balance: "100.02", rate: null, converted: null },
      ],
    });
    expect(summary.latest.length).toBeGreaterThan(0);
  });

  it("with the core down: no balances, no total, the latest movements still shown", async () => {
    const t = await holder();
    await h.faults.setUnavailable(true);
    const summary = await t.api.dashboard.summary();
    expect(summary).toMatchObject({
      total: null,
      missing: { balances: true, rates: [] },
      currencies: [
        { currency: "USD", accounts: 2, balance: null, converted: null },
        { currency: "EUR", accounts: 1, balance: null, rate: "1.08695652", converted: null },
      ],
      demo: [{ currency: "USD", balance: null }],
    });
    expect(summary.latest.length).toBeGreaterThan(0);
  });

  it("a customer with nothing has a total of zero; archived accounts and other customers' money never count", async () => {
    const empty = await newCustomer(h);
    expect(await empty.api.dashboard.summary()).toMatchObject({ total: "0.00", currencies: [], demo: [], latest: [] });

    const t = await newCustomer(h, { kycApproved: true });
    const wallet = await openFrom(t.api, "wallet-usd");
    const spare = await openFrom(t.api, "real-usd");
    await fund(h, wallet.login, "40.00");
    await t.api.accounts.archive({ accountId: spare.id });
    await holder(); // someone else's money
    const summary = await t.api.dashboard.summary();
    expect(summary.total).toBe("40.00");
    expect(summary.currencies).toEqual([expect.objectContaining({ currency: "USD", accounts: 1, balance: "40.00" })]);
  });
});

describe("customer.setPreferredCurrency", () => {
  it("accepts only a currency the rate source knows; refusals change nothing", async () => {
    const c = await newCustomer(h);
    expect(await c.api.customer.setPreferredCurrency({ currency: " gbp " })).toEqual({ preferredCurrency: "GBP" });
    const unknown = await failure(c.api.customer.setPreferredCurrency({ currency: "XYZ" }));
    expect([unknown?.code, unknown?.fieldCodes]).toEqual(["INVALID_DATA", { currency: ["NOT_ALLOWED"] }]);
    for (const currency of ["US", "USDT", "12$", ""]) expect(await codeOf(c.api.customer.setPreferredCurrency({ currency }))).toBe("INVALID_DATA");
    h.rates.faults.setUnavailable(true);
    const down = await failure(c.api.customer.setPreferredCurrency({ currency: "EUR" }));
    expect([down?.code, down?.httpStatus]).toEqual(["RATES_NOT_AVAILABLE", 503]);
    expect((await c.api.customer.me()).preferredCurrency).toBe("GBP");
    expect(await codeOf(h.caller(null).customer.setPreferredCurrency({ currency: "EUR" }))).toBe("INVALID_CUSTOMER_SESSION");
  });

  it("a currency the rates know (a new one moved into the table) becomes allowed", async () => {
    const c = await newCustomer(h);
    expect(await codeOf(c.api.customer.setPreferredCurrency({ currency: "SEK" }))).toBe("INVALID_DATA");
    h.rates.faults.setUsdRate("SEK", "10.5");
    expect(await c.api.customer.setPreferredCurrency({ currency: "SEK" })).toEqual({ preferredCurrency: "SEK" });
  });
});
