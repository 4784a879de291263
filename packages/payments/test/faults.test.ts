import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PaymentUnavailableError } from "../src/index";
import {
  CARD_PAYS,
  count,
  createSimulatorDatabase,
  newKey,
  paidPayment,
  paymentInput,
  rejectionOf,
  submitPage,
  type Opened,
  type SimulatorDatabase,
} from "./support";

let db: SimulatorDatabase;
let opened: Opened;
beforeAll(async () => {
  db = await createSimulatorDatabase();
  opened = db.open();
});
afterEach(async () => {
  await opened.sim.faults.reset();
  // Each test looks at its own webhooks only.
  await db.sql.query("UPDATE payment_sim.events SET state = 'delivered' WHERE state = 'pending'");
  opened.hooks.clear();
});
afterAll(() => db?.close());

const BANK = {
  kind: "bank" as const,
  iban: "GB82WEST12345698765432",
  bic: "NWBKGB2L",
  holderName: "Ada Lovelace",
};
const payoutInput = () => ({
  idempotencyKey: newKey(),
  amount: "15.00",
  currency: "GBP",
  reference: `wd_${newKey()}`,
  destination: BANK,
});

function expectUnavailable(error: unknown, reason: string) {
  expect(error).toBeInstanceOf(PaymentUnavailableError);
  expect(error).toMatchObject({ kind: "unavailable", reason });
}

describe("the fault switch", () => {
  it("starts clear, reports what is set, and reset clears everything", async () => {
    const { faults } = opened.sim;
    const clear = {
      unavailable: false,
      declineAll: false,
      payoutsFail: false,
      webhookDelayMs: 0,
      webhookDuplicate: false,
      webhookOutOfOrder: false,
      webhookLost: false,
      loseReply: [],
    };
    expect(await faults.state()).toEqual(clear);
    await faults.setUnavailable(true);
    await faults.setDeclineAll(true);
    await faults.setPayoutsFail(true);
    await faults.setWebhookDelay(5_000);
    await faults.setWebhookDuplicate(true);
    await faults.setWebhookOutOfOrder(true);
    await faults.setWebhookLost(true);
    await faults.loseNextReply("createPayout", 2);
    expect(await faults.state()).toEqual({
      unavailable: true,
      declineAll: true,
      payoutsFail: true,
      webhookDelayMs: 5_000,
      webhookDuplicate: true,
      webhookOutOfOrder: true,
      webhookLost: true,
      loseReply: [{ operation: "createPayout", remaining: 2 }],
    });
    await faults.reset();
    expect(await faults.state()).toEqual(clear);
    await expect(faults.setWebhookDelay(-1)).rejects.toThrow(RangeError);
    await expect(faults.loseNextReply("getPayment" as never, 1)).rejects.toThrow(TypeError);
  });

  it("unavailable: every API call throws kind unavailable and changes nothing; a simulator in another process sees the switch", async () => {
    const elsewhere = db.open();
    const payment = await opened.sim.createPayment(paymentInput());
    const payout = await opened.sim.createPayout(payoutInput());
    const before = await count(db.sql, "SELECT 1 FROM payment_sim.payments");
    await elsewhere.sim.faults.setUnavailable(true);
    expectUnavailable(await rejectionOf(opened.sim.createPayment(paymentInput())), "unavailable");
    expectUnavailable(await rejectionOf(opened.sim.getPayment(payment.id)), "unavailable");
    expectUnavailable(await rejectionOf(opened.sim.createPayout(payoutInput())), "unavailable");
    expectUnavailable(await rejectionOf(opened.sim.getPayout(payout.id)), "unavailable");
    expect(await count(db.sql, "SELECT 1 FROM payment_sim.payments")).toBe(before);
    await elsewhere.sim.faults.setUnavailable(false);
    expect((await opened.sim.getPayment(payment.id)).id).toBe(payment.id);
  });

  it("lose reply: the next N createPayment calls are applied, then throw; a retry with the same key finds the result", async () => {
    const { sim } = opened;
    await sim.faults.loseNextReply("createPayment", 1);
    const input = paymentInput();
    expectUnavailable(await rejectionOf(sim.createPayment(input)), "reply_lost");
    expect(
      await count(db.sql, "SELECT 1 FROM payment_sim.payments WHERE reference = $1", [
        input.reference,
      ]),
    ).toBe(1);
    const retried = await sim.createPayment(input);
    expect(retried.reference).toBe(input.reference);
    expect(
      await count(db.sql, "SELECT 1 FROM payment_sim.payments WHERE reference = $1", [
        input.reference,
      ]),
    ).toBe(1);
    expect((await sim.faults.state()).loseReply).toEqual([]);
  });

  it("lose reply on createPayout: exactly N of many parallel calls lose their reply, all are applied", async () => {
    const { sim } = opened;
    await sim.faults.loseNextReply("createPayout", 3);
    const inputs = Array.from({ length: 10 }, payoutInput);
    const outcomes = await Promise.allSettled(inputs.map((input) => sim.createPayout(input)));
    expect(outcomes.filter((o) => o.status === "rejected")).toHaveLength(3);
    for (const o of outcomes)
      if (o.status === "rejected") expectUnavailable(o.reason, "reply_lost");
    expect(
      await count(db.sql, "SELECT 1 FROM payment_sim.payouts WHERE reference = ANY($1)", [
        inputs.map((i) => i.reference),
      ]),
    ).toBe(10);
    // Other operations were not affected.
    expect((await sim.faults.state()).loseReply).toEqual([]);
  });

  it("decline every payment: even 4242 is declined", async () => {
    const { sim, hooks } = opened;
    await sim.faults.setDeclineAll(true);
    const payment = await sim.createPayment(paymentInput());
    expect((await submitPage(sim, payment.paymentPageUrl, CARD_PAYS)).status).toBe(303);
    expect((await sim.getPayment(payment.id)).status).toBe("declined");
    await sim.deliverDueWebhooks();
    expect(hooks.types()).toEqual(["payment.declined"]);
  });

  it("payouts fail: settlePayouts fails pending payouts with a reason and a card refund gives its amount back", async () => {
    const { sim, hooks } = opened;
    await sim.settlePayouts(); // earlier tests' payouts out of the way
    await db.sql.query("UPDATE payment_sim.events SET state = 'delivered' WHERE state = 'pending'");
    const payment = await paidPayment(sim, "20.00");
    const bank = await sim.createPayout(payoutInput());
    const card = await sim.createPayout({
      idempotencyKey: newKey(),
      amount: "5.00",
      currency: "USD",
      reference: "wd_card",
      destination: { kind: "card_refund", paymentId: payment.id },
    });
    expect((await sim.getPayment(payment.id)).refundedAmount).toBe("5.00");
    await sim.faults.setPayoutsFail(true);
    expect(await sim.settlePayouts()).toEqual({ paid: 0, failed: 2 });
    expect(await sim.getPayout(bank.id)).toMatchObject({
      status: "failed",
      failureReason: "destination_rejected",
    });
    expect(await sim.getPayout(card.id)).toMatchObject({ status: "failed" });
    expect((await sim.getPayment(payment.id)).refundedAmount).toBe("0.00");
    await sim.deliverDueWebhooks();
    expect(hooks.types().sort()).toEqual(["payment.succeeded", "payout.failed", "payout.failed"]);
    hooks.received.splice(0, 1);
    expect(
      hooks
        .events()
        .map((e) => e.payout?.id)
        .sort(),
    ).toEqual([bank.id, card.id].sort());
  });

  it("webhooks delayed by N ms: nothing is sent before the event is that old", async () => {
    const { sim, hooks, clock } = opened;
    await sim.faults.setWebhookDelay(10_000);
    await paidPayment(sim);
    clock.advance(9_999);
    expect((await sim.deliverDueWebhooks()).requests).toBe(0);
    clock.advance(1);
    expect(await sim.deliverDueWebhooks()).toMatchObject({ delivered: 1, requests: 1 });
    expect(hooks.types()).toEqual(["payment.succeeded"]);
  });

  it("webhooks duplicated: each is sent twice with the same event id and body", async () => {
    const { sim, hooks } = opened;
    await sim.faults.setWebhookDuplicate(true);
    await paidPayment(sim);
    expect(await sim.deliverDueWebhooks()).toMatchObject({ delivered: 1, requests: 2 });
    expect(hooks.received).toHaveLength(2);
    expect(hooks.received[0]?.payload).toBe(hooks.received[1]?.payload);
    expect((await sim.deliverDueWebhooks()).requests).toBe(0);
  });

  it("webhooks out of order: a batch is sent newest first", async () => {
    const { sim, hooks } = opened;
    await sim.faults.setWebhookOutOfOrder(true);
    const payment = await paidPayment(sim, "30.00");
    await sim.refund(payment.id, "10.00");
    await sim.chargeback(payment.id, "5.00");
    await sim.deliverDueWebhooks();
    expect(hooks.types()).toEqual([
      "payment.charged_back",
      "payment.refunded",
      "payment.succeeded",
    ]);
    await sim.faults.setWebhookOutOfOrder(false);
    hooks.clear();
    await sim.refund(payment.id, "1.00");
    await sim.refund(payment.id, "2.00");
    await sim.deliverDueWebhooks();
    expect(hooks.events().map((e) => e.amount)).toEqual(["1.00", "2.00"]);
  });

  it("webhooks lost: marked sent without sending; only polling finds the new state", async () => {
    const { sim, hooks } = opened;
    await sim.faults.setWebhookLost(true);
    const payment = await paidPayment(sim);
    expect(await sim.deliverDueWebhooks()).toMatchObject({ lost: 1, delivered: 0, requests: 0 });
    await sim.faults.setWebhookLost(false);
    expect((await sim.deliverDueWebhooks()).requests).toBe(0);
    expect(hooks.received).toEqual([]);
    expect((await sim.getPayment(payment.id)).status).toBe("succeeded");
  });
});
