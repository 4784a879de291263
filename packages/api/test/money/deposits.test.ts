// deposits.*: intent -> the provider's page -> webhook -> credited exactly once, whatever
// the webhooks and the core do; refused requests create nothing (issue #13).
import { encodePaymentEvent, signWebhook } from "@brokerage/payments";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handlePaymentWebhook } from "../../src/payment-provider/webhook";
import { createPaymentWebhookEndpoint } from "../../src/payment-provider/webhook-endpoint";
import { reconcilePayments } from "../../src/payment-provider/reconcile";
import {
  codeOf,
  coreBalance,
  failure,
  newCustomer,
  openFrom,
  seedGroups,
} from "../accounts/fixtures";
import { createHarness, PAYMENT_WEBHOOK_SECRET, type Harness } from "../support/harness";
import { CARD_DECLINED, depositByCard, key, moneyCustomer, payOnPage } from "./fixtures";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedGroups(h);
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.faults.reset();
  await h.payments.faults.reset();
});

const deps = () => ({ db: h.db, core: h.core, clock: h.clock, payments: h.payments });
/** The pass over everything open now (rows carry the database's time, the harness clock is fixed). */
const reconcileNow = () => reconcilePayments(deps(), { before: new Date(Date.now() + 3_600_000) });
const movementsOf = (customerId: number) =>
  h.db.moneyMovement.findMany({
    where: { customerId, kind: { in: ["DEPOSIT", "REFUND", "CHARGEBACK"] } },
    orderBy: { createdAt: "asc" },
  });

describe("deposits", () => {
  it("credits a card payment once: page, webhook, history", async () => {
    const { api, real, customer } = await moneyCustomer(h);
    const deposit = await api.deposits.create({
      accountId: real.id,
      amount: "250.5",
      idempotencyKey: key(),
    });
    expect(deposit).toMatchObject({
      accountId: real.id,
      amount: "250.50",
      currency: "USD",
      status: "AWAITING_PAYMENT",
      paymentPageUrl: expect.stringMatching(/^http:\/\/portal\.test\/payment-simulator\/pay\//),
    });
    expect((await movementsOf(customer.id)).map((m) => [m.status, m.amount.toFixed(2)])).toEqual([
      ["PENDING", "250.50"],
    ]);

    const back = await payOnPage(h, deposit.paymentPageUrl!);
    expect(back.status).toBe(303);
    expect(back.headers.get("location")).toContain(`/money/deposits/${deposit.id}`);
    expect(await coreBalance(h, real.login)).toBe("0.00"); // nothing before the webhook
    await h.payments.faults.setWebhookDuplicate(true);
    await h.payments.deliverDueWebhooks();
    expect(await coreBalance(h, real.login)).toBe("250.50");

    const done = await api.deposits.get({ depositId: deposit.id });
    expect(done).toMatchObject({
      status: "CREDITED",
      paymentPageUrl: null,
      card: { last4: "4242" },
    });
    expect((await movementsOf(customer.id)).map((m) => [m.status, m.amount.toFixed(2)])).toEqual([
      ["COMPLETED", "250.50"],
    ]);
    // Everything delivered again later changes nothing.
    await reconcileNow();
    expect(await coreBalance(h, real.login)).toBe("250.50");
  });

  it("shows a declined card as declined and credits nothing", async () => {
    const { api, real, customer } = await moneyCustomer(h);
    const deposit = await api.deposits.create({
      accountId: real.id,
      amount: "40.00",
      idempotencyKey: key(),
    });
    await payOnPage(h, deposit.paymentPageUrl!, CARD_DECLINED);
    await h.payments.deliverDueWebhooks();
    expect(await api.deposits.get({ depositId: deposit.id })).toMatchObject({
      status: "DECLINED",
      paymentPageUrl: null,
    });
    expect(await coreBalance(h, real.login)).toBe("0.00");
    expect((await movementsOf(customer.id)).map((m) => m.status)).toEqual(["FAILED"]);
  });

  it("reconciles by polling when every webhook is lost, and when the payer comes back first", async () => {
    const { api, real } = await moneyCustomer(h);
    await h.payments.faults.setWebhookLost(true);
    const a = await api.deposits.create({
      accountId: real.id,
      amount: "10.00",
      idempotencyKey: key(),
    });
    const b = await api.deposits.create({
      accountId: real.id,
      amount: "20.00",
      idempotencyKey: key(),
    });
    await payOnPage(h, a.paymentPageUrl!);
    await payOnPage(h, b.paymentPageUrl!);
    await h.payments.deliverDueWebhooks();
    expect(await coreBalance(h, real.login)).toBe("0.00");
    // The payer's return page reads the deposit: brought up to date from the provider.
    expect((await api.deposits.get({ depositId: a.id })).status).toBe("CREDITED");
    expect(await reconcileNow()).toMatchObject({ deposits: 1 });
    expect(await coreBalance(h, real.login)).toBe("30.00");
    expect((await api.deposits.get({ depositId: b.id })).status).toBe("CREDITED");
  });

  it("credits once when the core fails at the credit, after the recovery pass", async () => {
    const { api, real } = await moneyCustomer(h);
    const deposit = await api.deposits.create({
      accountId: real.id,
      amount: "75.00",
      idempotencyKey: key(),
    });
    await payOnPage(h, deposit.paymentPageUrl!);
    await h.faults.loseNextReply("balanceOperation", 1);
    await h.payments.deliverDueWebhooks();
    expect(await h.db.deposit.findUniqueOrThrow({ where: { id: deposit.id } })).toMatchObject({
      status: "PAID",
    });
    await reconcileNow();
    expect(await coreBalance(h, real.login)).toBe("75.00");
    expect((await api.deposits.get({ depositId: deposit.id })).status).toBe("CREDITED");
  });

  it("debits provider refunds and chargebacks once each, and records what the balance cannot cover", async () => {
    const { api, real, wallet, customer } = await moneyCustomer(h);
    const deposit = await depositByCard(h, api, real.id, "100.00");
    const paymentId = (await h.db.deposit.findUniqueOrThrow({ where: { id: deposit.id } }))
      .providerPaymentId!;
    await h.payments.refund(paymentId, "30.00");
    await h.payments.faults.setWebhookDuplicate(true);
    await h.payments.faults.setWebhookOutOfOrder(true);
    await h.payments.deliverDueWebhooks();
    expect(await coreBalance(h, real.login)).toBe("70.00");
    // The customer moves the rest away; a chargeback then finds nothing to take.
    await api.accounts.transfer({
      fromAccountId: real.id,
      toAccountId: wallet.id,
      amount: "70.00",
      idempotencyKey: key(),
    });
    await h.payments.chargeback(paymentId, "50.00");
    await h.payments.deliverDueWebhooks();
    expect(await coreBalance(h, real.login)).toBe("0.00");
    expect(await h.db.deposit.findUniqueOrThrow({ where: { id: deposit.id } })).toMatchObject({
      status: "CREDITED",
    });
    const row = await h.db.deposit.findUniqueOrThrow({ where: { id: deposit.id } });
    expect([
      row.refundedAmount.toFixed(2),
      row.chargedBackAmount.toFixed(2),
      row.unrecoveredAmount.toFixed(2),
    ]).toEqual(["30.00", "50.00", "50.00"]);
    expect(
      (await movementsOf(customer.id)).map((m) => [m.kind, m.status, m.amount.toFixed(2)]),
    ).toEqual([
      ["DEPOSIT", "COMPLETED", "100.00"],
      ["REFUND", "COMPLETED", "-30.00"],
      ["CHARGEBACK", "FAILED", "-50.00"],
    ]);
  });

  it("answers a repeated key with the same deposit, refuses it for another request, and makes one deposit for parallel repeats", async () => {
    const { api, real, wallet } = await moneyCustomer(h);
    const idempotencyKey = key();
    const [first, ...others] = await Promise.all(
      Array.from({ length: 4 }, () =>
        api.deposits.create({ accountId: real.id, amount: "15.00", idempotencyKey }),
      ),
    );
    for (const other of others) expect(other.id).toBe(first!.id);
    expect(await h.db.deposit.count({ where: { accountId: real.id } })).toBe(1);
    expect(
      await codeOf(api.deposits.create({ accountId: real.id, amount: "16.00", idempotencyKey })),
    ).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(
      await codeOf(api.deposits.create({ accountId: wallet.id, amount: "15.00", idempotencyKey })),
    ).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("throttles new deposits per customer: the 21st in an hour is 429 and asks the provider for nothing; repeats of a key still answer", async () => {
    const { api, real, customer } = await moneyCustomer(h);
    const other = await moneyCustomer(h);
    const keys = Array.from({ length: 20 }, () => key());
    for (const idempotencyKey of keys)
      await api.deposits.create({ accountId: real.id, amount: "10.00", idempotencyKey });
    const paymentsBefore = await h.db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM payment_sim.payments`;
    const refused = await failure(
      api.deposits.create({ accountId: real.id, amount: "10.00", idempotencyKey: key() }),
    );
    expect([
      refused?.code,
      refused?.httpStatus,
      typeof refused?.details?.["retryAfterSeconds"],
    ]).toEqual(["TOO_MANY_ATTEMPTS", 429, "number"]);
    expect(await h.db.deposit.count({ where: { customerId: customer.id } })).toBe(20);
    expect(
      await h.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM payment_sim.payments`,
    ).toEqual(paymentsBefore);
    // A retry of a deposit already made is an answer, not a new deposit.
    expect(
      (await api.deposits.create({ accountId: real.id, amount: "10.00", idempotencyKey: keys[0]! }))
        .status,
    ).toBe("AWAITING_PAYMENT");
    // Another customer keeps their own budget.
    expect(
      (
        await other.api.deposits.create({
          accountId: other.real.id,
          amount: "10.00",
          idempotencyKey: key(),
        })
      ).status,
    ).toBe("AWAITING_PAYMENT");
  });

  it("survives a provider that does not answer: 503, nothing charged; the same key later makes one payment", async () => {
    const { api, real } = await moneyCustomer(h);
    const idempotencyKey = key();
    await h.payments.faults.loseNextReply("createPayment", 1);
    const refused = await failure(
      api.deposits.create({ accountId: real.id, amount: "12.00", idempotencyKey }),
    );
    expect([refused?.code, refused?.httpStatus]).toEqual(["PAYMENT_PROVIDER_NOT_AVAILABLE", 503]);
    const again = await api.deposits.create({
      accountId: real.id,
      amount: "12.00",
      idempotencyKey,
    });
    expect(again.status).toBe("AWAITING_PAYMENT");
    const payments = await h.db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM payment_sim.payments WHERE reference = ${again.id}`;
    expect(Number(payments[0]!.n)).toBe(1);
  });

  it("refuses DEMO accounts (403), other customers' accounts (404), archived ones, limits and bad amounts, creating nothing", async () => {
    const { api, real, demo, customer } = await moneyCustomer(h);
    const other = await newCustomer(h, { kycApproved: true });
    const theirs = await openFrom(other.api, "real-usd");
    const demoRefusal = await failure(
      api.deposits.create({ accountId: demo.id, amount: "50.00", idempotencyKey: key() }),
    );
    expect([demoRefusal?.code, demoRefusal?.httpStatus, demoRefusal?.fieldCodes]).toEqual([
      "FORBIDDEN",
      403,
      { accountId: ["DEMO_ACCOUNT"] },
    ]);
    expect(
      await codeOf(
        api.deposits.create({ accountId: theirs.id, amount: "50.00", idempotencyKey: key() }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(
        api.deposits.create({ accountId: 2_000_000_000, amount: "50.00", idempotencyKey: key() }),
      ),
    ).toBe("NOT_FOUND");
    const low = await failure(
      api.deposits.create({ accountId: real.id, amount: "9.99", idempotencyKey: key() }),
    );
    expect([low?.code, low?.httpStatus, low?.details]).toEqual([
      "LIMIT_EXCEEDED",
      409,
      { limit: "10.00", currency: "USD", kind: "minimum" },
    ]);
    const high = await failure(
      api.deposits.create({ accountId: real.id, amount: "50000.01", idempotencyKey: key() }),
    );
    expect([high?.code, high?.details]).toEqual([
      "LIMIT_EXCEEDED",
      { limit: "50000.00", currency: "USD", kind: "maximum" },
    ]);
    for (const amount of ["-10", "0", "0.00", "10.001", "abc", "1e3", ""]) {
      expect(
        await codeOf(api.deposits.create({ accountId: real.id, amount, idempotencyKey: key() })),
      ).toBe("INVALID_DATA");
    }
    expect(
      await codeOf(
        api.deposits.create({
          accountId: real.id,
          amount: 10.5 as unknown as string,
          idempotencyKey: key(),
        }),
      ),
    ).toBe("OK");
    expect(
      await codeOf(
        other.api.deposits.get({
          depositId: (await h.db.deposit.findFirstOrThrow({ where: { customerId: customer.id } }))
            .id,
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await h.db.deposit.count({ where: { customerId: customer.id } })).toBe(1);
  });
});

describe("the webhook endpoint", () => {
  const event = async (id: string, paymentId: string) =>
    encodePaymentEvent({
      id,
      type: "payment.succeeded",
      createdAt: h.clock.now(),
      payment: await h.payments.getPayment(paymentId),
    });

  it("refuses a missing, wrong, tampered or old signature with 400 INVALID_SIGNATURE, changing nothing", async () => {
    const { api, real } = await moneyCustomer(h);
    const deposit = await api.deposits.create({
      accountId: real.id,
      amount: "60.00",
      idempotencyKey: key(),
    });
    await payOnPage(h, deposit.paymentPageUrl!);
    const paymentId = (await h.db.deposit.findUniqueOrThrow({ where: { id: deposit.id } }))
      .providerPaymentId!;
    const payload = await event("evt_forged_0001", paymentId);
    const call = (signature: string | null, body = payload, secret = PAYMENT_WEBHOOK_SECRET) =>
      codeOf(handlePaymentWebhook(deps(), { payload: body, signature, secret }));
    expect(await call(null)).toBe("INVALID_SIGNATURE");
    expect(await call(signWebhook(payload, "another-secret-entirely", h.clock.now()))).toBe(
      "INVALID_SIGNATURE",
    );
    expect(
      await call(
        signWebhook(payload, PAYMENT_WEBHOOK_SECRET, h.clock.now()),
        payload.replace("succeeded", "succeeded "),
      ),
    ).toBe("INVALID_SIGNATURE");
    expect(
      await call(
        signWebhook(
          payload,
          PAYMENT_WEBHOOK_SECRET,
          new Date(h.clock.now().getTime() - 10 * 60_000),
        ),
      ),
    ).toBe("INVALID_SIGNATURE");
    expect(await call("t=abc,v1=zz")).toBe("INVALID_SIGNATURE");
    expect(await coreBalance(h, real.login)).toBe("0.00");
    expect(await h.db.paymentEventReceipt.count({ where: { id: "evt_forged_0001" } })).toBe(0);
  });

  it("takes a signed event once: a replay of its id is acknowledged and ignored", async () => {
    const { api, real } = await moneyCustomer(h);
    const deposit = await api.deposits.create({
      accountId: real.id,
      amount: "61.00",
      idempotencyKey: key(),
    });
    await payOnPage(h, deposit.paymentPageUrl!);
    const paymentId = (await h.db.deposit.findUniqueOrThrow({ where: { id: deposit.id } }))
      .providerPaymentId!;
    const payload = await event("evt_replayed_0001", paymentId);
    const signature = signWebhook(payload, PAYMENT_WEBHOOK_SECRET, h.clock.now());
    expect(
      await handlePaymentWebhook(deps(), { payload, signature, secret: PAYMENT_WEBHOOK_SECRET }),
    ).toEqual({ received: true, duplicate: false });
    expect(
      await handlePaymentWebhook(deps(), { payload, signature, secret: PAYMENT_WEBHOOK_SECRET }),
    ).toEqual({ received: true, duplicate: true });
    expect(await coreBalance(h, real.login)).toBe("61.00");
  });

  describe("over HTTP (the fetch handler the portal mounts at /api/payments/webhook)", () => {
    const endpoint = (secret: { value: string | undefined } = { value: PAYMENT_WEBHOOK_SECRET }) =>
      createPaymentWebhookEndpoint({ deps, secret: () => secret.value });
    const URL_ = "http://portal.test/api/payments/webhook";
    const errorOf = async (response: Response) =>
      ((await response.json()) as { error: string }).error;
    const post = (body: NonNullable<RequestInit["body"]>, headers: Record<string, string> = {}) =>
      endpoint()(
        new Request(URL_, {
          method: "POST",
          body,
          headers,
          ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
        } as RequestInit),
      );
    /** A body sent in chunks with no Content-Length, like `Transfer-Encoding: chunked`. */
    const chunked = (chunk: Uint8Array, times: number) => {
      let sent = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < times) controller.enqueue(chunk);
          else controller.close();
        },
      });
    };

    it("credits a correctly signed event (200) and answers the same event again as a duplicate", async () => {
      const { api, real } = await moneyCustomer(h);
      const deposit = await api.deposits.create({
        accountId: real.id,
        amount: "62.00",
        idempotencyKey: key(),
      });
      await payOnPage(h, deposit.paymentPageUrl!);
      const paymentId = (await h.db.deposit.findUniqueOrThrow({ where: { id: deposit.id } }))
        .providerPaymentId!;
      const payload = await event("evt_http_0001", paymentId);
      const headers = {
        "content-type": "application/json",
        "payment-signature": signWebhook(payload, PAYMENT_WEBHOOK_SECRET, h.clock.now()),
      };
      const first = await post(payload, headers);
      expect([first.status, first.headers.get("content-type"), await first.json()]).toEqual([
        200,
        "application/json; charset=utf-8",
        { received: true, duplicate: false },
      ]);
      expect(await (await post(payload, headers)).json()).toEqual({
        received: true,
        duplicate: true,
      });
      expect(await coreBalance(h, real.login)).toBe("62.00");
    });

    it("refuses other methods (405 with Allow), oversized bodies declared or chunked (413), bytes that are not UTF-8, a missing signature, and answers 503 without a secret", async () => {
      const before = await h.db.paymentEventReceipt.count();
      const get = await endpoint()(new Request(URL_, { method: "GET" }));
      expect([get.status, get.headers.get("allow"), await errorOf(get)]).toEqual([
        405,
        "POST",
        "METHOD_NOT_ALLOWED",
      ]);

      const declared = await post("{}", { "content-length": String(10 * 1024 * 1024) });
      expect([declared.status, await errorOf(declared)]).toEqual([413, "INVALID_DATA"]);
      // 1 MiB in 64 KiB chunks and no Content-Length: refused after the first bytes over the limit.
      let pulled = 0;
      const chunk = new Uint8Array(64 * 1024).fill(0x20);
      const body = chunked(chunk, 16);
      const counting = body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform: (c, controller) => {
            pulled++;
            controller.enqueue(c);
          },
        }),
      );
      const streamed = await post(counting);
      expect([streamed.status, await errorOf(streamed)]).toEqual([413, "INVALID_DATA"]);
      expect(pulled).toBeLessThan(16);

      const notUtf8 = await post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), {
        "payment-signature": "t=1,v1=00",
      });
      expect([notUtf8.status, await errorOf(notUtf8)]).toEqual([400, "INVALID_DATA"]);
      const unsigned = await post("{}");
      expect([unsigned.status, await errorOf(unsigned)]).toEqual([400, "INVALID_SIGNATURE"]);
      const noSecret = await endpoint({ value: undefined })(
        new Request(URL_, { method: "POST", body: "{}" }),
      );
      expect([noSecret.status, await errorOf(noSecret)]).toEqual([
        503,
        "PAYMENT_PROVIDER_NOT_AVAILABLE",
      ]);
      expect(await h.db.paymentEventReceipt.count()).toBe(before);
    });
  });
});
