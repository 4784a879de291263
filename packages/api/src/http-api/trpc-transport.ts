// What the tRPC HTTP endpoint refuses before tRPC reads the request, answered in the
// router's own error shape (`{"error": {message, code, data: {appCode, httpStatus, ...}}}`)
// with the domain status. tRPC itself accepts multipart/form-data and octet-stream bodies
// for any mutation (a browser form can send those cross-site without a preflight) and
// lets Next answer other methods with an empty 405: neither is part of our API.
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { DomainError, domainToTRPCError } from "../errors";
import { appRouter } from "../root";

/** The methods the endpoint serves: queries by GET (and HEAD), mutations by POST. */
export const TRPC_METHODS = ["GET", "HEAD", "POST"] as const;

function isJson(contentType: string | null): boolean {
  return contentType?.split(";", 1)[0]?.trim().toLowerCase() === "application/json";
}

/** What the checks read of a request: a Fetch `Request`, or a node request's equivalent. */
export interface TransportRequest {
  method: string;
  /** Absolute, or a path from the root. */
  url: string;
  headers: { get(name: string): string | null };
}

/** The refusal of a request the endpoint must not pass to tRPC, or null. */
export function trpcTransportRefusal(request: TransportRequest): DomainError | null {
  if (!(TRPC_METHODS as readonly string[]).includes(request.method)) {
    return new DomainError("METHOD_NOT_ALLOWED", {
      message: `${request.method.slice(0, 32)} is not allowed here; use GET for queries and POST for mutations`,
    });
  }
  try {
    decodeURIComponent(new URL(request.url, "http://localhost").pathname);
  } catch {
    return new DomainError("INVALID_DATA", { message: "The request path has a malformed percent-escape" });
  }
  if (request.method === "POST" && !isJson(request.headers.get("content-type"))) {
    return new DomainError("UNSUPPORTED_MEDIA_TYPE");
  }
  return null;
}

/** A refusal as tRPC would have answered it, through the router's error formatter. */
export function trpcErrorResponse(error: DomainError, headers: Record<string, string> = {}): Response {
  const shape = getErrorShape({
    config: appRouter._def._config,
    error: domainToTRPCError(error),
    type: "unknown",
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
  const extra: Record<string, string> = { ...headers };
  if (error.code === "METHOD_NOT_ALLOWED") extra.allow = TRPC_METHODS.join(", ");
  return Response.json({ error: shape }, { status: error.httpStatus, headers: { "cache-control": "no-store", ...extra } });
}
