import { fileURLToPath } from "node:url";
import { runMigrations, type MigrationResult } from "@brokerage/db/migrate";

export const SIMULATOR_SCHEMA = "core_sim";

/** Prisma-layout SQL migrations of the simulator's schema, applied by @brokerage/db's runner. */
export const SIMULATOR_MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations", import.meta.url));

export function migrateSimulator(connectionString: string): Promise<MigrationResult> {
  return runMigrations({
    connectionString,
    dir: SIMULATOR_MIGRATIONS_DIR,
    schema: SIMULATOR_SCHEMA,
  });
}
