import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PaymentNotFoundError, PaymentRejectedError } from "../src/index";
import {
  createSimulatorDatabase,
  newKey,
  paidPayment,
  paymentInput,
  rejectionOf,
  type Opened,
  type SimulatorDatabase,
} from "./support";

let db: SimulatorDatabase;
let opened: Opened;
beforeAll(async () => {
  db = await createSimulatorDatabase();
  opened = db.open();
});
afterAll(() => db?.close());

function expectRejected(error: unknown, reason: string) {
  expect(error).toBeInstanceOf(PaymentRejectedError);
  expect(error).toMatchObject({ reason });
}

async function newEvents() {
  opened.hooks.clear();
  await opened.sim.deliverDueWebhooks();
  return opened.hooks.events();
}

describe("refunds and chargebacks", () => {
  it("refund and chargeback together never exceed what was captured; each emits its event with the amount", async () => {
    const { sim } = opened;
    const payment = await paidPayment(sim, "100.00");
    await newEvents();
    expect(await sim.refund(payment.id, "30")).toMatchObject({
      refundedAmount: "30.00",
      chargedBackAmount: "0.00",
      status: "succeeded",
    });
    expect(await sim.chargeback(payment.id, "50.00")).toMatchObject({
      refundedAmount: "30.00",
      chargedBackAmount: "50.00",
    });
    expectRejected(await rejectionOf(sim.refund(payment.id, "20.01")), "refund_exceeds_payment");
    expectRejected(
      await rejectionOf(sim.chargeback(payment.id, "20.01")),
      "refund_exceeds_payment",
    );
    expect(await sim.refund(payment.id, "20.00")).toMatchObject({
      refundedAmount: "50.00",
      chargedBackAmount: "50.00",
    });
    expectRejected(await rejectionOf(sim.refund(payment.id, "0.01")), "refund_exceeds_payment");
    const events = await newEvents();
    expect(
      events.map((e) => [
        e.type,
        e.amount,
        e.payment?.refundedAmount,
        e.payment?.chargedBackAmount,
      ]),
    ).toEqual([
      ["payment.refunded", "30.00", "30.00", "0.00"],
      ["payment.charged_back", "50.00", "30.00", "50.00"],
      ["payment.refunded", "20.00", "50.00", "50.00"],
    ]);
  });

  it("card_refund payouts count against the same payment as refunds", async () => {
    const { sim } = opened;
    const payment = await paidPayment(sim, "10.00");
    await sim.createPayout({
      idempotencyKey: newKey(),
      amount: "6.00",
      currency: "USD",
      reference: "wd",
      destination: { kind: "card_refund", paymentId: payment.id },
    });
    expectRejected(await rejectionOf(sim.refund(payment.id, "4.01")), "refund_exceeds_payment");
    expectRejected(await rejectionOf(sim.chargeback(payment.id, "4.01")), "refund_exceeds_payment");
    expect((await sim.chargeback(payment.id, "4.00")).chargedBackAmount).toBe("4.00");
  });

  it("only a succeeded payment can be refunded; unknown payments are not_found; bad amounts are refused", async () => {
    const { sim } = opened;
    const pending = await sim.createPayment(paymentInput());
    expectRejected(await rejectionOf(sim.refund(pending.id, "1.00")), "payment_not_succeeded");
    expectRejected(await rejectionOf(sim.chargeback(pending.id, "1.00")), "payment_not_succeeded");
    expect(await rejectionOf(sim.refund("pay_000000000000000000000000", "1.00"))).toBeInstanceOf(
      PaymentNotFoundError,
    );
    const payment = await paidPayment(sim);
    for (const amount of ["0", "-1", "1.001", "abc"])
      expectRejected(await rejectionOf(sim.refund(payment.id, amount)), "invalid_amount");
    expect((await sim.getPayment(payment.id)).refundedAmount).toBe("0.00");
  });

  it("parallel refunds and chargebacks stop exactly at the captured amount", async () => {
    const { sim } = opened;
    const payment = await paidPayment(sim, "10.00");
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        i % 2 ? sim.refund(payment.id, "1.00") : sim.chargeback(payment.id, "1.00"),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(10);
    const { rows } = await db.sql.query(
      "SELECT (refunded_amount + charged_back_amount)::text AS taken FROM payment_sim.payments WHERE id = $1",
      [payment.id],
    );
    expect(rows).toEqual([{ taken: "10.00" }]);
  });
});

describe("payouts", () => {
  it("settle from pending to paid, once, with a payout.paid event each", async () => {
    const { sim } = opened;
    await sim.settlePayouts();
    await newEvents();
    const destination = {
      kind: "bank" as const,
      iban: "FR1420041010050500013M02606",
      bic: "PSSTFRPPXXX",
      holderName: "Émilie Du Châtelet",
    };
    const a = await sim.createPayout({
      idempotencyKey: newKey(),
      amount: "12.34",
      currency: "EUR",
      reference: "wd_a",
      destination,
    });
    opened.clock.advance(1); // events go out in the order the payouts were made
    const b = await sim.createPayout({
      idempotencyKey: newKey(),
      amount: "0.01",
      currency: "EUR",
      reference: "wd_b",
      destination,
    });
    expect(await sim.settlePayouts()).toEqual({ paid: 2, failed: 0 });
    expect(await sim.settlePayouts()).toEqual({ paid: 0, failed: 0 });
    expect(await sim.getPayout(a.id)).toMatchObject({
      status: "paid",
      failureReason: null,
      amount: "12.34",
    });
    const events = await newEvents();
    expect(events.map((e) => [e.type, e.payout?.id, e.payout?.status])).toEqual([
      ["payout.paid", a.id, "paid"],
      ["payout.paid", b.id, "paid"],
    ]);
    expect(events[0]?.payout?.destination).toEqual({
      ...destination,
      iban: "FR1420041010050500013M02606",
    });
  });

  it("with olderThanMs, settle only payouts pending at least that long", async () => {
    const { sim, clock } = opened;
    await sim.settlePayouts();
    const destination = {
      kind: "bank" as const,
      iban: "NL91ABNA0417164300",
      bic: "ABNANL2A",
      holderName: "Ada",
    };
    const payout = await sim.createPayout({
      idempotencyKey: newKey(),
      amount: "1.00",
      currency: "EUR",
      reference: "wd_c",
      destination,
    });
    clock.advance(9_999);
    expect(await sim.settlePayouts({ olderThanMs: 10_000 })).toEqual({ paid: 0, failed: 0 });
    clock.advance(1);
    expect(await sim.settlePayouts({ olderThanMs: 10_000 })).toEqual({ paid: 1, failed: 0 });
    expect((await sim.getPayout(payout.id)).status).toBe("paid");
    await expect(sim.settlePayouts({ olderThanMs: -1 })).rejects.toThrow(RangeError);
  });

  it("expireDue expires payable payments past their time, each with payment.expired", async () => {
    const { sim, clock } = opened;
    clock.advance(30 * 60_000); // earlier tests' payments out of the way
    await sim.expireDue();
    await newEvents();
    const old = await sim.createPayment(paymentInput());
    clock.advance(20 * 60_000);
    const recent = await sim.createPayment(paymentInput());
    clock.advance(10 * 60_000);
    expect(await sim.expireDue()).toEqual({ expired: 1 });
    expect((await sim.getPayment(old.id)).status).toBe("expired");
    expect((await sim.getPayment(recent.id)).status).toBe("requires_payment");
    expect((await newEvents()).map((e) => [e.type, e.payment?.id])).toEqual([
      ["payment.expired", old.id],
    ]);
    // getPayment past the time expires it too (polling sees the truth without a sweep).
    clock.advance(20 * 60_000);
    expect((await sim.getPayment(recent.id)).status).toBe("expired");
    expect(await sim.expireDue()).toEqual({ expired: 0 });
    expect((await newEvents()).map((e) => e.type)).toEqual(["payment.expired"]);
  });

  it("the expiry is configurable", async () => {
    const { sim, clock } = db.open({ paymentTtlMs: 60_000 });
    const payment = await sim.createPayment(paymentInput());
    expect(payment.expiresAt.getTime() - clock.now().getTime()).toBe(60_000);
  });
});
