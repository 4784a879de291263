import { methodNotAllowed } from "~/server/method-not-allowed";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. Nothing else is checked (a database outage must not restart it). */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}

export const POST = methodNotAllowed("GET", "HEAD");
export { POST as PUT, POST as PATCH, POST as DELETE };
