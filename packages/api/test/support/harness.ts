// A migrated database of its own for each test file, a durable simulated trading core
// in it, and callers of the real router.
import { createSimulatorCore } from "@brokerage/core-adapter/simulator";
import { createPrismaClient, type Database } from "@brokerage/db";
import { createTestDatabase, type TestDatabase } from "@brokerage/db/testing";
import { createPaymentSimulator, type PaymentSimulator } from "@brokerage/payments/simulator";
import { createSimulatedRateSource, type SimulatedRateSource } from "@brokerage/rate-source/simulator";
import { inject } from "vitest";
import { fixedClock } from "../../src/clock";
import { createContextInner, type Credential } from "../../src/context";
import { createDatabaseDocumentStorage } from "../../src/kyc/database-document-storage";
import type { DocumentStorage } from "../../src/kyc/document-storage";
import { createCaller, DomainError } from "../../src/index";
import { handlePaymentWebhook } from "../../src/payment-provider/webhook";
import { createLogger } from "../../src/logger";
import { createPostgresRateLimits, type RateLimits } from "../../src/rate-limit/rate-limits";

/** The webhook secret the harness's simulator signs with and its handler checks. */
export const PAYMENT_WEBHOOK_SECRET = "whsec_harness_0123456789abcdef";

export interface Harness {
  db: Database;
  database: TestDatabase;
  core: Awaited<ReturnType<typeof createSimulatorCore>>["core"];
  faults: Awaited<ReturnType<typeof createSimulatorCore>>["faults"];
  clock: ReturnType<typeof fixedClock>;
  rateLimits: RateLimits;
  /** KYC files: the default storage, in this test file's own database. */
  documents: DocumentStorage;
  /** Exchange rates: the simulator, its market movable through `rates.faults`. */
  rates: SimulatedRateSource;
  /**
   * The payment provider: the durable simulator in this file's database, its clock the
   * harness clock, its webhooks delivered in-process to the API's webhook handler when a
   * test calls `payments.deliverDueWebhooks()`.
   */
  payments: PaymentSimulator;
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
  const rates = createSimulatedRateSource({ clock: () => clock.now() });
  const deps = { db, core: simulator.core, clock, logger, rateLimits, documents, rates } as const;
  const payments: PaymentSimulator = createPaymentSimulator({
    connectionString: database.url,
    publicBaseUrl: "http://portal.test",
    clock: () => clock.now(),
    poolSize: 3,
    webhook: {
      secret: PAYMENT_WEBHOOK_SECRET,
      async deliver({ payload, signature }) {
        try {
          await handlePaymentWebhook({ ...deps, payments }, { payload, signature, secret: PAYMENT_WEBHOOK_SECRET });
          return { status: 200 };
        } catch (error) {
          return { status: error instanceof DomainError ? error.httpStatus : 500 };
        }
      },
    },
  });
  return {
    db,
    database,
    core: simulator.core,
    faults: simulator.faults,
    clock,
    rateLimits,
    documents,
    rates,
    payments,
    caller: (credential = null) => createCaller(createContextInner({ deps: { ...deps, payments }, credential })),
    async close() {
      await payments.close();
      await simulator.close();
      await rateLimits.close();
      await db.$disconnect();
      await database.drop();
    },
  };
}
