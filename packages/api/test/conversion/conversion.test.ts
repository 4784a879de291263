// conversion.quote / conversion.accept: currency conversion between a customer's own
// wallets (issue #13): exact amounts and rounding, spread tiers, expiry, exactly-once legs
// under parallel accepts and core faults, every refusal, and money neither made nor lost.
import { randomUUID } from "node:crypto";
import type { TradingCore, TransferInput } from "@brokerage/core-adapter";
import { Prisma } from "@brokerage/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recoverConversions } from "../../src/conversion/accept-quote";
import { createContextInner, type Credential } from "../../src/context";
import { createCaller } from "../../src/index";
import { createLogger } from "../../src/logger";
import { codeOf, coreBalance, failure, fund, newCustomer, openFrom, seedGroups } from "../accounts/fixtures";
import { createHarness, type Harness } from "../support/harness";

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

/** A KYC-approved customer with a USD wallet (funded), a EUR wallet, a REAL USD account and a demo USD account. */
async function customer(balance = "500.00") {
  const c = await newCustomer(h, { kycApproved: true });
  const usd = await openFrom(c.api, "wallet-usd");
  const eur = await openFrom(c.api, "wallet-eur");
  const real = await openFrom(c.api, "real-usd");
  const demo = await openFrom(c.api, "demo-usd");
  if (balance !== "0.00") await fund(h, usd.login, balance);
  return { ...c, usd, eur, real, demo };
}

/** Every balance the core holds, summed per currency (house accounts included). */
async function sumsByCurrency(): Promise<Record<string, string>> {
  const rows = await h.db.$queryRaw<Array<{ currency: string; total: string }>>`
    SELECT currency, sum(balance)::text AS total FROM core_sim.accounts GROUP BY currency ORDER BY currency`;
  return Object.fromEntries(rows.map((r) => [r.currency, r.total]));
}

const plus = (a: string, b: string) => new Prisma.Decimal(a).plus(b).toFixed(2);

async function houseBalance(currency: string) {
  const house = await h.db.houseAccount.findUniqueOrThrow({ where: { currency } });
  return coreBalance(h, house.login);
}

/**
 * A caller whose core arms the simulator's own fault switch (failNext / loseNextReply of
 * `transfer`) right before the buy leg reaches it: the sell leg goes through untouched.
 */
function callerFaultingBuyLeg(credential: Credential, mode: "fail" | "lose-reply") {
  let armed = true;
  const core = new Proxy(h.core, {
    get(target, prop, receiver) {
      if (prop === "transfer") {
        return async (input: TransferInput) => {
          if (armed && input.idempotencyKey.endsWith(":buy")) {
            armed = false;
            await (mode === "fail" ? h.faults.failNext("transfer", 1) : h.faults.loseNextReply("transfer", 1));
          }
          return target.transfer(input);
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as TradingCore;
  const deps = { db: h.db, core, clock: h.clock, logger: createLogger({ level: "silent" }), rateLimits: h.rateLimits, documents: h.documents, rates: h.rates };
  return { api: createCaller(createContextInner({ deps, credential })), deps };
}

const recoveryDeps = () => ({ db: h.db, core: h.core, clock: h.clock });

describe("conversion.quote", () => {
  it("quotes the mid rate less the default spread, the amount received rounded down, valid 30 s; moves nothing", async () => {
    const { api, usd, eur } = await customer();
    const now = h.clock.now();
    const quote = await api.conversion.quote({ fromAccountId: usd.id, toAccountId: eur.id, amount: "100" });
    expect(quote).toEqual({
      quoteId: expect.any(String),
      status: "OPEN",
      fromAccountId: usd.id,
      toAccountId: eur.id,
      sellAmount: "100.00",
      sellCurrency: "USD",
      buyAmount: "91.54",
      buyCurrency: "EUR",
      midRate: "0.92",
      rateAsOf: now,
      spread: "0.005",
      spreadPercent: "0.50",
      customerRate: "0.915400",
      spreadTier: 0,
      rounding: {
        customerRate: "midRate * (1 - spread), rounded half-even to 6 decimals",
        buyAmount: "sellAmount * customerRate, rounded down to 2 decimals",
      },
      createdAt: now,
      expiresAt: new Date(now.getTime() + 30_000),
      secondsLeft: 30,
    });
    expect([await coreBalance(h, usd.login), await coreBalance(h, eur.login)]).toEqual(["500.00", "0.00"]);
    expect(await h.db.moneyMovement.count({ where: { accountId: { in: [usd.id, eur.id] }, kind: "CONVERSION" } })).toBe(0);
  });

  it("rounds the customer rate half-even to 6 decimals and the amount received down to cents", async () => {
    const { api, usd, eur, customer: me } = await customer();
    // A tier without spread shows the rate's own rounding (tiers are data).
    await h.db.conversionSpreadTier.upsert({ where: { rateClass: 9 }, create: { rateClass: 9, spread: "0", description: "test: none" }, update: {} });
    await h.db.customer.update({ where: { id: me.id }, data: { conversionRateClass: 9 } });
    const rateFor = async (usdEur: string) => {
      h.rates.faults.setUsdRate("EUR", usdEur);
      return (await api.conversion.quote({ fromAccountId: usd.id, toAccountId: eur.id, amount: "1.00" })).customerRate;
    };
    expect(await rateFor("0.9154125")).toBe("0.915412"); // a half goes to the even neighbour (down)...
    expect(await rateFor("0.9154135")).toBe("0.915414"); // ... or (up)
    expect(await rateFor("0.91541251")).toBe("0.915413"); // more than a half goes up
    h.rates.faults.reset();
    await h.db.customer.update({ where: { id: me.id }, data: { conversionRateClass: null } });

    // 10.01 * 0.9154 = 9.163154 -> 9.16; 33.33 EUR * 1.081522 (1/0.92 = 1.08695652, less 0.50 %) = 36.04712826 -> 36.04
    const small = await api.conversion.quote({ fromAccountId: usd.id, toAccountId: eur.id, amount: "10.01" });
    expect([small.customerRate, small.buyAmount]).toEqual(["0.915400", "9.16"]);
    const back = await api.conversion.quote({ fromAccountId: eur.id, toAccountId: usd.id, amount: "33.33" });
    expect([back.midRate, back.customerRate, back.buyAmount]).toEqual(["1.08695652", "1.081522", "36.04"]);
    // 0.01 USD buys 0.009154 EUR: nothing after rounding, refused.
    const tiny = await failure(api.conversion.quote({ fromAccountId: usd.id, toAccountId: eur.id, amount: "0.01" }));
    expect([tiny?.code, tiny?.fieldCodes]).toEqual(["INVALID_DATA", { amount: ["TOO_SMALL"] }]);
    expect([(await api.conversion.quote({ fromAccountId: usd.id, toAccountId: eur.id, amount: "0.02" })).buyAmount]).toEqual(["0.01"]);
  });

  it("takes the spread from the customer's rate class: 1 = 0.25 %, 2 = 0.10 %, unknown or none = 0.50 %", async () => {
    const { api, usd, eur, customer: me } = await customer();
    const cases: Array<[number | null, string, string, number]> = [
      [null, "0.915400", "91.54", 0],
      [1, "0.917700", "91.77", 1],
      [2, "0.919080", "91.90", 2],
      [7, "0.915400", "91.54", 0],
    ];
    for (const [rateClass, rate, buy, tier] of cases) {
      await h.db.customer.update({ where: { id: me.id }, data: { conversionRateClass: rateClass } });
      const q = await api.conversion.quote({ fromAccountId: usd.id, toAccountId: eur.id, amount: "100.00" });
      expect([q.customerRate, q.buyAmount, q.spreadTier], String(rateClass)).toEqual([rate, buy, tier]);
    }
  });

  it("refuses DEMO accounts, trading accounts, the same wallet, one currency, archived wallets and others' accounts", async () => {
    const { api, usd, eur, real, demo, customer: me } = await customer();
    const other = await customer();
    const base = { fromAccountId: usd.id, toAccountId: eur.id, amount: "10.00" };
    const cases: Array<[Record<string, unknown>, string, Record<string, string[]> | undefined]> = [
      [{ fromAccountId: demo.id }, "INVALID_DATA", { fromAccountId: ["DEMO_ACCOUNT"] }],
      [{ toAccountId: demo.id }, "INVALID_DATA", { toAccountId: ["DEMO_ACCOUNT"] }],
      [{ fromAccountId: real.id }, "INVALID_DATA", { fromAccountId: ["NOT_ALLOWED"] }],
      [{ toAccountId: real.id }, "INVALID_DATA", { toAccountId: ["NOT_ALLOWED"] }],
      [{ toAccountId: usd.id }, "INVALID_DATA", { toAccountId: ["SAME_ACCOUNT"] }],
      [{ fromAccountId: other.usd.id }, "NOT_FOUND", undefined],
      [{ toAccountId: other.eur.id }, "NOT_FOUND", undefined],
      [{ toAccountId: 2_000_000_000 }, "NOT_FOUND", undefined],
    ];
    for (const [change, code, fieldCodes] of cases) {
      const error = await failure(api.conversion.quote({ ...base, ...change } as never));
      expect([error?.code, error?.fieldCodes], JSON.stringify(change)).toEqual([code, fieldCodes]);
    }
    // Another wallet in USD (a row from before the one-wallet-per-currency rule).
    const legacy = await h.db.account.create({
      data: {
        customerId: me.id, groupId: (await h.db.account.findUniqueOrThrow({ where: { id: usd.id } })).groupId,
        brandId: me.brandId, login: 900_000 + Math.floor(Math.random() * 90_000), kind: "WALLET", accountMode: "REAL", currency: "USD", platform: "MT5", leverage: 1,
      },
    });
    const same = await failure(api.conversion.quote({ ...base, toAccountId: legacy.id }));
    expect([same?.code, same?.fieldCodes]).toEqual(["INVALID_DATA", { toAccountId: ["MUST_DIFFER"] }]);
    await api.accounts.archive({ accountId: eur.id });
    expect(await codeOf(api.conversion.quote(base))).toBe("ACCOUNT_ARCHIVED");
    expect(await h.db.conversionQuote.count({ where: { customerId: me.id } })).toBe(0);
  });

  it("refuses bad amounts and bodies with INVALID_DATA and field codes", async () => {
    const { api, usd, eur } = await customer();
    const base = { fromAccountId: usd.id, toAccountId: eur.id, amount: "10.00" };
    const cases: Array<[Record<string, unknown>, Record<string, string[]>]> = [
      [{ amount: "-5" }, { amount: ["INVALID_FORMAT", "NOT_POSITIVE"] }],
      [{ amount: "0" }, { amount: ["NOT_POSITIVE"] }],
      [{ amount: "0.00" }, { amount: ["NOT_POSITIVE"] }],
      [{ amount: "1.001" }, { amount: ["TOO_MANY_DECIMALS"] }],
      [{ amount: "1000000000000.00" }, { amount: ["INVALID_FORMAT"] }],
      [{ amount: "1e3" }, { amount: ["INVALID_FORMAT"] }],
      // The shared amount schema (a union of number and string) reads a missing amount so.
      [{ amount: undefined }, { amount: ["NOT_ALLOWED"] }],
      [{ fromAccountId: "1" }, { fromAccountId: ["INVALID_TYPE"] }],
      [{ extra: true }, { _form: ["UNKNOWN_FIELD"] }],
    ];
    for (const [change, fieldCodes] of cases) {
      const error = await failure(api.conversion.quote({ ...base, ...change } as never));
      expect([error?.code, error?.fieldCodes], JSON.stringify(change)).toEqual(["INVALID_DATA", fieldCodes]);
    }
    // The largest amount the schema takes still prices (and buys no more than a column holds).
    const big = await api.conversion.quote({ ...base, amount: "999999999999.99" });
    expect(big.buyAmount).toBe("915399999999.99");
  });

  it("answers RATES_NOT_AVAILABLE (503) when the rate source has no rate, storing nothing", async () => {
    const { api, usd, eur, customer: me } = await customer();
    h.rates.faults.setUnavailable(true);
    const error = await failure(api.conversion.quote({ fromAccountId: usd.id, toAccountId: eur.id, amount: "10.00" }));
    expect([error?.code, error?.httpStatus]).toEqual(["RATES_NOT_AVAILABLE", 503]);
    expect(await h.db.conversionQuote.count({ where: { customerId: me.id } })).toBe(0);
  });

  it("throttles quotes per customer (30 a minute), not across customers", async () => {
    const { api, usd, eur } = await customer();
    const input = { fromAccountId: usd.id, toAccountId: eur.id, amount: "1.00" };
    const codes = [];
    for (let i = 0; i < 31; i++) codes.push(await codeOf(api.conversion.quote(input)));
    expect(codes.filter((c) => c === "OK")).toHaveLength(30);
    const refused = await failure(api.conversion.quote(input));
    expect([refused?.code, refused?.httpStatus, typeof refused?.details?.retryAfterSeconds]).toEqual(["TOO_MANY_ATTEMPTS", 429, "number"]);
    const other = await customer();
    expect(await codeOf(other.api.conversion.quote({ fromAccountId: other.usd.id, toAccountId: other.eur.id, amount: "1.00" }))).toBe("OK");
  });

  it("needs a customer session", async () => {
    const error = await failure(h.caller(null).conversion.quote({ fromAccountId: 1, toAccountId: 2, amount: "1.00" }));
    expect(error?.code).toBe("INVALID_CUSTOMER_SESSION");
  });
});

describe("conversion.accept", () => {
  it("moves both legs through the house accounts, writes both history rows, and a repeat answers the same", async () => {
    const { api, usd, eur, customer: me } = await customer();
    const sums = await sumsByCurrency();
    const houseUsd = await h.db.houseAccount.findUnique({ where: { currency: "USD" } });
    const houseUsdBefore = houseUsd ? await coreBalance(h, houseUsd.login) : "0.00";
    const houseEur = await h.db.houseAccount.findUnique({ where: { currency: "EUR" } });
    const houseEurBefore = houseEur ? await coreBalance(h, houseEur.login) : "0.00";

    const quote = await api.conversion.quote({ fromAccountId: usd.id, toAccountId: eur.id, amount: "100.00" });
    h.clock.advance(29_000);
    const done = await api.conversion.accept({ quoteId: quote.quoteId });
    expect(done).toMatchObject({
      quoteId: quote.quoteId,
      status: "COMPLETED",
      sellAmount: "100.00",
      sellCurrency: "USD",
      buyAmount: "91.54",
      buyCurrency: "EUR",
      customerRate: "0.915400",
      fromBalance: "400.00",
      toBalance: "91.54",
      acceptedAt: h.clock.now(),
      completedAt: h.clock.now(),
    });
    expect([await coreBalance(h, usd.login), await coreBalance(h, eur.login)]).toEqual(["400.00", "91.54"]);
    expect(await houseBalance("USD")).toBe(plus(houseUsdBefore, "100.00"));
    expect(await houseBalance("EUR")).toBe(plus(houseEurBefore, "-91.54"));
    expect(await sumsByCurrency()).toEqual(sums);

    const rows = await h.db.moneyMovement.findMany({ where: { customerId: me.id, kind: "CONVERSION" }, orderBy: { amount: "asc" } });
    expect(rows.map((r) => [r.accountId, r.counterpartyAccountId, r.amount.toFixed(2), r.currency, r.status, r.reference])).toEqual([
      [usd.id, eur.id, "-100.00", "USD", "COMPLETED", `conversion:${quote.quoteId}`],
      [eur.id, usd.id, "91.54", "EUR", "COMPLETED", `conversion:${quote.quoteId}`],
    ]);
    const audit = await h.db.auditEvent.findMany({ where: { customerId: me.id, kind: "account.converted" } });
    expect(audit.map((a) => a.data)).toEqual([expect.objectContaining({ quoteId: quote.quoteId, sellAmount: "100.00", buyAmount: "91.54" })]);

    h.clock.advance(60_000);
    expect(await api.conversion.accept({ quoteId: quote.quoteId })).toEqual({ ...done, secondsLeft: 0 });
    expect([await coreBalance(h, usd.login), await coreBalance(h, eur.login)]).toEqual(["400.00", "91.54"]);
    expect(await h.db.moneyMovement.count({ where: { customerId: me.id, kind: "CONVERSION" } })).toBe(2);
  });

  it("five parallel accepts of one quote make one conversion and answer the same", async () => {
    const { api, usd, eur, customer: me } = await customer();
    const sums = await sumsByCurrency();
    const quote = await api.conversion.quote({ fromAccountId: usd.id, toAccountId: eur.id, amount: "250.00" });
    const results = await Promise.all(Array.from({ length: 5 }, () => api.conversion.accept({ quoteId: quote.quoteId })));
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(results[0]).toMatchObject({ status: "COMPLETED", buyAmount: "228.85", fromBalance: "250.00", toBalance: "228.85" });
    expect([await coreBalance(h, usd.login), await coreBalance(h, eur.login)]).toEqual(["250.00", "228.85"]);
    expect(await h.db.moneyMovement.count({ where: { customerId: me.id, kind: "CONVERSION" } })).toBe(2);
    expect(await sumsByCurrency()).toEqual(sums);
  });

  it("parallel accepts of different quotes each convert once", async () => {
    const { api, usd, eur } = await customer();
    const sums = await sumsByCurrency();
    const quotes = await Promise.all([10, 20, 30].map((n) => api.conversion.quote({ fromAccountId: usd.id, toAccountId: eur.id, amount: `${n}.00` })));
    await Promise.all(quotes.flatMap((q) => [api.conversion.accept({ quoteId: q.quoteId }), api.conversion.accept({ quoteId: q.quoteId })]));
    // 9.15 + 18.30 + 27.46 (27.462 rounded down)
    expect([await coreBalance(h, usd.login), await coreBalance(h, eur.login)]).toEqual(["440.00", "54.91"]);
    expect(await sumsByCurrency()).toEqual(sums);
  });

  it("refuses an expired quote with 409 QUOTE_EXPIRED, moving nothing; the recovery pass marks it EXPIRED", async () => {
    const { api, usd, eur, customer: me } = await customer();
    const quote = await api.conversion.quote({ fromAccountId: usd.id, toAccountId: eur.id, amount: "10.00" });
    h.clock.advance(30_000);
    const error = await failure(api.conversion.accept({ quoteId: quote.quoteId }));
    expect([error?.code, error?.httpStatus]).toEqual(["QUOTE_EXPIRED", 409]);
    expect((await h.db.conversionQuote.findUniqueOrThrow({ where: { id: quote.quoteId } })).status).toBe("OPEN");
    await recoverConversions(recoveryDeps());
    expect((await h.db.conversionQuote.findUniqueOrThrow({ where: { id: quote.quoteId } })).status).toBe("EXPIRED");
    expect(await codeOf(api.conversion.accept({ quoteId: quote.quoteId }))).toBe("QUOTE_EXPIRED");
    expect([await coreBalance(h, usd.login), await coreBalance(h, eur.login)]).toEqual(["500.00", "0.00"]);
    expect(await h.db.moneyMovement.count({ where: { customerId: me.id, kind: "CONVERSION" } })).toBe(0);
  });

  it("answers NOT_FOUND for another customer's quote and an unknown one (moving nothing), INVALID_DATA for a malformed id", async () => {
    const owner = await customer();
    const thief = await customer();
    const quote = await owner.api.conversion.quote({ fromAccountId: owner.usd.id, toAccountId: owner.eur.id, amount: "10.00" });
    const stolen = await failure(thief.api.conversion.accept({ quoteId: quote.quoteId }));
    const unknown = await failure(thief.api.conversion.accept({ quoteId: randomUUID() }));
    expect([stolen?.code, stolen?.httpStatus, stolen?.message]).toEqual(["NOT_FOUND", 404, unknown?.message]);
    expect(unknown?.code).toBe("NOT_FOUND");
    const malformed = await failure(thief.api.conversion.accept({ quoteId: "1 OR 1=1" }));
    expect([malformed?.code, malformed?.fieldCodes]).toEqual(["INVALID_DATA", { quoteId: ["INVALID_FORMAT"] }]);
    expect((await h.db.conversionQuote.findUniqueOrThrow({ where: { id: quote.quoteId } })).status).toBe("OPEN");
    expect(await coreBalance(h, owner.usd.login)).toBe("500.00");
    // The owner can still accept it.
    expect((await owner.api.conversion.accept({ quoteId: quote.quoteId })).status).toBe("COMPLETED");
  });

  it("refuses a quote whose wallet was archived meanwhile with ACCOUNT_ARCHIVED, moving nothing", async () => {
    const { api, usd, eur } = await customer();
    const quote = await api.conversion.quote({ fromAccountId: usd.id, toAccountId: eur.id, amount: "10.00" });
    await api.accounts.archive({ accountId: eur.id });
    expect(await codeOf(api.conversion.accept({ quoteId: quote.quoteId }))).toBe("ACCOUNT_ARCHIVED");
    expect(await coreBalance(h, usd.login)).toBe("500.00");
  });

  it("insufficient funds on the sell leg: 409 INSUFFICIENT_FUNDS, nothing moved, the quote FAILED for good", async () => {
    const { api, usd, eur, customer: me } = await customer("50.00");
    const sums = await sumsByCurrency();
    const quote = await api.conversion.quote({ fromAccountId: usd.id, toAccountId: eur.id, amount: "50.01" });
    const error = await failure(api.conversion.accept({ quoteId: quote.quoteId }));
    expect([error?.code, error?.httpStatus]).toEqual(["INSUFFICIENT_FUNDS", 409]);
    expect((await h.db.conversionQuote.findUniqueOrThrow({ where: { id: quote.quoteId } })).status).toBe("FAILED");
    await fund(h, usd.login, "1.00");
    expect(await codeOf(api.conversion.accept({ quoteId: quote.quoteId }))).toBe("INSUFFICIENT_FUNDS");
    expect([await coreBalance(h, usd.login), await coreBalance(h, eur.login)]).toEqual(["51.00", "0.00"]);
    expect(await h.db.moneyMovement.count({ where: { customerId: me.id, kind: "CONVERSION" } })).toBe(0);
    const after = await sumsByCurrency();
    expect(after).toEqual({ ...sums, USD: plus(sums.USD ?? "0", "1.00") });
  });

  it("a core refusing the sell leg before doing anything: CORE_NOT_AVAILABLE, nothing moved; a repeat after the 30 s converts once", async () => {
    const { api, usd, eur, customer: me } = await customer();
    const sums = await sumsByCurrency();
    const quote = await api.conversion.quote({ fromAccountId: usd.id, toAccountId: eur.id, amount: "100.00" });
    await h.faults.failNext("transfer", 1);
    const error = await failure(api.conversion.accept({ quoteId: quote.quoteId }));
    expect([error?.code, error?.httpStatus]).toEqual(["CORE_NOT_AVAILABLE", 500]);
    expect((await h.db.conversionQuote.findUniqueOrThrow({ where: { id: quote.quoteId } })).status).toBe("ACCEPTED");
    expect(await coreBalance(h, usd.login)).toBe("500.00");
    expect(await h.db.moneyMovement.count({ where: { customerId: me.id, kind: "CONVERSION" } })).toBe(0);
    h.clock.advance(45_000); // accepted in time: finishing it is owed, not a new acceptance
    expect(await api.conversion.accept({ quoteId: quote.quoteId })).toMatchObject({ status: "COMPLETED", fromBalance: "400.00", toBalance: "91.54" });
    expect([await coreBalance(h, usd.login), await coreBalance(h, eur.login)]).toEqual(["400.00", "91.54"]);
    expect(await sumsByCurrency()).toEqual(sums);
  });

  it("a lost reply of the sell leg: in progress (the money sold), a repeat finishes with the sell leg applied once", async () => {
    const { api, usd, eur, customer: me } = await customer();
    const sums = await sumsByCurrency();
    const quote = await api.conversion.quote({ fromAccountId: usd.id, toAccountId: eur.id, amount: "100.00" });
    await h.faults.loseNextReply("transfer", 1);
    expect(await codeOf(api.conversion.accept({ quoteId: quote.quoteId }))).toBe("CORE_NOT_AVAILABLE");
    expect((await h.db.conversionQuote.findUniqueOrThrow({ where: { id: quote.quoteId } })).status).toBe("ACCEPTED");
    expect([await coreBalance(h, usd.login), await coreBalance(h, eur.login)]).toEqual(["400.00", "0.00"]);
    await api.conversion.accept({ quoteId: quote.quoteId });
    await api.conversion.accept({ quoteId: quote.quoteId });
    expect([await coreBalance(h, usd.login), await coreBalance(h, eur.login)]).toEqual(["400.00", "91.54"]);
    expect(await h.db.moneyMovement.count({ where: { customerId: me.id, kind: "CONVERSION" } })).toBe(2);
    expect(await sumsByCurrency()).toEqual(sums);
  });

  it("a lost reply of the sell leg is finished by the recovery pass, which leaves young conversions alone", async () => {
    const { api, usd, eur } = await customer();
    const sums = await sumsByCurrency();
    const quote = await api.conversion.quote({ fromAccountId: usd.id, toAccountId: eur.id, amount: "100.00" });
    await h.faults.loseNextReply("transfer", 1);
    expect(await codeOf(api.conversion.accept({ quoteId: quote.quoteId }))).toBe("CORE_NOT_AVAILABLE");
    expect((await recoverConversions(recoveryDeps())).completed).toBe(0); // in flight for all it knows
    h.clock.advance(31_000);
    expect(await recoverConversions(recoveryDeps())).toMatchObject({ completed: 1, pending: 0 });
    expect((await h.db.conversionQuote.findUniqueOrThrow({ where: { id: quote.quoteId } })).status).toBe("COMPLETED");
    expect([await coreBalance(h, usd.login), await coreBalance(h, eur.login)]).toEqual(["400.00", "91.54"]);
    expect(await recoverConversions(recoveryDeps())).toMatchObject({ completed: 0 });
    expect(await api.conversion.accept({ quoteId: quote.quoteId })).toMatchObject({ status: "COMPLETED", toBalance: "91.54" });
    expect(await sumsByCurrency()).toEqual(sums);
  });

  it("the core failing on the buy leg: the sell leg stays recorded (SOLD), a repeat buys once", async () => {
    const c = await customer();
    const { api } = callerFaultingBuyLeg(c.credential, "fail");
    const sums = await sumsByCurrency();
    const quote = await api.conversion.quote({ fromAccountId: c.usd.id, toAccountId: c.eur.id, amount: "100.00" });
    expect(await codeOf(api.conversion.accept({ quoteId: quote.quoteId }))).toBe("CORE_NOT_AVAILABLE");
    const row = await h.db.conversionQuote.findUniqueOrThrow({ where: { id: quote.quoteId } });
    expect([row.status, row.fromBalanceAfter?.toFixed(2), row.lastError]).toEqual(["SOLD", "400.00", "core:unavailable"]);
    expect([await coreBalance(h, c.usd.login), await coreBalance(h, c.eur.login)]).toEqual(["400.00", "0.00"]);
    const rows = await h.db.moneyMovement.findMany({ where: { customerId: c.customer.id, kind: "CONVERSION" } });
    expect(rows.map((r) => [r.accountId, r.amount.toFixed(2)])).toEqual([[c.usd.id, "-100.00"]]);
    expect(await api.conversion.accept({ quoteId: quote.quoteId })).toMatchObject({ status: "COMPLETED", fromBalance: "400.00", toBalance: "91.54" });
    expect([await coreBalance(h, c.usd.login), await coreBalance(h, c.eur.login)]).toEqual(["400.00", "91.54"]);
    expect(await h.db.moneyMovement.count({ where: { customerId: c.customer.id, kind: "CONVERSION" } })).toBe(2);
    expect(await sumsByCurrency()).toEqual(sums);
  });

  it("a lost reply of the buy leg: the recovery pass finishes it and the money arrives once", async () => {
    const c = await customer();
    const { api } = callerFaultingBuyLeg(c.credential, "lose-reply");
    const sums = await sumsByCurrency();
    const quote = await api.conversion.quote({ fromAccountId: c.usd.id, toAccountId: c.eur.id, amount: "100.00" });
    expect(await codeOf(api.conversion.accept({ quoteId: quote.quoteId }))).toBe("CORE_NOT_AVAILABLE");
    expect((await h.db.conversionQuote.findUniqueOrThrow({ where: { id: quote.quoteId } })).status).toBe("SOLD");
    expect([await coreBalance(h, c.usd.login), await coreBalance(h, c.eur.login)]).toEqual(["400.00", "91.54"]);
    h.clock.advance(31_000);
    expect(await recoverConversions(recoveryDeps())).toMatchObject({ completed: 1 });
    expect([await coreBalance(h, c.usd.login), await coreBalance(h, c.eur.login)]).toEqual(["400.00", "91.54"]);
    expect(await c.api.conversion.accept({ quoteId: quote.quoteId })).toMatchObject({ status: "COMPLETED", toBalance: "91.54" });
    expect(await h.db.moneyMovement.count({ where: { customerId: c.customer.id, kind: "CONVERSION" } })).toBe(2);
    expect(await sumsByCurrency()).toEqual(sums);
  });

  it("a core down for good: the conversion stays in progress through repeats and recovery, then completes once it is back", async () => {
    const { api, usd, eur } = await customer();
    const sums = await sumsByCurrency();
    const quote = await api.conversion.quote({ fromAccountId: usd.id, toAccountId: eur.id, amount: "100.00" });
    await h.faults.setUnavailable(true);
    expect(await codeOf(api.conversion.accept({ quoteId: quote.quoteId }))).toBe("CORE_NOT_AVAILABLE");
    h.clock.advance(31_000);
    expect(await recoverConversions(recoveryDeps())).toMatchObject({ completed: 0, pending: 1 });
    expect(await codeOf(api.conversion.accept({ quoteId: quote.quoteId }))).toBe("CORE_NOT_AVAILABLE");
    await h.faults.setUnavailable(false);
    expect(await recoverConversions(recoveryDeps())).toMatchObject({ completed: 1 });
    expect([await coreBalance(h, usd.login), await coreBalance(h, eur.login)]).toEqual(["400.00", "91.54"]);
    expect(await sumsByCurrency()).toEqual(sums);
  });
});
