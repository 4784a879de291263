// The router's dependencies, one set per server process. Everything is created on first
// use, so `next build` (which imports route modules) needs no database.
import "server-only";
import { createPostgresRateLimits, createRedisRateLimits, type ApiDeps, type RateLimits } from "@brokerage/api";
import { createSimulatorCore } from "@brokerage/core-adapter/simulator";
import { getDb } from "@brokerage/db/client";
import { env } from "~/env";
import { getLogger } from "./logger";

type Simulator = ReturnType<typeof createSimulatorCore>;

// Kept on globalThis: in development Next re-evaluates modules on every change, and each
// evaluation would otherwise open new pools until PostgreSQL runs out of connections.
const holder = globalThis as typeof globalThis & {
  __portalSimulator?: Simulator;
  __portalRateLimits?: RateLimits;
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

function getRateLimits(): RateLimits {
  holder.__portalRateLimits ??= env.REDIS_URL
    ? createRedisRateLimits(env.REDIS_URL)
    : createPostgresRateLimits(requireDatabaseUrl());
  return holder.__portalRateLimits;
}

export function getApiDeps(): ApiDeps {
  return {
    db: getDb(),
    core: getSimulator().core,
    rateLimits: getRateLimits(),
    logger: getLogger(),
  };
}
