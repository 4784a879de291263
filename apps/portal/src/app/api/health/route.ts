import { checkHealth, type HealthReport } from "@brokerage/api";
import { getDb } from "@brokerage/db/client";
import { getLogger } from "~/server/logger";
import { getApiDeps, getSimulator } from "~/server/deps";
import { methodNotAllowed } from "~/server/method-not-allowed";

export const dynamic = "force-dynamic";

const down = { ok: false, latencyMs: 0, error: "NotConfigured" } as const;

/**
 * For load balancers and people: 200 when the database, the trading core and the throttle
 * store answer, else 503; `warnings` says when instances count throttles in different stores.
 */
export async function GET() {
  let report: HealthReport;
  try {
    report = await checkHealth({ db: getDb(), core: getSimulator().core, rateLimits: getApiDeps().rateLimits });
  } catch (error) {
    // Only reachable when the clients cannot even be built (no DATABASE_URL).
    getLogger().error({ err: error instanceof Error ? error.name : "Error" }, "health check could not run");
    report = { status: "degraded", database: down, core: down, warnings: [] };
  }
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}

export const POST = methodNotAllowed("GET", "HEAD");
export { POST as PUT, POST as PATCH, POST as DELETE };
