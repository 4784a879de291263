// The money property (issue #13): random schedules of deposits, withdrawals, decisions,
// transfers, conversions, staff adjustments, provider refunds and chargebacks, with core and provider
// faults injected in-process between them. After each schedule the faults are lifted and
// everything pending is settled (webhooks, payouts, the reconciliation pass); then, per
// currency, the core's money must equal what the provider's books and the staff's
// adjustments say entered and left, every deposit is credited exactly once, nothing is
// left between steps, and every account's history adds up to its balance.
import fc from "fast-check";
import { expect } from "vitest";
import { getDomainError } from "../../src/errors";
import { recoverConversions } from "../../src/conversion/accept-quote";
import { reconcilePayments } from "../../src/payment-provider/reconcile";
import { newCustomer, openFrom, seedGroups } from "../accounts/fixtures";
import { staffMember } from "../staff/fixtures";
import { createHarness, type Harness } from "../support/harness";
import { BIC, CARD_DECLINED, CARD_PAYS, IBAN, key, payOnPage } from "./fixtures";

type Customer = Awaited<ReturnType<typeof setUpCustomer>>;

async function setUpCustomer(h: Harness) {
  const c = await newCustomer(h, { kycApproved: true });
  const real = await openFrom(c.api, "real-usd");
  const wallet = await openFrom(c.api, "wallet-usd");
  const euro = await openFrom(c.api, "wallet-eur");
  await c.api.payoutMethods.add({ iban: IBAN, bic: BIC, holderName: `${c.customer.firstName} ${c.customer.lastName}` });
  const method = (await c.api.payoutMethods.list())[0]!;
  return { ...c, real, wallet, euro, methodId: method.id };
}

const cents = (min: number, max: number) => fc.integer({ min, max }).map((n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, "0")}`);
const who = fc.integer({ min: 0, max: 2 });

const opArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant("deposit" as const), c: who, amount: cents(500, 40_000), card: fc.constantFrom("pays", "pays", "pays", "declined", "declined", "none") }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("withdraw" as const), c: who, amount: cents(1, 30_000), from: fc.constantFrom("real", "wallet") }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("decide" as const), pick: fc.nat(), how: fc.constantFrom("approve", "approve", "reject", "cancel") }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("transfer" as const), c: who, amount: cents(1, 20_000), toWallet: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("convert" as const), c: who, amount: cents(1, 20_000), toEuro: fc.boolean(), accept: fc.constantFrom("now", "now", "late", "never") }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("adjust" as const), c: who, amount: cents(1, 50_000), type: fc.constantFrom("deposit", "withdrawal") }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("reverse" as const), pick: fc.nat(), kind: fc.constantFrom("refund", "chargeback"), amount: cents(1, 20_000) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant("fault" as const),
      f: fc.constantFrom(
        "core-fail-transfer",
        "core-lose-transfer",
        "core-fail-balance",
        "core-lose-balance",
        "core-down",
        "provider-lose-payment",
        "provider-lose-payout",
        "provider-down",
        "webhooks-lost",
        "webhooks-duplicated",
        "webhooks-reordered",
        "payouts-fail",
        "decline-all",
      ),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ t: "tick" as const }) },
);

export type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

/** Runs `runs` schedules against one database; `seed` makes a failure replayable. */
export async function checkConservation(runs: number, seed: number) {
  const h = await createHarness({ poolSize: 6 });
  try {
    await seedGroups(h);
    const customers: Customer[] = [];
    for (let i = 0; i < 3; i++) customers.push(await setUpCustomer(h));
    const { api: staff } = await staffMember(h, "FINANCE");
    // Real money enters through staff adjustments (at the approval threshold: applied at once).
    for (const c of customers) {
      for (const account of [c.real, c.wallet]) {
        await staff.staff.adjustBalance({ accountId: account.id, type: "deposit", amount: "1000.00", comment: "Opening wire", idempotencyKey: key("p-fund") });
      }
    }
    const deps = { db: h.db, core: h.core, clock: h.clock, payments: h.payments };
    const reconcile = async () => {
      await reconcilePayments(deps, { before: new Date(Date.now() + 3_600_000) });
      await recoverConversions(deps, { olderThanMs: -60_000 });
    };

    const run = async (op: Op) => {
      switch (op.t) {
        case "deposit": {
          const c = customers[op.c]!;
          const d = await c.api.deposits.create({ accountId: c.real.id, amount: op.amount, idempotencyKey: key("p-dep") });
          if (op.card !== "none" && d.paymentPageUrl) await payOnPage(h, d.paymentPageUrl, op.card === "pays" ? CARD_PAYS : CARD_DECLINED);
          return;
        }
        case "withdraw": {
          const c = customers[op.c]!;
          const account = op.from === "real" ? c.real : c.wallet;
          await c.api.withdrawals.request({ accountId: account.id, amount: op.amount, payoutMethodId: c.methodId, idempotencyKey: key("p-wd") });
          return;
        }
        case "decide": {
          const pending = await h.db.withdrawal.findMany({ where: { status: "PENDING" }, orderBy: { createdAt: "asc" }, select: { id: true, customerId: true } });
          const w = pending[op.pick % Math.max(1, pending.length)];
          if (!w) return;
          if (op.how === "approve") await staff.staffWithdrawals.approve({ withdrawalId: w.id });
          else if (op.how === "reject") await staff.staffWithdrawals.reject({ withdrawalId: w.id, reason: "Property test" });
          else await customers.find((c) => c.customer.id === w.customerId)!.api.withdrawals.cancel({ withdrawalId: w.id });
          return;
        }
        case "transfer": {
          const c = customers[op.c]!;
          const [from, to] = op.toWallet ? [c.real, c.wallet] : [c.wallet, c.real];
          await c.api.accounts.transfer({ fromAccountId: from.id, toAccountId: to.id, amount: op.amount, idempotencyKey: key("p-tx") });
          return;
        }
        case "convert": {
          const c = customers[op.c]!;
          const [from, to] = op.toEuro ? [c.wallet, c.euro] : [c.euro, c.wallet];
          const quote = await c.api.conversion.quote({ fromAccountId: from.id, toAccountId: to.id, amount: op.amount });
          if (op.accept === "never") return;
          if (op.accept === "late") h.clock.advance(31_000); // past the quote's 30 s: refused, nothing moves
          try {
            await c.api.conversion.accept({ quoteId: quote.quoteId });
          } finally {
            // Back again, so sessions stay recent enough for withdrawals in later schedules.
            if (op.accept === "late") h.clock.advance(-31_000);
          }
          return;
        }
        case "adjust": {
          const c = customers[op.c]!;
          await staff.staff.adjustBalance({ accountId: c.real.id, type: op.type, amount: op.amount, comment: "Property test", idempotencyKey: key("p-adj") });
          return;
        }
        case "reverse": {
          const paid = await h.db.deposit.findMany({ where: { providerPaymentId: { not: null }, status: "CREDITED" }, orderBy: { createdAt: "asc" }, select: { providerPaymentId: true } });
          const d = paid[op.pick % Math.max(1, paid.length)];
          if (!d) return;
          if (op.kind === "refund") await h.payments.refund(d.providerPaymentId!, op.amount);
          else await h.payments.chargeback(d.providerPaymentId!, op.amount);
          return;
        }
        case "fault":
          return inject(h, op.f);
        case "tick":
          await h.payments.deliverDueWebhooks();
          await h.payments.settlePayouts();
          await reconcile();
          return;
      }
    };

    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 4 }), async (ops) => {
        // Throttles are not the property's subject: each schedule starts with fresh budgets
        // (the same three customers run every schedule; quotes and deposits are throttled).
        await h.db.$executeRaw`DELETE FROM rate_limits`;
        for (const op of ops) {
          const started = performance.now();
          try {
            await run(op);
          } catch (error) {
            if (process.env.MONEY_PROPERTY_TIMING) console.log(op.t, getDomainError(error)?.code ?? String(error));
            // A refusal with a documented code is an answer; anything else is a fault.
            if (!getDomainError(error) && !isProviderRefusal(error)) throw error;
          } finally {
            if (process.env.MONEY_PROPERTY_TIMING) timing(op.t, performance.now() - started);
          }
        }
        const settleStart = performance.now();
        await h.faults.reset();
        await h.payments.faults.reset();
        // What a quiet minute would do: payouts asked for again, paid, told, and reconciled.
        await reconcile();
        await h.payments.settlePayouts();
        await h.payments.deliverDueWebhooks();
        await reconcile();
        if (process.env.MONEY_PROPERTY_TIMING) timing("settle", performance.now() - settleStart);
        const checkStart = performance.now();
        await expectConservation(h);
        if (process.env.MONEY_PROPERTY_TIMING) timing("check", performance.now() - checkStart);
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
    // Not vacuous: the schedules did move money every way they can.
    const done = await h.db.$queryRawUnsafe<Record<string, number>[]>(`
      SELECT (SELECT count(*) FROM "Deposit" WHERE status = 'CREDITED')::int AS deposits,
             (SELECT count(*) FROM "Withdrawal" WHERE status = 'PAID')::int AS payouts,
             (SELECT count(*) FROM "Withdrawal" WHERE status IN ('REJECTED', 'CANCELED', 'FAILED', 'DISCARDED'))::int AS released,
             (SELECT count(*) FROM "ConversionQuote" WHERE status = 'COMPLETED')::int AS conversions,
             (SELECT count(*) FROM "MoneyMovement" WHERE kind IN ('REFUND', 'CHARGEBACK'))::int AS reversals`);
    if (runs >= 50) expect(Object.values(done[0]!).every((n) => n > 0), JSON.stringify(done[0])).toBe(true);
  } finally {
    await h.close();
  }
}

const timings = new Map<string, [number, number]>();
function timing(label: string, ms: number) {
  const [n, total] = timings.get(label) ?? [0, 0];
  timings.set(label, [n + 1, total + ms]);
  if ((n + 1) % 20 === 0) console.log([...timings].map(([k, [c, t]]) => `${k}: ${c} x ${(t / c).toFixed(0)} ms`).join(", "));
}

/** The simulator refuses a refund or chargeback beyond what is left of a payment: the test asked for too much. */
const isProviderRefusal = (error: unknown) => (error as { kind?: string })?.kind === "rejected";

type Fault = Extract<Op, { t: "fault" }>["f"];

async function inject(h: Harness, fault: Fault) {
  switch (fault) {
    case "core-fail-transfer":
      return h.faults.failNext("transfer", 1);
    case "core-lose-transfer":
      return h.faults.loseNextReply("transfer", 1);
    case "core-fail-balance":
      return h.faults.failNext("balanceOperation", 1);
    case "core-lose-balance":
      return h.faults.loseNextReply("balanceOperation", 1);
    case "core-down":
      return h.faults.setUnavailable(true);
    case "provider-lose-payment":
      return h.payments.faults.loseNextReply("createPayment", 1);
    case "provider-lose-payout":
      return h.payments.faults.loseNextReply("createPayout", 1);
    case "provider-down":
      return h.payments.faults.setUnavailable(true);
    case "webhooks-lost":
      return h.payments.faults.setWebhookLost(true);
    case "webhooks-duplicated":
      return h.payments.faults.setWebhookDuplicate(true);
    case "webhooks-reordered":
      return h.payments.faults.setWebhookOutOfOrder(true);
    case "payouts-fail":
      return h.payments.faults.setPayoutsFail(true);
    case "decline-all":
      return h.payments.faults.setDeclineAll(true);
  }
}

const toCents = (value: unknown) => Math.round(Number(value ?? 0) * 100);

async function expectConservation(h: Harness) {
  // One round trip: the core (every REAL account and wallet, and the house accounts; money
  // enters in USD only, so EUR sums to zero), the provider's books, the staff's adjustments,
  // our deposits, withdrawals and conversions.
  const rows = await h.db.$queryRawUnsafe<Record<string, string | number>[]>(`
    SELECT
      (SELECT coalesce(sum(balance), 0) FROM core_sim.accounts WHERE currency = 'USD' AND
        (login IN (SELECT login FROM "Account" WHERE "accountMode" = 'REAL') OR login IN (SELECT login FROM "HouseAccount")))::text AS core,
      (SELECT coalesce(sum(balance), 0) FROM core_sim.accounts WHERE currency = 'EUR' AND
        (login IN (SELECT login FROM "Account" WHERE "accountMode" = 'REAL') OR login IN (SELECT login FROM "HouseAccount")))::text AS core_eur,
      (SELECT coalesce(sum(balance), 0) FROM core_sim.accounts WHERE currency = 'USD' AND login IN (SELECT login FROM "HouseAccount"))::text AS house,
      (SELECT coalesce(sum(balance), 0) FROM core_sim.accounts WHERE currency = 'EUR' AND login IN (SELECT login FROM "HouseAccount"))::text AS house_eur,
      (SELECT coalesce(sum(CASE WHEN "sellCurrency" = 'USD' THEN "sellAmount" ELSE 0 END) - sum(CASE WHEN "buyCurrency" = 'USD' AND status = 'COMPLETED' THEN "buyAmount" ELSE 0 END), 0)
         FROM "ConversionQuote" WHERE status IN ('SOLD', 'COMPLETED'))::text AS converted_usd,
      (SELECT coalesce(sum(CASE WHEN "sellCurrency" = 'EUR' THEN "sellAmount" ELSE 0 END) - sum(CASE WHEN "buyCurrency" = 'EUR' AND status = 'COMPLETED' THEN "buyAmount" ELSE 0 END), 0)
         FROM "ConversionQuote" WHERE status IN ('SOLD', 'COMPLETED'))::text AS converted_eur,
      (SELECT count(*) FROM "ConversionQuote" WHERE status IN ('ACCEPTED', 'SOLD'))::int AS conversions_unfinished,
      (SELECT coalesce(sum(amount), 0) FROM payment_sim.payments WHERE status = 'succeeded')::text AS paid,
      (SELECT coalesce(sum(refunded_amount), 0) FROM payment_sim.payments WHERE status = 'succeeded')::text AS refunded,
      (SELECT coalesce(sum(charged_back_amount), 0) FROM payment_sim.payments WHERE status = 'succeeded')::text AS charged_back,
      (SELECT coalesce(sum(amount), 0) FROM payment_sim.payouts WHERE status = 'paid')::text AS payouts,
      (SELECT coalesce(sum(amount), 0) FROM payment_sim.payouts WHERE payment_id IS NOT NULL AND status <> 'failed')::text AS card_payouts,
      (SELECT coalesce(sum(CASE WHEN type = 'DEPOSIT' THEN amount ELSE -amount END), 0) FROM "BalanceAdjustment" WHERE status = 'APPLIED')::text AS adjusted,
      (SELECT coalesce(sum("unrecoveredAmount"), 0) FROM "Deposit")::text AS unrecovered,
      (SELECT coalesce(sum(o."depositAmount"), 0) FROM "AccountOpening" o JOIN "Account" a ON a.id = o."accountId"
        WHERE o."depositStatus" = 'APPLIED' AND a."accountMode" = 'REAL')::text AS openings,
      (SELECT coalesce(sum(amount), 0) FROM "Deposit" WHERE status = 'CREDITED')::text AS credited,
      (SELECT count(*) FROM (SELECT comment FROM core_sim.ledger WHERE comment LIKE 'Card deposit %' GROUP BY comment HAVING count(*) > 1) t)::int AS credited_twice,
      (SELECT count(*) FROM "Withdrawal" WHERE status IN ('HOLDING', 'APPROVED', 'PAYING', 'RELEASING', 'ABANDONED'))::int AS stuck,
      (SELECT coalesce(sum(amount), 0) FROM "Withdrawal" WHERE status = 'PENDING')::text AS held,
      (SELECT coalesce(sum(amount), 0) FROM "Withdrawal" WHERE status = 'PAID')::text AS paid_out,
      (SELECT count(*) FROM "Account" a JOIN core_sim.accounts c ON c.login = a.login
        LEFT JOIN (SELECT "accountId", sum(amount) AS total FROM "MoneyMovement"
                    WHERE status = 'COMPLETED' OR (kind = 'WITHDRAWAL' AND status = 'PENDING') GROUP BY "accountId") m ON m."accountId" = a.id
        WHERE a."accountMode" = 'REAL' AND c.balance <> coalesce(m.total, 0))::int AS history_mismatches`);
  const r = rows[0]!;
  const c = (name: string) => toCents(r[name]);
  // Refunds the provider made on its own: its refunded total less the card payouts we asked for.
  const providerRefunds = c("refunded") - c("card_payouts");
  const entered = c("openings") + c("adjusted") + c("paid") - c("charged_back") - providerRefunds + c("unrecovered");
  expect(c("core"), "core money = what entered - what left").toBe(entered - c("payouts"));
  expect(c("credited"), "credited deposits = succeeded payments").toBe(c("paid"));
  expect(r.credited_twice, "deposits credited twice").toBe(0);
  expect(r.stuck, "withdrawals left between steps").toBe(0);
  expect(c("core_eur"), "no EUR enters or leaves: conversions balance through the house account").toBe(0);
  expect(r.conversions_unfinished, "conversions left between their legs").toBe(0);
  expect(c("house"), "USD house = held withdrawals + what conversions sold it - what they bought from it").toBe(c("held") + c("converted_usd"));
  expect(c("house_eur"), "EUR house = what conversions sold it - what they bought from it").toBe(c("converted_eur"));
  expect(c("paid_out"), "paid withdrawals = provider payouts").toBe(c("payouts"));
  expect(r.history_mismatches, "accounts whose history does not add up to their balance").toBe(0);
}
