import "server-only";
import { createContextInner, type Credential } from "@brokerage/api";
import { env } from "~/env";
import { REQUEST_ID_HEADER, resolveRequestId } from "~/security/request-id";
import { clientAddress } from "./client-address";
import { getApiDeps } from "./deps";
import { getLogger } from "./logger";

/**
 * The router's context for one request, built from its headers. The request id is the
 * one proxy.ts settled on (re-checked here, for requests the proxy did not see), so logs,
 * the response header and INTERNAL_ERROR's correlation id all agree.
 */
export function createRequestContext(headers: Headers, credential: Credential | null) {
  const requestId = resolveRequestId(headers.get(REQUEST_ID_HEADER));
  const deps = getApiDeps();
  return createContextInner({
    deps: { ...deps, logger: getLogger().child({ requestId }) },
    credential,
    request: {
      requestId,
      ip: clientAddress(headers, { development: env.isDevelopment, edgeToken: env.PORTAL_EDGE_TOKEN }),
      userAgent: headers.get("user-agent"),
    },
  });
}
