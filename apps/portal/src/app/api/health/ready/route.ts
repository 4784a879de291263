import { checkHealth, type HealthReport } from "@brokerage/api";
import { getDb } from "@brokerage/db/client";
import { getApiDeps, getSimulator } from "~/server/deps";
import { methodNotAllowed } from "~/server/method-not-allowed";

export const dynamic = "force-dynamic";

/**
 * Readiness, for a load balancer: 200 while the database and the throttle store answer
 * (the trading core may be down: the portal still serves what needs no core), else 503.
 */
export async function GET() {
  let report: HealthReport | undefined;
  try {
    report = await checkHealth({ db: getDb(), core: getSimulator().core, rateLimits: getApiDeps().rateLimits });
  } catch {
    report = undefined;
  }
  const ready = report !== undefined && report.database.ok && (report.throttles?.ok ?? true);
  return Response.json(report ?? { status: "degraded" }, { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

export const POST = methodNotAllowed("GET", "HEAD");
export { POST as PUT, POST as PATCH, POST as DELETE };
