// The router's dependencies, one set per server process. Everything is created on first
// use, so `next build` (which imports route modules) needs no database.
import "server-only";
import { createPostgresRateLimits, createRedisRateLimits, instrumentCore, type ApiDeps, type RateLimits } from "@brokerage/api";
import { createSimulatorCore } from "@brokerage/core-adapter/simulator";
import { getDb } from "@brokerage/db/client";
import { createPaymentSimulator, type PaymentSimulator } from "@brokerage/payments/simulator";
import { env } from "~/env";
import { getLogger } from "./logger";

type Simulator = ReturnType<typeof createSimulatorCore>;

// Kept on globalThis: in development Next re-evaluates modules on every change, and each
// evaluation would otherwise open new pools until PostgreSQL runs out of connections.
const holder = globalThis as typeof globalThis & {
  __portalSimulator?: Simulator;
  __portalRateLimits?: RateLimits;
  __portalPaymentSimulator?: PaymentSimulator;
};

function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set");
  return env.DATABASE_URL;
}

/** The trading core: the durable simulator in the portal's own database. */
export function getSimulator(): Simulator {
  holder.__portalSimulator ??= createSimulatorCore({ connectionString: requireDatabaseUrl() });
  return holder.__portalSimulator;
}

/** Where the payment simulator's hosted page lives (apps/portal/src/app/payment-simulator). */
export const PAYMENT_SIMULATOR_BASE_PATH = "/payment-simulator";

/**
 * The payment provider: the durable payment simulator in the portal's own database. Its
 * hosted page is served by this portal under /payment-simulator, and it POSTs its signed
 * webhooks to this portal's /api/payments/webhook.
 */
export function getPaymentSimulator(): PaymentSimulator {
  if (!holder.__portalPaymentSimulator) {
    const secret = env.PAYMENT_WEBHOOK_SECRET;
    if (!secret) throw new Error("PAYMENT_WEBHOOK_SECRET is required in production (32+ random characters)");
    const publicBaseUrl = (env.PORTAL_BASE_URL ?? "http://localhost:3000").replace(/\/+$/, "");
    holder.__portalPaymentSimulator = createPaymentSimulator({
      connectionString: requireDatabaseUrl(),
      publicBaseUrl,
      basePath: PAYMENT_SIMULATOR_BASE_PATH,
      webhook: { secret, url: `${publicBaseUrl}/api/payments/webhook` },
      // Light traffic (the page, deposits, a background round): a small pool keeps the budget.
      poolSize: 3,
    });
  }
  return holder.__portalPaymentSimulator;
}

function getRateLimits(): RateLimits {
  holder.__portalRateLimits ??= env.REDIS_URL
    ? createRedisRateLimits(env.REDIS_URL, { keyPrefix: env.REDIS_KEY_PREFIX })
    : createPostgresRateLimits(requireDatabaseUrl());
  return holder.__portalRateLimits;
}

/** The payment provider, or none in production without PAYMENT_WEBHOOK_SECRET (money in/out then answers 503). */
export function getPaymentProvider(): PaymentSimulator | null {
  return env.PAYMENT_WEBHOOK_SECRET && env.DATABASE_URL ? getPaymentSimulator() : null;
}

export function getApiDeps(): ApiDeps {
  const payments = getPaymentProvider();
  return {
    db: getDb(),
    // Failed core calls are counted in the metrics (when METRICS_PORT is set).
    core: instrumentCore(getSimulator().core),
    rateLimits: getRateLimits(),
    logger: getLogger(),
    ...(payments ? { payments } : {}),
  };
}
