// A migrated database of its own for each test file, a durable simulated trading core
// in it, and callers of the real router.
import { createSimulatorCore } from "@brokerage/core-adapter/simulator";
import { createPrismaClient, type Database } from "@brokerage/db";
import { createTestDatabase, type TestDatabase } from "@brokerage/db/testing";
import { inject } from "vitest";
import { fixedClock } from "../../src/clock";
import { createContextInner, type Credential } from "../../src/context";
import { createDatabaseDocumentStorage } from "../../src/kyc/database-document-storage";
import type { DocumentStorage } from "../../src/kyc/document-storage";
import { createCaller } from "../../src/index";
import { createLogger } from "../../src/logger";
import { createPostgresRateLimits, type RateLimits } from "../../src/rate-limit/rate-limits";

export interface Harness {
  db: Database;
  database: TestDatabase;
  core: Awaited<ReturnType<typeof createSimulatorCore>>["core"];
  faults: Awaited<ReturnType<typeof createSimulatorCore>>["faults"];
  clock: ReturnType<typeof fixedClock>;
  rateLimits: RateLimits;
  /** KYC files: the default storage, in this test file's own database. */
  documents: DocumentStorage;
  caller(credential?: Credential | null): ReturnType<typeof createCaller>;
  close(): Promise<void>;
}

export async function createHarness(options: { poolSize?: number } = {}): Promise<Harness> {
  const database = await createTestDatabase(inject("adminUrl"), inject("templateDb"));
  const db = createPrismaClient(database.url, { max: options.poolSize ?? 5 });
  const simulator = await createSimulatorCore({ connectionString: database.url, timeoutMs: 15_000 });
  const clock = fixedClock(Date.parse("2026-11-23T12:00:00Z"));
  const logger = createLogger({ level: "silent" });
  const rateLimits = createPostgresRateLimits(database.url);
  const documents = createDatabaseDocumentStorage(db);
  return {
    db,
    database,
    core: simulator.core,
    faults: simulator.faults,
    clock,
    rateLimits,
    documents,
    caller: (credential = null) =>
      createCaller(
        createContextInner({ deps: { db, core: simulator.core, clock, logger, rateLimits, documents }, credential }),
      ),
    async close() {
      await simulator.close();
      await rateLimits.close();
      await db.$disconnect();
      await database.drop();
    },
  };
}
