// Makes a database ready for the portal: its migrations, the trading-core simulator's and
// the payment simulator's migrations, and the demo data. Shared by `pnpm dev` (scripts/dev.ts) and the e2e
// server (e2e/scripts/serve.ts); every step is idempotent, so it runs on every start.
import { createPrismaClient } from "@brokerage/db";
import { runMigrations } from "@brokerage/db/migrate";
import { seedDemoData } from "@brokerage/db/seed";
import { migrateSimulator } from "@brokerage/core-adapter/simulator";
import { migratePaymentSimulator } from "@brokerage/payments/simulator";

export interface PrepareResult {
  applied: string[];
  simulatorApplied: string[];
  paymentSimulatorApplied: string[];
}

export async function prepareDatabase(
  connectionString: string,
  log: (line: string) => void = () => {},
): Promise<PrepareResult> {
  const portal = await runMigrations({ connectionString, log });
  const simulator = await migrateSimulator(connectionString);
  for (const name of simulator.applied) log(`applied simulator migration ${name}`);
  const payments = await migratePaymentSimulator(connectionString);
  for (const name of payments.applied) log(`applied payment simulator migration ${name}`);
  const db = createPrismaClient(connectionString, { max: 2 });
  try {
    await seedDemoData(db);
  } finally {
    await db.$disconnect();
  }
  return { applied: portal.applied, simulatorApplied: simulator.applied, paymentSimulatorApplied: payments.applied };
}

export { DEMO_CUSTOMER, DEMO_STAFF, DEMO_STAFF_MEMBERS } from "@brokerage/db/seed";
