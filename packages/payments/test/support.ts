// A fresh, migrated database per test file, simulators opened on it with a clock the test
// moves and a webhook receiver that records what arrives, and a plain pool for checking
// the simulator's tables in SQL.
import { randomUUID } from "node:crypto";
import { createEmptyDatabase } from "@brokerage/db/testing";
import pg from "pg";
import { inject } from "vitest";
import { verifyWebhook, type PaymentEvent } from "../src/index";
import {
  createPaymentSimulator,
  migratePaymentSimulator,
  type PaymentSimulator,
  type PaymentSimulatorOptions,
  type WebhookRequest,
} from "../src/simulator/index";

export const SECRET = "whsec_test_0123456789abcdef0123456789abcdef";
export const BASE_URL = "http://portal.test:3000";
export const RETURN_URL = "http://portal.test:3000/deposits/return";

export class TestClock {
  constructor(public current = new Date("2026-12-01T12:00:00.000Z")) {}
  now = () => new Date(this.current.getTime());
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Records every webhook; answers with the statuses queued in `statuses` (then 200). */
export class WebhookReceiver {
  readonly received: WebhookRequest[] = [];
  readonly statuses: number[] = [];
  constructor(private readonly clock: TestClock) {}
  deliver = async (request: WebhookRequest) => {
    this.received.push(request);
    return { status: this.statuses.shift() ?? 200 };
  };
  events(): PaymentEvent[] {
    return this.received.map((r) =>
      verifyWebhook({
        payload: r.payload,
        signature: r.signature,
        secret: SECRET,
        now: this.clock.now(),
      }),
    );
  }
  types(): string[] {
    return this.events().map((e) => e.type);
  }
  clear() {
    this.received.length = 0;
  }
}

export interface Opened {
  sim: PaymentSimulator;
  clock: TestClock;
  hooks: WebhookReceiver;
}

export interface SimulatorDatabase {
  url: string;
  sql: pg.Pool;
  open(options?: Partial<PaymentSimulatorOptions> & { clock?: never }, clock?: TestClock): Opened;
  close(): Promise<void>;
}

export async function createSimulatorDatabase(): Promise<SimulatorDatabase> {
  const database = await createEmptyDatabase(inject("adminUrl"));
  await migratePaymentSimulator(database.url);
  const sql = new pg.Pool({ connectionString: database.url, max: 3 });
  const opened: PaymentSimulator[] = [];
  return {
    url: database.url,
    sql,
    open(options = {}, clock = new TestClock()) {
      const hooks = new WebhookReceiver(clock);
      const sim = createPaymentSimulator({
        connectionString: database.url,
        publicBaseUrl: BASE_URL,
        webhook: {
          secret: SECRET,
          deliver: hooks.deliver,
          retry: { baseDelayMs: 1_000, maxAttempts: 4 },
        },
        clock: clock.now,
        poolSize: 8,
        ...options,
      });
      opened.push(sim);
      return { sim, clock, hooks };
    },
    async close() {
      await Promise.all(opened.map((sim) => sim.close()));
      await sql.end();
      await database.drop();
    },
  };
}

export const newKey = () => randomUUID();

export function paymentInput(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: newKey(),
    amount: "25.00",
    currency: "USD",
    reference: `dep_${randomUUID()}`,
    returnUrl: RETURN_URL,
    ...overrides,
  };
}

/** Resolves to the error a promise rejects with; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected the call to fail, but it succeeded");
}

export async function count(sql: pg.Pool, query: string, params: unknown[] = []): Promise<number> {
  const { rows } = await sql.query<{ n: string }>(
    `SELECT count(*) AS n FROM (${query}) AS counted`,
    params,
  );
  return Number(rows[0]?.n);
}

/** The hosted page, fetched the way a browser would (through `handle`). */
export async function getPage(
  sim: PaymentSimulator,
  pageUrl: string,
): Promise<{ response: Response; html: string }> {
  const response = await sim.handle(new Request(pageUrl));
  if (!response) throw new Error(`The simulator did not answer ${pageUrl}`);
  return { response, html: await response.text() };
}

/** Reads the form of the page: its action and hidden token. */
export function formOf(html: string): { action: string; token: string } {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
  if (!action || !token) throw new Error("The page has no payment form");
  return { action, token };
}

export async function submitPage(
  sim: PaymentSimulator,
  pageUrl: string,
  fields: Record<string, string>,
): Promise<Response> {
  const { html } = await getPage(sim, pageUrl);
  const { action, token } = formOf(html);
  return post(sim, action, { token, ...fields });
}

export async function post(
  sim: PaymentSimulator,
  action: string,
  fields: Record<string, string>,
): Promise<Response> {
  const response = await sim.handle(
    new Request(new URL(action, BASE_URL), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    }),
  );
  if (!response) throw new Error(`The simulator did not answer ${action}`);
  return response;
}

export const CARD_PAYS = {
  action: "pay",
  cardNumber: "4242 4242 4242 4242",
  expiry: "12/30",
  cvc: "123",
  name: "Ada Lovelace",
};
export const CARD_DECLINED = { ...CARD_PAYS, cardNumber: "4000 0000 0000 0002" };

/** Creates a payment and pays it with the paying test card. */
export async function paidPayment(sim: PaymentSimulator, amount = "25.00", currency = "USD") {
  const payment = await sim.createPayment(paymentInput({ amount, currency }));
  const response = await submitPage(sim, payment.paymentPageUrl, CARD_PAYS);
  if (response.status !== 303) throw new Error(`Paying answered ${response.status}`);
  return payment;
}
