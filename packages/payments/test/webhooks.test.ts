import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhook, WEBHOOK_SIGNATURE_HEADER } from "../src/index";
import { createPaymentSimulator } from "../src/simulator/index";
import {
  BASE_URL,
  CARD_PAYS,
  count,
  createSimulatorDatabase,
  paidPayment,
  paymentInput,
  SECRET,
  submitPage,
  TestClock,
  type SimulatorDatabase,
} from "./support";

let db: SimulatorDatabase;
beforeAll(async () => {
  db = await createSimulatorDatabase();
});
afterAll(() => db?.close());

// Each test works on its own events: earlier tests' outbox rows are marked done first.
async function clearOutbox() {
  await db.sql.query("UPDATE payment_sim.events SET state = 'delivered' WHERE state = 'pending'");
}

describe("the webhook outbox", () => {
  it("writes one event per state change with the change, and delivers it signed", async () => {
    await clearOutbox();
    const { sim, hooks, clock } = db.open();
    const payment = await sim.createPayment(paymentInput());
    // Creating a payment is no state change a merchant is told about.
    expect(await sim.deliverDueWebhooks()).toEqual({
      delivered: 0,
      retrying: 0,
      dead: 0,
      lost: 0,
      requests: 0,
    });
    await submitPage(sim, payment.paymentPageUrl, CARD_PAYS);
    expect(await sim.deliverDueWebhooks()).toEqual({
      delivered: 1,
      retrying: 0,
      dead: 0,
      lost: 0,
      requests: 1,
    });
    const [event] = hooks.events();
    expect(event).toMatchObject({
      id: expect.stringMatching(/^evt_/),
      type: "payment.succeeded",
      createdAt: clock.now(),
      payment: {
        id: payment.id,
        status: "succeeded",
        amount: "25.00",
        card: { brand: "visa", last4: "4242" },
      },
    });
    expect(hooks.received[0]?.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    // Delivered once: nothing left.
    expect((await sim.deliverDueWebhooks()).requests).toBe(0);
  });

  it("retries a failed or non-2xx delivery with backoff until it is answered 2xx", async () => {
    await clearOutbox();
    const { sim, hooks, clock } = db.open({
      webhook: {
        secret: SECRET,
        deliver: undefined,
        retry: { baseDelayMs: 1_000, maxAttempts: 10 },
      },
    });
    // Swap in a receiver that fails three ways before it accepts.
    let calls = 0;
    const outcomes = [
      () => ({ status: 500 }),
      () => ({ status: 302 }),
      () => {
        throw new Error("connection reset");
      },
      () => ({ status: 204 }),
    ];
    const delivering = createPaymentSimulator({
      connectionString: db.url,
      publicBaseUrl: BASE_URL,
      clock: clock.now,
      webhook: {
        secret: SECRET,
        retry: { baseDelayMs: 1_000, maxAttempts: 10 },
        deliver: async (request) => {
          hooks.received.push(request);
          return (outcomes[calls++] as () => { status: number })();
        },
      },
    });
    try {
      await paidPayment(sim);
      expect(await delivering.deliverDueWebhooks()).toMatchObject({ delivered: 0, retrying: 1 });
      // Not due again before its backoff (1 s after the first failure).
      clock.advance(999);
      expect((await delivering.deliverDueWebhooks()).requests).toBe(0);
      clock.advance(1);
      expect(await delivering.deliverDueWebhooks()).toMatchObject({ retrying: 1, requests: 1 });
      clock.advance(1_999);
      expect((await delivering.deliverDueWebhooks()).requests).toBe(0);
      clock.advance(1);
      expect(await delivering.deliverDueWebhooks()).toMatchObject({ retrying: 1, requests: 1 });
      clock.advance(4_000);
      expect(await delivering.deliverDueWebhooks()).toMatchObject({ delivered: 1, requests: 1 });
      clock.advance(60_000);
      expect((await delivering.deliverDueWebhooks()).requests).toBe(0);
      expect(calls).toBe(4);
      // Every attempt carried the same event, signed at the time of its attempt.
      const ids = hooks.received.map((r) => JSON.parse(r.payload).id as string);
      expect(new Set(ids).size).toBe(1);
      const { rows } = await db.sql.query(
        "SELECT state, attempts FROM payment_sim.events WHERE id = $1",
        [ids[0]],
      );
      expect(rows).toEqual([{ state: "delivered", attempts: 4 }]);
    } finally {
      await delivering.close();
    }
  });

  it("gives up after the last attempt (dead), and keeps the event for inspection", async () => {
    await clearOutbox();
    const { sim, hooks, clock } = db.open();
    hooks.statuses.push(500, 500, 500, 500, 500);
    const payment = await paidPayment(sim);
    for (let i = 0; i < 3; i++) {
      expect((await sim.deliverDueWebhooks()).retrying).toBe(1);
      clock.advance(3_600_000);
    }
    expect(await sim.deliverDueWebhooks()).toMatchObject({ dead: 1 });
    clock.advance(3_600_000);
    expect((await sim.deliverDueWebhooks()).requests).toBe(0);
    expect(
      await count(
        db.sql,
        "SELECT 1 FROM payment_sim.events WHERE state = 'dead' AND payload LIKE $1",
        [`%${payment.id}%`],
      ),
    ).toBe(1);
  });

  it("two deliverers at once send each event once", async () => {
    await clearOutbox();
    const { sim, hooks, clock } = db.open();
    const second = db.open({}, clock);
    for (let i = 0; i < 5; i++) await paidPayment(sim);
    const [a, b] = await Promise.all([sim.deliverDueWebhooks(), second.sim.deliverDueWebhooks()]);
    expect(a.delivered + b.delivered).toBe(5);
    const ids = [...hooks.received, ...second.hooks.received].map((r) => JSON.parse(r.payload).id);
    expect(new Set(ids).size).toBe(5);
    expect(ids).toHaveLength(5);
  });

  it("POSTs to the webhook url over HTTP with the signature header", async () => {
    await clearOutbox();
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    let failFirst = true;
    const server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.statusCode = failFirst ? 503 : 200;
        failFirst = false;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/payments/webhook`;
    const clock = new TestClock();
    const sim = createPaymentSimulator({
      connectionString: db.url,
      publicBaseUrl: BASE_URL,
      clock: clock.now,
      webhook: { secret: SECRET, url, retry: { baseDelayMs: 1_000 } },
    });
    try {
      await paidPayment(sim);
      expect(await sim.deliverDueWebhooks()).toMatchObject({ retrying: 1 });
      clock.advance(1_000);
      expect(await sim.deliverDueWebhooks()).toMatchObject({ delivered: 1 });
      expect(received).toHaveLength(2);
      const last = received[1]!;
      expect(last.headers["content-type"]).toBe("application/json");
      const event = verifyWebhook({
        payload: last.body,
        signature: (last.headers[WEBHOOK_SIGNATURE_HEADER] as string | undefined) ?? null,
        secret: SECRET,
        now: clock.now(),
      });
      expect(event.type).toBe("payment.succeeded");
    } finally {
      await sim.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
