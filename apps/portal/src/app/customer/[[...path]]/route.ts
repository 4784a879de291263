import { createCustomerHttpApi, type CustomerHttpApi } from "@brokerage/api";
import { env } from "~/env";
import { clientAddress } from "~/server/client-address";
import { getApiDeps } from "~/server/deps";

// Every call reads the database: never cached, never prerendered.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

let api: CustomerHttpApi | undefined;

/** The customer HTTP API of seeds 000/002, created on first use (no database at build time). */
function handle(request: Request): Promise<Response> {
  api ??= createCustomerHttpApi({
    deps: getApiDeps(),
    allowedOrigins: env.CORS_ALLOWED_ORIGINS,
    clientAddress: (r) => clientAddress(r.headers, { development: env.isDevelopment, edgeToken: env.PORTAL_EDGE_TOKEN }),
  });
  return api(request);
}

// Every method, so wrong ones get the API's JSON 405 and preflights its CORS answer.
export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as HEAD, handle as OPTIONS };
