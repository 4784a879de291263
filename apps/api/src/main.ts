// Starts the API server: its configuration first (a bad one stops it at once, saying
// why), then the shared stores, then the listener. SIGTERM/SIGINT stop it gracefully:
// no new connections, requests in flight finish (up to SHUTDOWN_GRACE_MS), then the
// pools close.
import {
  createLogger,
  instrumentCore,
  createPostgresRateLimits,
  createRedisRateLimits,
  startInstanceHeartbeat,
  validateServerEnv,
} from "@brokerage/api";
import { createMetricsServer, createServiceMetrics, installServiceMetrics } from "@brokerage/api/metrics";
import { createSimulatorCore } from "@brokerage/core-adapter/simulator";
import { createPrismaClient } from "@brokerage/db";
import { createPaymentSimulator } from "@brokerage/payments/simulator";
import { readEnv } from "./env";
import { createApiServer, routeLabel } from "./server";

const logger = createLogger({ name: "api-server" });

let env: ReturnType<typeof readEnv>;
try {
  env = readEnv();
  validateServerEnv();
} catch (error) {
  console.error(`[api-server] cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const db = createPrismaClient(env.DATABASE_URL, { max: env.DATABASE_POOL_SIZE });
const simulator = createSimulatorCore({ connectionString: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE });
const portalUrl = env.PORTAL_BASE_URL;
const payments = env.PAYMENT_WEBHOOK_SECRET
  ? createPaymentSimulator({
      connectionString: env.DATABASE_URL,
      publicBaseUrl: portalUrl,
      webhook: { secret: env.PAYMENT_WEBHOOK_SECRET, url: `${portalUrl}/api/payments/webhook` },
      poolSize: 3,
    })
  : undefined;
const rateLimits = env.REDIS_URL ? createRedisRateLimits(env.REDIS_URL, { keyPrefix: env.REDIS_KEY_PREFIX }) : createPostgresRateLimits(env.DATABASE_URL);
// The shared stores are connected and checked before the first request is taken.
try {
  await Promise.all([db.$queryRaw`SELECT 1`, rateLimits.ready()]);
} catch (error) {
  console.error(`[api-server] cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
logger.info({ throttleStore: rateLimits.store }, "throttle store ready");
const heartbeat = startInstanceHeartbeat(db, { kind: "api-server", throttleStore: rateLimits.store }, {
  onError: (error) => logger.warn({ err: error }, "instance heartbeat failed"),
});

const metrics = env.METRICS_PORT ? createServiceMetrics({ service: "api-server", db, routeLabel }) : undefined;
if (metrics) installServiceMetrics(metrics);
const metricsServer = metrics ? createMetricsServer(metrics) : undefined;
if (metricsServer && env.METRICS_PORT) {
  metricsServer.listen(env.METRICS_PORT, env.METRICS_HOST, () => logger.info({ port: env.METRICS_PORT }, "metrics listening"));
}

const server = createApiServer({
  metrics,
  deps: { db, core: instrumentCore(simulator.core), rateLimits, logger, ...(payments ? { payments } : {}) },
  allowedOrigins: env.CORS_ALLOWED_ORIGINS,
  trustProxy: env.TRUST_PROXY,
});

server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  logger.info({ port, host: env.HOST }, "api server listening");
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "api server stopping");
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const grace = setTimeout(() => server.closeAllConnections(), env.SHUTDOWN_GRACE_MS);
  grace.unref();
  await closed;
  metricsServer?.close();
  await heartbeat.stop();
  await Promise.allSettled([db.$disconnect(), simulator.close(), rateLimits.close(), payments?.close()]);
  logger.info("api server stopped");
  process.exit(0);
}
process.once("SIGTERM", () => void stop("SIGTERM"));
process.once("SIGINT", () => void stop("SIGINT"));
