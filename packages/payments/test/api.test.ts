import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PaymentNotFoundError,
  PaymentProviderError,
  PaymentRejectedError,
  PaymentUnavailableError,
  isPaymentProviderError,
  normalizeAmount,
} from "../src/index";
import {
  count,
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

const BANK = {
  kind: "bank" as const,
  iban: "DE89 3704 0044 0532 0130 00",
  bic: "COBADEFFXXX",
  holderName: "Ada Lovelace",
};

function expectRejected(error: unknown, reason: string) {
  expect(error).toBeInstanceOf(PaymentRejectedError);
  expect(error).toMatchObject({ kind: "rejected", reason });
}

describe("errors", () => {
  it("carry a kind and are told apart by instanceof, across copies of the module too", () => {
    const errors = [
      new PaymentUnavailableError(),
      new PaymentNotFoundError("payment", "pay_x"),
      new PaymentRejectedError("invalid_amount"),
    ];
    expect(errors.map((e) => e.kind)).toEqual(["unavailable", "not_found", "rejected"]);
    for (const error of errors) expect(isPaymentProviderError(error)).toBe(true);
    expect(new PaymentUnavailableError()).not.toBeInstanceOf(PaymentRejectedError);
    // What a second bundled copy of this package would throw: same marker, other prototype.
    const copy = Object.create(Object.prototype, {
      [Symbol.for("@brokerage/payments/PaymentProviderError")]: { value: "rejected" },
    }) as object;
    expect(copy).toBeInstanceOf(PaymentProviderError);
    expect(copy).toBeInstanceOf(PaymentRejectedError);
    expect(copy).not.toBeInstanceOf(PaymentUnavailableError);
    expect(isPaymentProviderError(new Error("x"))).toBe(false);
  });

  it("normalizeAmount gives two decimals and refuses anything else", () => {
    expect(normalizeAmount("10")).toBe("10.00");
    expect(normalizeAmount("0010.5")).toBe("10.50");
    for (const bad of [
      "0",
      "0.00",
      "-1",
      "1.005",
      "1e3",
      " 1",
      "1,00",
      "",
      "NaN",
      "9".repeat(19),
    ]) {
      let caught: unknown;
      try {
        normalizeAmount(bad);
      } catch (error) {
        caught = error;
      }
      expectRejected(caught, "invalid_amount");
    }
  });
});

describe("createPayment", () => {
  it("returns a payable payment with its page", async () => {
    const { sim, clock } = opened;
    const input = paymentInput({ amount: "10.5", description: "First deposit" });
    const payment = await sim.createPayment(input);
    expect(payment).toEqual({
      id: expect.stringMatching(/^pay_[0-9a-f]{24}$/),
      status: "requires_payment",
      amount: "10.50",
      currency: "USD",
      reference: input.reference,
      refundedAmount: "0.00",
      chargedBackAmount: "0.00",
      card: null,
      createdAt: clock.now(),
      updatedAt: clock.now(),
      expiresAt: new Date(clock.now().getTime() + 30 * 60_000),
      paymentPageUrl: expect.stringContaining(`/payment-simulator/pay/${payment.id}?token=`),
    });
    expect(await sim.getPayment(payment.id)).toEqual(
      (({ paymentPageUrl: _, ...view }) => view)(payment),
    );
  });

  it("returns the first result for the same key and request, once, even in parallel", async () => {
    const { sim } = opened;
    const input = paymentInput();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => sim.createPayment({ ...input, amount: "25" })),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.paymentPageUrl)).size).toBe(1);
    expect(
      await count(db.sql, "SELECT 1 FROM payment_sim.payments WHERE reference = $1", [
        input.reference,
      ]),
    ).toBe(1);
  });

  it("refuses the same key with another request or for a payout: idempotency_conflict, nothing made", async () => {
    const { sim } = opened;
    const input = paymentInput();
    await sim.createPayment(input);
    expectRejected(
      await rejectionOf(sim.createPayment({ ...input, amount: "26.00" })),
      "idempotency_conflict",
    );
    expectRejected(
      await rejectionOf(sim.createPayment({ ...input, returnUrl: "https://elsewhere.example/" })),
      "idempotency_conflict",
    );
    expectRejected(
      await rejectionOf(
        sim.createPayout({
          idempotencyKey: input.idempotencyKey,
          amount: "25.00",
          currency: "USD",
          reference: "x",
          destination: BANK,
        }),
      ),
      "idempotency_conflict",
    );
    expect(
      await count(db.sql, "SELECT 1 FROM payment_sim.payments WHERE reference = $1", [
        input.reference,
      ]),
    ).toBe(1);
  });

  it("refuses bad input before it reaches the provider", async () => {
    const { sim } = opened;
    const before = await count(db.sql, "SELECT 1 FROM payment_sim.payments");
    expectRejected(
      await rejectionOf(sim.createPayment(paymentInput({ amount: "1.001" }))),
      "invalid_amount",
    );
    expectRejected(
      await rejectionOf(sim.createPayment(paymentInput({ amount: 5 }))),
      "invalid_amount",
    );
    expectRejected(
      await rejectionOf(sim.createPayment(paymentInput({ currency: "usd" }))),
      "invalid_currency",
    );
    expectRejected(
      await rejectionOf(sim.createPayment(paymentInput({ returnUrl: "javascript:alert(1)" }))),
      "invalid_request",
    );
    expectRejected(
      await rejectionOf(sim.createPayment(paymentInput({ returnUrl: "/relative" }))),
      "invalid_request",
    );
    expectRejected(
      await rejectionOf(sim.createPayment(paymentInput({ reference: "" }))),
      "invalid_request",
    );
    expectRejected(
      await rejectionOf(sim.createPayment(paymentInput({ reference: "a\nb" }))),
      "invalid_request",
    );
    expectRejected(
      await rejectionOf(sim.createPayment(paymentInput({ idempotencyKey: "" }))),
      "invalid_request",
    );
    expectRejected(
      await rejectionOf(sim.createPayment(paymentInput({ idempotencyKey: "k".repeat(201) }))),
      "invalid_request",
    );
    expect(await count(db.sql, "SELECT 1 FROM payment_sim.payments")).toBe(before);
  });

  it("getPayment and getPayout answer not_found for unknown or malformed ids", async () => {
    const { sim } = opened;
    for (const id of ["pay_000000000000000000000000", "nope", "' OR 1=1 --", ""]) {
      const error = await rejectionOf(sim.getPayment(id));
      expect(error).toBeInstanceOf(PaymentNotFoundError);
      expect(error).toMatchObject({ kind: "not_found" });
    }
    expect(await rejectionOf(sim.getPayout("po_000000000000000000000000"))).toBeInstanceOf(
      PaymentNotFoundError,
    );
    const payment = await sim.createPayment(paymentInput());
    expect(await rejectionOf(sim.getPayout(payment.id))).toBeInstanceOf(PaymentNotFoundError);
  });
});

describe("createPayout", () => {
  it("takes a bank destination (IBAN and BIC checked, stored in electronic form), same key once", async () => {
    const { sim } = opened;
    const input = {
      idempotencyKey: newKey(),
      amount: "40",
      currency: "EUR",
      reference: "wd_1",
      destination: BANK,
    };
    const payout = await sim.createPayout(input);
    expect(payout).toMatchObject({
      id: expect.stringMatching(/^po_[0-9a-f]{24}$/),
      status: "pending",
      amount: "40.00",
      currency: "EUR",
      reference: "wd_1",
      destination: {
        kind: "bank",
        iban: "DE89370400440532013000",
        bic: "COBADEFFXXX",
        holderName: "Ada Lovelace",
      },
      failureReason: null,
    });
    expect((await sim.createPayout({ ...input, amount: "40.00" })).id).toBe(payout.id);
    expect(await sim.getPayout(payout.id)).toEqual(payout);
    expectRejected(
      await rejectionOf(sim.createPayout({ ...input, amount: "41.00" })),
      "idempotency_conflict",
    );
  });

  it("refuses bad destinations with invalid_destination and remembers nothing", async () => {
    const { sim } = opened;
    const key = newKey();
    const base = { idempotencyKey: key, amount: "10.00", currency: "EUR", reference: "wd_2" };
    for (const destination of [
      { ...BANK, iban: "DE89 3704 0044 0532 0130 01" },
      { ...BANK, bic: "NOTABIC" },
      { ...BANK, holderName: " " },
      { kind: "card_refund", paymentId: "pay_000000000000000000000000" },
      { kind: "card_refund", paymentId: "x" },
      { kind: "cash" },
      null,
    ]) {
      expectRejected(
        await rejectionOf(sim.createPayout({ ...base, destination: destination as never })),
        "invalid_destination",
      );
    }
    // The key was not used up by those refusals.
    expect((await sim.createPayout({ ...base, destination: BANK })).status).toBe("pending");
  });

  it("card_refund goes back to a succeeded payment in its currency, and counts against it", async () => {
    const { sim } = opened;
    const payment = await paidPayment(sim, "30.00");
    const refund = (amount: string, currency = "USD") =>
      sim.createPayout({
        idempotencyKey: newKey(),
        amount,
        currency,
        reference: "wd_3",
        destination: { kind: "card_refund", paymentId: payment.id },
      });
    expectRejected(await rejectionOf(refund("5.00", "EUR")), "currency_mismatch");
    expectRejected(await rejectionOf(refund("30.01")), "refund_exceeds_payment");
    expect((await refund("20.00")).destination).toEqual({
      kind: "card_refund",
      paymentId: payment.id,
    });
    expect((await sim.getPayment(payment.id)).refundedAmount).toBe("20.00");
    expectRejected(await rejectionOf(refund("10.01")), "refund_exceeds_payment");
    await refund("10.00");
    expect((await sim.getPayment(payment.id)).refundedAmount).toBe("30.00");

    const unpaid = await sim.createPayment(paymentInput());
    expectRejected(
      await rejectionOf(
        sim.createPayout({
          idempotencyKey: newKey(),
          amount: "1.00",
          currency: "USD",
          reference: "x",
          destination: { kind: "card_refund", paymentId: unpaid.id },
        }),
      ),
      "payment_not_succeeded",
    );
  });

  it("parallel card refunds never take more than the payment", async () => {
    const { sim } = opened;
    const payment = await paidPayment(sim, "10.00");
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        sim.createPayout({
          idempotencyKey: newKey(),
          amount: "3.00",
          currency: "USD",
          reference: "wd_4",
          destination: { kind: "card_refund", paymentId: payment.id },
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    for (const o of outcomes.filter((o) => o.status === "rejected"))
      expectRejected(o.reason, "refund_exceeds_payment");
    expect((await sim.getPayment(payment.id)).refundedAmount).toBe("9.00");
  });
});
