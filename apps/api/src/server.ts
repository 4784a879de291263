// The API server: the router over a plain `node:http` server, for trading terminals and
// mobile apps. tRPC at /trpc/<procedure>, the customer REST API at /customer/... (and
// seed 001's /api/v2/..., seed 003's /v1/...), the
// OpenAPI document at /openapi.json, health at /health (and /health/live, /health/ready).
// No cookies here: callers present bearer tokens; staff use the portal.
import http from "node:http";
import {
  appRouter,
  bearerCredential,
  checkHealth,
  createContextInner,
  createCustomerHttpApi,
  isCustomerApiPath,
  isDomainError,
  REQUEST_ID_HEADER,
  resolveRequestId,
  toNodeHandler,
  trpcErrorResponse,
  trpcResponseStatus,
  trpcTransportRefusal,
  type ApiDeps,
  type Logger,
} from "@brokerage/api";
import { resolveClientAddress, type TrustProxy } from "@brokerage/api/trusted-proxy";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { apiRouteLabel, type ServiceMetrics } from "@brokerage/api/metrics";

export interface ApiServerOptions {
  deps: ApiDeps & { logger: Logger };
  /** Origins whose browsers may call the customer REST API (CORS); none by default. */
  allowedOrigins?: readonly string[];
  /** Which proxies' X-Forwarded-For entries are believed (TRUST_PROXY); none by default. */
  trustProxy?: TrustProxy;
  /** Where each answered request is recorded (Prometheus); none by default. */
  metrics?: Pick<ServiceMetrics, "observe">;
}

const JSON_TYPE = "application/json; charset=utf-8";
const TRPC_BASE = "/trpc/";

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": JSON_TYPE, "cache-control": "no-store", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

function pathOf(req: http.IncomingMessage): string {
  const url = req.url ?? "/";
  const end = url.indexOf("?");
  return end === -1 ? url : url.slice(0, end);
}

export function createApiRequestListener(options: ApiServerOptions): http.RequestListener {
  const { deps } = options;
  const logger = deps.logger;
  const trust = options.trustProxy ?? { kind: "none" };
  const clientAddress = (req: http.IncomingMessage) =>
    resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trust);

  const rest = toNodeHandler(
    createCustomerHttpApi({
      deps,
      allowedOrigins: options.allowedOrigins ?? [],
      // The facade sees a Fetch Request: the address is put on it by the listener below.
      clientAddress: (request) => request.headers.get(CLIENT_ADDRESS_HEADER),
    }),
  );

  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: TRPC_BASE,
    createContext: ({ req }) =>
      createContextInner({
        deps,
        credential: bearerCredential(req.headers.authorization ?? null),
        request: {
          requestId: String(req.headers[REQUEST_ID_HEADER]),
          ip: clientAddress(req),
          userAgent: req.headers["user-agent"] ?? null,
        },
      }),
    responseMeta: ({ data }) => {
      const status = trpcResponseStatus(data);
      return status ? { status } : {};
    },
    onError: ({ error, path }) => {
      if (!isDomainError(error.cause) && error.code === "INTERNAL_SERVER_ERROR") {
        logger.error({ path, err: error.cause ?? error }, "tRPC request failed outside a procedure");
      }
    },
  });

  async function health(res: http.ServerResponse, path: string): Promise<void> {
    if (path === "/health/live") return sendJson(res, 200, { status: "ok" });
    const report = await checkHealth(deps);
    // Readiness needs the database; the full report also needs the core.
    const ready = path === "/health/ready" ? report.database.ok : report.status === "ok";
    sendJson(res, ready ? 200 : 503, report);
  }

  return (req, res) => {
    const started = performance.now();
    const requestId = resolveRequestId(typeof req.headers[REQUEST_ID_HEADER] === "string" ? req.headers[REQUEST_ID_HEADER] : null);
    // What the handlers below read: the settled request id, and the client's address
    // as this server determined it (a client-sent value of the header is replaced).
    req.headers[REQUEST_ID_HEADER] = requestId;
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req) ?? "";
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const path = pathOf(req);
    // The customer REST API logs its own requests (with the endpoint's name).
    const isRest = isCustomerApiPath(path) || path === "/openapi.json";
    res.on("finish", () => {
      const seconds = (performance.now() - started) / 1000;
      options.metrics?.observe(path, req.method ?? "GET", res.statusCode, seconds);
      if (isRest) return;
      logger.info({ requestId, method: req.method, path, status: res.statusCode, durationMs: Math.round(seconds * 1000) }, "api request");
    });

    const route = (): Promise<void> | void => {
      if (path === "/health" || path === "/health/live" || path === "/health/ready") {
        if (req.method !== "GET" && req.method !== "HEAD") return methodNotAllowed(res, "GET, HEAD");
        return health(res, path);
      }
      if (path === "/openapi.json") req.url = "/api/openapi.json";
      if (path.startsWith(TRPC_BASE)) {
        // What tRPC would answer with a 500 or accept although it is not our API (other
        // methods, non-JSON bodies, malformed escapes): refused first, as the portal does.
        const refusal = trpcTransportRefusal({
          method: req.method ?? "GET",
          url: req.url ?? "/",
          headers: { get: (name) => headerOf(req, name) },
        });
        if (refusal) return sendResponse(res, trpcErrorResponse(refusal));
        return trpc(req, res);
      }
      if (isRest) return rest(req, res);
      return sendJson(res, 404, { error: "NOT_FOUND", message: `No endpoint at ${path}` });
    };
    Promise.resolve()
      .then(route)
      .catch((error: unknown) => {
        logger.error({ err: error, requestId, path }, "request failed");
        if (!res.headersSent) {
          sendJson(res, 500, { error: "INTERNAL_ERROR", message: `An unexpected error occurred (reference ${requestId})` });
        } else {
          res.destroy();
        }
      });
  };
}

const OWN_PATHS = ["/openapi.json", "/health", "/health/live", "/health/ready"];

/**
 * The metrics label of a path: a known REST path (its template, `/api/v2/my/accounts/{accountId}`,
 * for one with an id) or tRPC procedure as itself, anything else as "other", so a client
 * cannot grow the label set (and the metrics' memory).
 */
export function routeLabel(path: string): string {
  return apiRouteLabel(path, TRPC_BASE, OWN_PATHS) ?? "other";
}

function headerOf(req: http.IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

async function sendResponse(res: http.ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.setHeader("content-length", body.length);
  res.end(body);
}

/** A header of this server's own, set on every request before any handler reads it. */
const CLIENT_ADDRESS_HEADER = "x-brokerage-client-address";

function methodNotAllowed(res: http.ServerResponse, allow: string): void {
  sendJson(res, 405, { error: "METHOD_NOT_ALLOWED", message: "This HTTP method is not allowed here" }, { allow });
}

export function createApiServer(options: ApiServerOptions): http.Server {
  const server = http.createServer(createApiRequestListener(options));
  // Slightly longer than common load balancers' idle timeouts, so they close first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}
