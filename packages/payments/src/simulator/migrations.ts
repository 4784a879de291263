import path from "node:path";
import { fileURLToPath } from "node:url";
import { runMigrations, type MigrationResult } from "@brokerage/db/migrate";

export const PAYMENT_SIMULATOR_SCHEMA = "payment_sim";

/** Prisma-layout SQL migrations of the simulator's schema, applied by @brokerage/db's runner. */
export const PAYMENT_SIMULATOR_MIGRATIONS_DIR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "migrations",
);

export function migratePaymentSimulator(connectionString: string): Promise<MigrationResult> {
  return runMigrations({
    connectionString,
    dir: PAYMENT_SIMULATOR_MIGRATIONS_DIR,
    schema: PAYMENT_SIMULATOR_SCHEMA,
  });
}
