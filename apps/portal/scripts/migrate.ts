// `pnpm db:migrate`: the production way to ready a database: the portal's migrations,
// the trading-core simulator's (the default core) and the payment simulator's (the default
// payment provider), and no demo data (`prepareDatabase`,
// for development and tests, seeds that too).
import { runMigrations } from "@brokerage/db/migrate";
import { migrateSimulator } from "@brokerage/core-adapter/simulator";
import { migratePaymentSimulator } from "@brokerage/payments/simulator";
import { scriptEnv } from "./env";

if (!scriptEnv.DATABASE_URL) {
  console.error("DATABASE_URL is not set. (`pnpm dev` migrates its embedded database itself.)");
  process.exit(1);
}
const portal = await runMigrations({ connectionString: scriptEnv.DATABASE_URL, log: console.log });
const simulator = await migrateSimulator(scriptEnv.DATABASE_URL);
for (const name of simulator.applied) console.log(`applied simulator migration ${name}`);
const payments = await migratePaymentSimulator(scriptEnv.DATABASE_URL);
for (const name of payments.applied) console.log(`applied payment simulator migration ${name}`);
console.log(
  `${portal.applied.length + simulator.applied.length + payments.applied.length} applied, ${portal.alreadyApplied.length} portal migrations already applied`,
);
