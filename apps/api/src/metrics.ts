// Prometheus metrics of the API server (prom-client), served on a port of their own
// (METRICS_PORT) so they are never exposed with the API: request durations by route and
// tRPC procedure, throttle refusals and server faults, and the outbox's lag read from the
// database at each scrape.
import http from "node:http";
import type { Database } from "@brokerage/db";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export interface ApiMetrics {
  registry: Registry;
  /** Records one answered request. `route` is a template (`/customer/session/accounts`, `trpc:session.accounts`), never a raw URL. */
  observe(route: string, method: string, status: number, seconds: number): void;
}

export function createApiMetrics(db: Database): ApiMetrics {
  const registry = new Registry();
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
  new Gauge({
    name: "outbox_oldest_pending_seconds",
    help: "Age of the oldest e-mail or SMS waiting in the outbox (0 when none waits)",
    registers: [registry],
    async collect() {
      const [row] = await db.$queryRaw<{ age: number | null }[]>`
        SELECT EXTRACT(EPOCH FROM now() - min("createdAt"))::float8 AS age FROM "Message" WHERE status = 'PENDING'`;
      this.set(row?.age ?? 0);
    },
  });
  return {
    registry,
    observe(route, method, status, seconds) {
      duration.observe({ route, method, status: String(status) }, seconds);
      if (status === 429) throttled.inc({ route });
      if (status >= 500) faults.inc({ route });
    },
  };
}

/** GET /metrics on its own listener; anything else is 404. */
export function createMetricsServer(metrics: ApiMetrics): http.Server {
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
