// Prometheus metrics of this portal process, on METRICS_PORT (unset: none), with the same
// code and names as the API server's (`@brokerage/api/metrics`, label service="portal").
// The registry lives here, in Next's process; scripts/start.ts reports each answered
// request and the background jobs their outcomes through `metricsHooks()`.
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { apiRouteLabel, createMetricsServer, createServiceMetrics, installServiceMetrics } from "@brokerage/api/metrics";
import { getDb } from "@brokerage/db/client";
import { env } from "~/env";
import { getLogger } from "./logger";
import { onShutdown } from "./shutdown";

const STARTED = Symbol.for("brokerage.portal.metrics");
const registry = globalThis as typeof globalThis & { [STARTED]?: true };

const OWN_PATHS = ["/api/openapi.json", "/api/health", "/api/health/live", "/api/health/ready"];

interface ManifestRoute {
  page: string;
  regex: string;
}

/** The build's page routes (`.next/routes-manifest.json`): templates such as `/accounts/[id]`. */
function pageRoutes(dir: string): { page: string; pattern: RegExp }[] {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, ".next", "routes-manifest.json"), "utf8")) as {
      staticRoutes?: ManifestRoute[];
      dynamicRoutes?: ManifestRoute[];
    };
    return [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map((route) => ({
      page: route.page,
      pattern: new RegExp(route.regex),
    }));
  } catch {
    return [];
  }
}

/**
 * A request path's label: a tRPC procedure (`trpc:accounts.open`) or REST template as the
 * API server labels them, a page by its route template, Next's assets as `static`,
 * anything else `other` (a closed set: clients cannot grow it).
 */
export function createPortalRouteLabel(routes: { page: string; pattern: RegExp }[]): (path: string) => string {
  return (requestPath) => {
    const api = apiRouteLabel(requestPath, "/api/trpc/", OWN_PATHS);
    if (api) return api;
    if (requestPath.startsWith("/_next/")) return "static";
    if (requestPath.startsWith("/api/auth/")) return "/api/auth";
    return routes.find((route) => route.pattern.test(requestPath))?.page ?? "other";
  };
}

export function startMetrics(): void {
  if (registry[STARTED] || !env.METRICS_PORT || !env.DATABASE_URL) return;
  registry[STARTED] = true;
  const logger = getLogger().child({ component: "metrics" });
  const metrics = createServiceMetrics({
    service: "portal",
    db: getDb(),
    routeLabel: createPortalRouteLabel(pageRoutes(process.cwd())),
  });
  installServiceMetrics(metrics);
  const server = createMetricsServer(metrics);
  server.on("error", (error) => logger.error({ err: error }, "metrics server failed"));
  server.listen(env.METRICS_PORT, env.METRICS_HOST, () => logger.info({ port: env.METRICS_PORT, host: env.METRICS_HOST }, "metrics listening"));
  server.unref();
  onShutdown("metrics listener", () => new Promise<void>((resolve) => server.close(() => resolve())));
}
