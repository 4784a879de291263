// Serves a Fetch handler from `node:http`: `http.createServer(toNodeHandler(api))`.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { resolveRequestId, type CustomerHttpApi } from "./handler";
import { parseAcceptLanguage, pickSupportedLocale } from "@brokerage/validators";
import { errorMessageIn } from "../errors";
import { JSON_CONTENT_TYPE } from "./errors";

function requestUrl(req: IncomingMessage): string {
  const path = req.url?.startsWith("/") ? req.url : "/";
  try {
    return new URL(path, `http://${req.headers.host ?? "localhost"}`).href;
  } catch {
    // A Host header that is not a host: the path still routes.
    return new URL(path, "http://localhost").href;
  }
}

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(requestUrl(req), {
    method,
    headers,
    // The handler reads the stream itself, up to its limit, and never more.
    ...(hasBody ? { body: Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as RequestInit);
}

/** A refusal written before any Fetch `Request` exists (the Fetch API refuses to build one). */
function refuseRaw(req: IncomingMessage, res: ServerResponse, status: number, body: { error: string; message: string }, headers: Record<string, string> = {}) {
  req.resume();
  const acceptLanguage = req.headers["accept-language"];
  const locale = pickSupportedLocale(parseAcceptLanguage(Array.isArray(acceptLanguage) ? acceptLanguage.join(",") : acceptLanguage));
  body = { ...body, message: errorMessageIn(body.error, locale, body.message) };
  headers = { "content-language": locale, vary: "Accept-Language", ...headers };
  res.writeHead(status, {
    "content-type": JSON_CONTENT_TYPE,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "x-request-id": resolveRequestId(null),
    connection: "close",
    ...headers,
  });
  res.end(req.method === "HEAD" ? undefined : JSON.stringify(body));
}

/** A `node:http` request listener for the handler (the connection's address included). */
export function toNodeHandler(handler: CustomerHttpApi) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let request: Request;
    try {
      request = toRequest(req);
    } catch {
      // TRACE, TRACK and CONNECT are "forbidden methods" of the Fetch standard: no
      // endpoint serves them. Anything else Fetch will not represent is malformed.
      if (/^(TRACE|TRACK|CONNECT)$/i.test(req.method ?? "")) {
        refuseRaw(req, res, 405, { error: "METHOD_NOT_ALLOWED", message: `${req.method} is not allowed here` });
      } else {
        refuseRaw(req, res, 400, { error: "INVALID_DATA", message: "The request is malformed" });
      }
      return;
    }
    try {
      const response = await handler(request, { remoteAddress: req.socket.remoteAddress ?? null });
      const body = Buffer.from(await response.arrayBuffer());
      res.statusCode = response.status;
      response.headers.forEach((value, name) => res.setHeader(name, value));
      // A body the handler did not read (refused, too large) is not drained: the
      // connection closes after the answer.
      if (!req.complete) res.setHeader("connection", "close");
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": JSON_CONTENT_TYPE, connection: "close" });
        res.end(JSON.stringify({ error: "INTERNAL_ERROR", message: "An unexpected error occurred" }));
      } else {
        res.destroy();
      }
    }
  };
}
