import { afterAll, beforeAll, expect, it } from "vitest";
import { migratePaymentSimulator, PAYMENT_SIMULATOR_SCHEMA } from "../src/simulator/index";
import {
  CARD_PAYS,
  createSimulatorDatabase,
  newKey,
  paymentInput,
  submitPage,
  TestClock,
  type SimulatorDatabase,
} from "./support";

let db: SimulatorDatabase;
beforeAll(async () => {
  db = await createSimulatorDatabase();
});
afterAll(() => db?.close());

it("keeps everything in payment_sim, recorded like Prisma, applies nothing twice, money as numeric(20,2)", async () => {
  expect(PAYMENT_SIMULATOR_SCHEMA).toBe("payment_sim");
  const again = await migratePaymentSimulator(db.url);
  expect(again.applied).toEqual([]);
  expect(again.alreadyApplied).toEqual(["20261201180000_init"]);
  const { rows } = await db.sql.query<{ table_schema: string; table_name: string }>(
    `SELECT table_schema, table_name FROM information_schema.tables
      WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY table_schema, table_name`,
  );
  expect(rows).toEqual(
    [
      "_prisma_migrations",
      "events",
      "fault_settings",
      "faults",
      "idempotency_keys",
      "payments",
      "payouts",
    ].map((table_name) => ({
      table_schema: "payment_sim",
      table_name,
    })),
  );
  const money = await db.sql.query<{
    table_name: string;
    column_name: string;
    numeric_precision: number;
    numeric_scale: number;
  }>(
    `SELECT table_name, column_name, numeric_precision, numeric_scale FROM information_schema.columns
      WHERE table_schema = 'payment_sim' AND data_type = 'numeric' ORDER BY table_name, column_name`,
  );
  for (const column of money.rows)
    expect(column).toMatchObject({ numeric_precision: 20, numeric_scale: 2 });
  expect(money.rows.map((c) => `${c.table_name}.${c.column_name}`)).toEqual([
    "payments.amount",
    "payments.charged_back_amount",
    "payments.refunded_amount",
    "payouts.amount",
  ]);
});

it("a second simulator on the same database (a restart, another process) sees the same state", async () => {
  const clock = new TestClock();
  const first = db.open({}, clock);
  const input = paymentInput();
  const payment = await first.sim.createPayment(input);
  const payout = await first.sim.createPayout({
    idempotencyKey: newKey(),
    amount: "3.00",
    currency: "EUR",
    reference: "wd",
    destination: { kind: "bank", iban: "NL91ABNA0417164300", bic: "ABNANL2A", holderName: "Ada" },
  });
  await first.sim.faults.setWebhookDuplicate(true);
  await first.sim.close();

  const second = db.open({}, clock);
  expect(await second.sim.getPayment(payment.id)).toMatchObject({
    id: payment.id,
    status: "requires_payment",
  });
  expect((await second.sim.getPayout(payout.id)).status).toBe("pending");
  // Its idempotency keys, its page tokens, its faults and its outbox are all in the database.
  expect((await second.sim.createPayment(input)).paymentPageUrl).toBe(payment.paymentPageUrl);
  expect((await second.sim.faults.state()).webhookDuplicate).toBe(true);
  expect((await submitPage(second.sim, payment.paymentPageUrl, CARD_PAYS)).status).toBe(303);
  await second.sim.faults.reset();
  await second.sim.close();

  const third = db.open({}, clock);
  expect((await third.sim.getPayment(payment.id)).status).toBe("succeeded");
  expect(await third.sim.deliverDueWebhooks()).toMatchObject({ delivered: 1 });
  expect(third.hooks.types()).toEqual(["payment.succeeded"]);
});

it("a simulator whose database is gone answers unavailable, never a pg error", async () => {
  const { createPaymentSimulator } = await import("../src/simulator/index");
  const sim = createPaymentSimulator({
    connectionString: db.url.replace(/\/[^/]+$/, "/no_such_database"),
    publicBaseUrl: "http://localhost:3000",
    webhook: { secret: "s", deliver: async () => ({ status: 200 }) },
    timeoutMs: 2_000,
  });
  try {
    await expect(sim.createPayment(paymentInput())).rejects.toMatchObject({ kind: "unavailable" });
    await expect(sim.getPayment("pay_000000000000000000000000")).rejects.toMatchObject({
      kind: "unavailable",
    });
    // The page answers 503 rather than throwing.
    const page = await sim.handle(
      new Request(
        "http://localhost:3000/payment-simulator/pay/pay_000000000000000000000000?token=x",
      ),
    );
    expect(page?.status).toBe(503);
  } finally {
    await sim.close();
  }
});
