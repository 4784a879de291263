// The portal's front door in production (scripts/start.ts): a plain `node:http` server in
// front of Next's request handler. It is the only layer that sees the socket, so it
//  - settles the client's address from the socket's peer and TRUST_PROXY and hands it
//    on in a header of its own, deleting any such header the client sent (Next fills
//    X-Forwarded-For only when the client sent none, so after Next the peer is lost);
//  - answers, with the API's JSON error body, what Next would turn into 500s or bare
//    framework pages: methods no route serves (TRACE, TRACK, CONNECT, WebDAV ...),
//    request lines Node's parser refuses, and malformed percent-escapes in the path.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { ERROR_CATALOG, type ErrorCode } from "@brokerage/api/error-codes";
import { metricsHooks } from "@brokerage/api/metrics-hooks";
import { CLIENT_ADDRESS_HEADER, EDGE_TOKEN_HEADER, resolveClientAddress, type TrustProxy } from "@brokerage/api/trusted-proxy";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** What any route of the portal serves; everything else is refused before Next. */
export const SERVED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const SERVED = new Set<string>(SERVED_METHODS);

interface Refusal {
  status: number;
  code: ErrorCode;
  message: string;
  headers?: Record<string, string>;
}

function errorBody(refusal: Refusal): string {
  return JSON.stringify({ error: refusal.code, message: refusal.message });
}

const methodNotAllowed = (method: string): Refusal => ({
  status: 405,
  code: "METHOD_NOT_ALLOWED",
  message: `${method.slice(0, 32)} is not served here`,
  headers: { allow: SERVED_METHODS.join(", ") },
});

/** True when every `%` of the path starts a valid escape of UTF-8 bytes. */
export function hasValidPercentEscapes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** Pages (and their server actions) and static files: what a browser sends them. */
export const PAGE_METHODS = ["GET", "HEAD", "POST"] as const;
const PAGE = new Set<string>(PAGE_METHODS);
/**
 * Paths served by route handlers of every method: they judge the method themselves
 * (`/v1` is seed 003's user API, `/api/v2` seed 001's accounts API).
 */
const HANDLER_PATHS = /^\/(api|customer|v1)(\/|$)/;

/** The refusal a request gets before Next sees it, or null when Next should answer. */
export function refusalFor(method: string, url: string): Refusal | null {
  if (!SERVED.has(method)) return methodNotAllowed(method);
  const path = url.split(/[?#]/, 1)[0] ?? "";
  // Next renders a page for PUT or DELETE as for GET, and answers OPTIONS with a bare 400.
  if (!PAGE.has(method) && !HANDLER_PATHS.test(path)) {
    return { ...methodNotAllowed(method), headers: { allow: PAGE_METHODS.join(", ") } };
  }
  if (!path.startsWith("/")) {
    return { status: 400, code: "INVALID_DATA", message: "The request target must be a path" };
  }
  if (!hasValidPercentEscapes(path)) {
    return { status: 400, code: "INVALID_DATA", message: "The request path has a malformed percent-escape" };
  }
  return null;
}

function send(res: ServerResponse, refusal: Refusal): void {
  const body = errorBody(refusal);
  res.writeHead(refusal.status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...refusal.headers,
  });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

/** For sockets Node hands over without a response object (CONNECT, parse errors). */
function sendRaw(socket: Duplex, refusal: Refusal): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = errorBody(refusal);
  const reason = refusal.status === 405 ? "Method Not Allowed" : "Bad Request";
  const extra = Object.entries(refusal.headers ?? {}).map(([name, value]) => `${name}: ${value}\r\n`).join("");
  socket.end(
    `HTTP/1.1 ${refusal.status} ${reason}\r\n` +
      "content-type: application/json; charset=utf-8\r\n" +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      "cache-control: no-store\r\nx-content-type-options: nosniff\r\nconnection: close\r\n" +
      extra +
      "\r\n" +
      body,
  );
}

export interface PortalServerOptions {
  handle: RequestHandler;
  trustProxy: TrustProxy;
  /** The start's random token (PORTAL_EDGE_TOKEN) that vouches for the address header. */
  edgeToken: string;
  /** Where a failure of the handler itself is reported (Next logs its own). */
  onError?: (error: unknown) => void;
}

export function createPortalServer({ handle, trustProxy, edgeToken, onError }: PortalServerOptions): Server {
  const server = createServer((req, res) => {
    // Each answered request goes to the metrics of Next's process (src/server/metrics.ts),
    // when METRICS_PORT installed them; the raw path is labelled there, never kept.
    const started = performance.now();
    res.on("finish", () => {
      metricsHooks()?.observe((req.url ?? "/").split("?", 1)[0] ?? "/", req.method ?? "GET", res.statusCode, (performance.now() - started) / 1000);
    });
    // Deleted before anything else: only this server writes them.
    delete req.headers[CLIENT_ADDRESS_HEADER];
    delete req.headers[EDGE_TOKEN_HEADER];
    const refusal = refusalFor(req.method ?? "", req.url ?? "");
    if (refusal) {
      req.resume();
      send(res, refusal);
      return;
    }
    const address = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustProxy);
    if (address) {
      req.headers[CLIENT_ADDRESS_HEADER] = address;
      req.headers[EDGE_TOKEN_HEADER] = edgeToken;
    }
    Promise.resolve(handle(req, res)).catch((error: unknown) => {
      onError?.(error);
      if (!res.headersSent) {
        send(res, { status: 500, code: "INTERNAL_ERROR", message: ERROR_CATALOG.INTERNAL_ERROR.message });
      } else {
        res.destroy();
      }
    });
  });

  // CONNECT never reaches the request listener: without this Node just drops the socket.
  server.on("connect", (req: IncomingMessage, socket: Duplex) => sendRaw(socket, methodNotAllowed(req.method ?? "CONNECT")));

  // Request lines and headers Node's parser refuses: an unknown method (TRACK) is 405,
  // anything else 400, as JSON instead of Node's bare "400 Bad Request".
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    if (error.code === "HPE_INVALID_METHOD") {
      sendRaw(socket, methodNotAllowed("This method"));
    } else if (error.code === "HPE_HEADER_OVERFLOW") {
      sendRaw(socket, { status: 431, code: "INVALID_DATA", message: "The request headers are too large" });
    } else {
      sendRaw(socket, { status: 400, code: "INVALID_DATA", message: "The request is malformed" });
    }
  });
  return server;
}
