// Prometheus metrics of a server process (prom-client), shared by the API server and the
// portal: request durations by route or tRPC procedure, throttle refusals, 5xx answers,
// failed trading-core calls, recovery outcomes and the outbox's lag (read from the
// database at each scrape). Served on a port of their own (METRICS_PORT), never with the
// API. Every label value comes from a closed set, so clients cannot grow the registry.
import http from "node:http";
import type { Database } from "@brokerage/db";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { buildOpenApiDocument } from "../http-api/openapi";
import { matchPath } from "../http-api/routes";
import { appRouter } from "../root";
import { installMetricsHooks, type MetricsHooks } from "./hooks";

export interface ServiceMetrics extends MetricsHooks {
  registry: Registry;
}

export interface ServiceMetricsOptions {
  /** `api-server` or `portal`: a label on every series, so one dashboard shows both. */
  service: string;
  /** The database whose outbox lag is reported; none: the gauge is not registered. */
  db?: Database;
  /**
   * The label of a request path: a template (`/customer/session/accounts`,
   * `trpc:session.accounts`) from a closed set, never the raw URL.
   */
  routeLabel(path: string): string;
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export function createServiceMetrics(options: ServiceMetricsOptions): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.service });
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: "api_request_duration_seconds",
    help: "Time to answer a request, by route (or tRPC procedure), method and status",
    labelNames: ["route", "method", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const throttled = new Counter({
    name: "api_throttle_refusals_total",
    help: "Requests refused with 429 TOO_MANY_ATTEMPTS, by route",
    labelNames: ["route"],
    registers: [registry],
  });
  const faults = new Counter({
    name: "api_server_errors_total",
    help: "Requests answered 5xx (CORE_NOT_AVAILABLE included), by route",
    labelNames: ["route"],
    registers: [registry],
  });
  const coreErrors = new Counter({
    name: "core_errors_total",
    help: "Trading-core calls that failed, by operation and error kind",
    labelNames: ["operation", "kind"],
    registers: [registry],
  });
  const recoveries = new Counter({
    name: "recovery_items_total",
    help: "Items the recovery rounds of this instance handled, by job and outcome",
    labelNames: ["job", "outcome"],
    registers: [registry],
  });
  const db = options.db;
  if (db) {
    new Gauge({
      name: "outbox_oldest_pending_seconds",
      help: "Age of the oldest e-mail or SMS waiting in the outbox (0 when none waits)",
      registers: [registry],
      async collect() {
        this.set(await outboxLagSeconds(db));
      },
    });
  }
  return {
    registry,
    observe(path, method, status, seconds) {
      const route = options.routeLabel(path);
      const verb = METHODS.has(method) ? method : "other";
      duration.observe({ route, method: verb, status: String(status) }, seconds);
      if (status === 429) throttled.inc({ route });
      if (status >= 500) faults.inc({ route });
    },
    recovery(job, outcome, count) {
      if (count > 0) recoveries.inc({ job, outcome }, count);
    },
    coreError(operation, kind) {
      coreErrors.inc({ operation, kind });
    },
  };
}

/** Makes `metrics` the target of this process's `metricsHooks()` (recovery rounds, core calls). */
export function installServiceMetrics(metrics: ServiceMetrics): void {
  installMetricsHooks(metrics);
}

/** Seconds since the oldest PENDING message was written (0 when none waits). */
export async function outboxLagSeconds(db: Database): Promise<number> {
  const [row] = await db.$queryRaw<{ age: number | null }[]>`
    SELECT EXTRACT(EPOCH FROM now() - min("createdAt"))::float8 AS age FROM "Message" WHERE status = 'PENDING'`;
  return row?.age ?? 0;
}

/** GET /metrics on its own listener; anything else is 404. */
export function createMetricsServer(metrics: Pick<ServiceMetrics, "registry">): http.Server {
  return http.createServer((req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "NOT_FOUND" }));
      return;
    }
    metrics.registry
      .metrics()
      .then((text) => res.writeHead(200, { "content-type": metrics.registry.contentType }).end(text))
      .catch(() => res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: "INTERNAL_ERROR" })));
  });
}

let procedures: Set<string> | undefined;
let restPaths: Set<string> | undefined;

/**
 * The metrics label of an API path: a tRPC procedure under `trpcBase` as `trpc:<name>`, a
 * known REST path (its template, `/api/v2/my/accounts/{accountId}`, for one with an id)
 * as itself, anything else null (the caller labels it), so a client cannot grow the
 * label set (and the metrics' memory). `extraPaths` are the server's own fixed paths.
 */
export function apiRouteLabel(path: string, trpcBase: string, extraPaths: readonly string[] = []): string | null {
  procedures ??= new Set(Object.keys(appRouter._def.procedures));
  restPaths ??= new Set(Object.keys(buildOpenApiDocument().paths ?? {}));
  if (path.startsWith(trpcBase)) {
    const name = path.slice(trpcBase.length);
    if (procedures.has(name)) return `trpc:${name}`;
    return name.includes(",") ? "trpc:batch" : "trpc:other";
  }
  if (restPaths.has(path) || extraPaths.includes(path)) return path;
  const template = matchPath(path)?.template;
  return template && restPaths.has(template) ? template : null;
}
