import { createCustomerHttpApi, type CustomerHttpApi } from "@brokerage/api";
import { env } from "~/env";
import { clientAddress } from "~/server/client-address";
import { getApiDeps } from "~/server/deps";

let api: CustomerHttpApi | undefined;

/**
 * The customer HTTP API (seeds 000/002 under /customer, seed 001 under /api/v2, seed 003
 * under /v1), one handler for the three route files, created on first use (no database
 * at build time).
 */
export function handleCustomerApi(request: Request): Promise<Response> {
  api ??= createCustomerHttpApi({
    deps: getApiDeps(),
    allowedOrigins: env.CORS_ALLOWED_ORIGINS,
    clientAddress: (r) => clientAddress(r.headers, { development: env.isDevelopment, edgeToken: env.PORTAL_EDGE_TOKEN }),
  });
  return api(request);
}
