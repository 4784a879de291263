import type { TradingCore } from "@brokerage/core-adapter";
import type { Database } from "@brokerage/db";
import { liveThrottleStores } from "../jobs/instance-heartbeat";
import type { RateLimits, ThrottleStore } from "../rate-limit/rate-limits";

export interface ComponentHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export interface HealthReport {
  status: "ok" | "degraded";
  database: ComponentHealth;
  core: ComponentHealth;
  /** Present when the caller passed its throttle counters. */
  throttles?: ComponentHealth & { store: ThrottleStore };
  /** Things an operator should fix that do not stop this instance, e.g. instances that disagree. */
  warnings: string[];
}

async function probe(fn: () => Promise<unknown>): Promise<ComponentHealth> {
  const started = performance.now();
  try {
    await fn();
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      // The error's class only: a message may carry a connection string.
      error: error instanceof Error ? error.name : "Error",
    };
  }
}

/**
 * The database, the trading core and (when given) the throttle store, reported separately,
 * with a warning when the live instances count throttles in different stores (a limit
 * split between Redis and PostgreSQL lets an attacker through twice as often).
 */
export async function checkHealth(deps: { db: Database; core: TradingCore; rateLimits?: RateLimits }): Promise<HealthReport> {
  const [database, core, throttles, stores] = await Promise.all([
    probe(() => deps.db.$queryRaw`SELECT 1`),
    probe(() => deps.core.health()),
    deps.rateLimits ? probe(() => deps.rateLimits!.ready()) : Promise.resolve(undefined),
    liveThrottleStores(deps.db, new Date()).catch(() => ({}) as Record<string, number>),
  ]);
  const warnings: string[] = [];
  const mine = deps.rateLimits?.store;
  const others = Object.keys(stores).filter((store) => store !== mine);
  if (Object.keys(stores).length > 1 || (mine && others.length > 0)) {
    warnings.push(
      `instances count throttles in different stores (${Object.entries(stores).map(([store, n]) => `${store}: ${n}`).join(", ")}): set REDIS_URL on all of them or on none`,
    );
  }
  const ok = database.ok && core.ok && (throttles?.ok ?? true);
  return {
    status: ok ? "ok" : "degraded",
    database,
    core,
    ...(throttles && mine ? { throttles: { ...throttles, store: mine } } : {}),
    warnings,
  };
}
