// This portal process as one instance among several: its throttle store connected and
// checked at start-up, and a heartbeat (with the store it counts in) for the health report.
import "server-only";
import { startInstanceHeartbeat } from "@brokerage/api";
import { getDb } from "@brokerage/db/client";
import { env } from "~/env";
import { getApiDeps } from "./deps";
import { getLogger } from "./logger";
import { onShutdown } from "./shutdown";

const STARTED = Symbol.for("brokerage.portal.instance");
const registry = globalThis as typeof globalThis & { [STARTED]?: true };

export async function startInstance(): Promise<void> {
  if (registry[STARTED] || !env.DATABASE_URL) return;
  registry[STARTED] = true;
  const logger = getLogger().child({ component: "instance" });
  const { rateLimits } = getApiDeps();
  try {
    await rateLimits.ready();
  } catch (error) {
    console.error(`[portal] cannot start: the throttle store (${rateLimits.store}) does not answer: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  logger.info({ throttleStore: rateLimits.store }, "throttle store ready");
  const heartbeat = startInstanceHeartbeat(getDb(), { kind: "portal", throttleStore: rateLimits.store }, {
    onError: (error) => logger.warn({ err: error }, "instance heartbeat failed"),
  });
  onShutdown("instance heartbeat", () => heartbeat.stop());
}
