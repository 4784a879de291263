import "server-only";
import { appRouter, DomainError, isDomainError, trpcErrorResponse, trpcResponseStatus, trpcTransportRefusal } from "@brokerage/api";
import { env } from "~/env";
import { crossOriginRefusal } from "~/security/same-origin";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { REQUEST_ID_HEADER, resolveRequestId } from "~/security/request-id";
import { readCredential } from "./credential";
import { getLogger } from "./logger";
import { createRequestContext } from "./request-context";

export const TRPC_ENDPOINT = "/api/trpc";

/** Procedure paths of the URL: never the query string, which holds the inputs. */
function pathsOf(request: Request): string {
  const raw = new URL(request.url).pathname.slice(TRPC_ENDPOINT.length + 1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // a malformed escape: log it as sent
  }
}

export async function handleTrpcRequest(request: Request): Promise<Response> {
  const started = performance.now();
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const logger = getLogger().child({ requestId });

  // A mutation over the cookie session from another origin (same-site included) first:
  // a foreign page's multipart POST is FORBIDDEN, not merely of the wrong type.
  const crossOrigin = crossOriginRefusal(request, [env.PORTAL_BASE_URL]);
  const refusal = crossOrigin ? new DomainError("FORBIDDEN", { message: crossOrigin }) : trpcTransportRefusal(request);
  const response = refusal
    ? trpcErrorResponse(refusal)
    : await fetchRequestHandler({
        endpoint: TRPC_ENDPOINT,
        req: request,
        router: appRouter,
        createContext: async () => createRequestContext(headers, await readCredential(headers)),
        responseMeta({ data }) {
          const status = trpcResponseStatus(data);
          return status ? { status } : {};
        },
        onError({ error, path }) {
          // Errors inside procedures were converted (and logged when unexpected) by the
          // router; what reaches here without a domain cause failed before that, e.g. while
          // building the context.
          if (!isDomainError(error.cause) && error.code === "INTERNAL_SERVER_ERROR") {
            logger.error({ path, err: error.cause ?? error }, "tRPC request failed outside a procedure");
          }
        },
      });

  response.headers.set(REQUEST_ID_HEADER, requestId);
  logger.info(
    {
      method: request.method,
      path: pathsOf(request),
      status: response.status,
      durationMs: Math.round(performance.now() - started),
    },
    "trpc request",
  );
  return response;
}
