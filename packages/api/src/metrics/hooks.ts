// What code running inside a server process reports to that process's metrics, without
// importing prom-client or the router: in the portal, the start script that sees every
// request and the background jobs that Next bundles apart meet the registry (made in
// Next's process by instrumentation) on a process-wide symbol. With no metrics installed
// (METRICS_PORT unset, `next dev`, tests) every report is a no-op.
import { CORE_OPERATIONS, CoreError, type TradingCore } from "@brokerage/core-adapter";

/** The recovery jobs whose outcomes are counted (bounded label values). */
export type RecoveryJob = "openings" | "archivals" | "payments" | "conversions";

export interface MetricsHooks {
  /** One answered request: the raw path (labelled by the metrics, never kept as is). */
  observe(path: string, method: string, status: number, seconds: number): void;
  /** `count` items of `job` ended with `outcome` in one recovery round. */
  recovery(job: RecoveryJob, outcome: string, count: number): void;
  /** A trading-core call `operation` failed with a core error of `kind` (or `other`). */
  coreError(operation: string, kind: string): void;
}

const KEY = Symbol.for("brokerage.metrics.hooks");
const holder = globalThis as typeof globalThis & { [KEY]?: MetricsHooks };

export function installMetricsHooks(hooks: MetricsHooks | undefined): void {
  holder[KEY] = hooks;
}

export function metricsHooks(): MetricsHooks | undefined {
  return holder[KEY];
}

const CORE_KINDS = new Set(["unavailable", "not_found", "insufficient_funds", "rejected"]);
const OPERATIONS = new Set<string>(CORE_OPERATIONS);

/**
 * The core, with every failed call of a TradingCore operation reported as
 * `coreError(operation, kind)`. Errors pass through unchanged; other properties are the
 * core's own.
 */
export function instrumentCore<T extends TradingCore>(core: T): T {
  return new Proxy(core, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || typeof property !== "string" || !OPERATIONS.has(property)) return value;
      const method = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        const report = (error: unknown): never => {
          metricsHooks()?.coreError(property, error instanceof CoreError && CORE_KINDS.has(error.kind) ? error.kind : "other");
          throw error;
        };
        try {
          const result = method.apply(target, args);
          return result instanceof Promise ? result.catch(report) : result;
        } catch (error) {
          return report(error);
        }
      };
    },
  });
}
