import path from "node:path";
import { fileURLToPath } from "node:url";
import { runMigrations, type MigrationResult } from "@brokerage/db/migrate";

export const SIMULATOR_SCHEMA = "core_sim";

/**
 * Prisma-layout SQL migrations of the simulator's schema, applied by @brokerage/db's
 * runner. Built from this file's folder: bundlers take `new URL(dir, import.meta.url)`
 * for a module to resolve.
 */
export const SIMULATOR_MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "migrations");

export function migrateSimulator(connectionString: string): Promise<MigrationResult> {
  return runMigrations({
    connectionString,
    dir: SIMULATOR_MIGRATIONS_DIR,
    schema: SIMULATOR_SCHEMA,
  });
}
