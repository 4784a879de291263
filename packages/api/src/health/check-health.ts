import type { TradingCore } from "@brokerage/core-adapter";
import type { Database } from "@brokerage/db";

export interface ComponentHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export interface HealthReport {
  status: "ok" | "degraded";
  database: ComponentHealth;
  core: ComponentHealth;
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

/** The database and the trading core, reported separately. */
export async function checkHealth(deps: { db: Database; core: TradingCore }): Promise<HealthReport> {
  const [database, core] = await Promise.all([
    probe(() => deps.db.$queryRaw`SELECT 1`),
    probe(() => deps.core.health()),
  ]);
  return { status: database.ok && core.ok ? "ok" : "degraded", database, core };
}
