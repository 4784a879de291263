import { TRPCError } from "@trpc/server";
import { fieldCodesOf } from "@brokerage/validators";
import { z } from "zod";
import { DomainError } from "./domain-error";

type TRPCCode = TRPCError["code"];

const TRPC_CODE_BY_STATUS: Record<number, TRPCCode> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_SUPPORTED",
  409: "CONFLICT",
  // tRPC has no 410; the HTTP handler sets the real status from `data.httpStatus`.
  410: "NOT_FOUND",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "TOO_MANY_REQUESTS",
  500: "INTERNAL_SERVER_ERROR",
};

export function trpcCodeFor(status: number): TRPCCode {
  return TRPC_CODE_BY_STATUS[status] ?? "INTERNAL_SERVER_ERROR";
}

export function domainToTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: trpcCodeFor(error.httpStatus), message: error.message, cause: error });
}

/**
 * Turns whatever a procedure threw into a TRPCError carrying a DomainError as `cause`:
 * schema failures become INVALID_DATA with field errors, unknown faults INTERNAL_ERROR
 * with the request's correlation id and nothing of their internals.
 */
export function toDomainError(error: TRPCError, requestId: string, input?: unknown): DomainError {
  const cause = error.cause;
  if (cause instanceof DomainError) return cause;
  if (cause instanceof z.ZodError) {
    const flat = z.flattenError(cause);
    const fieldErrors: Record<string, string[]> = { ...flat.fieldErrors } as Record<string, string[]>;
    if (flat.formErrors.length > 0) fieldErrors._form = flat.formErrors;
    // The codes are keyed like the messages: by the first path segment, `_form` for the input.
    return new DomainError("INVALID_DATA", { fieldErrors, fieldCodes: fieldCodesOf(cause, { input }) });
  }
  switch (error.code) {
    case "PARSE_ERROR":
    case "BAD_REQUEST":
      return new DomainError("INVALID_DATA");
    case "NOT_FOUND":
      return new DomainError("NOT_FOUND");
    // Raised by tRPC's HTTP layer itself: a query sent with POST, a mutation with GET, a
    // body that is not JSON. Refusals of the caller, not faults.
    case "METHOD_NOT_SUPPORTED":
      return new DomainError("METHOD_NOT_ALLOWED", { message: error.message || undefined });
    case "UNSUPPORTED_MEDIA_TYPE":
      return new DomainError("UNSUPPORTED_MEDIA_TYPE");
    case "PAYLOAD_TOO_LARGE":
      return new DomainError("INVALID_DATA", { message: "Request body is too large" });
    default:
      return new DomainError("INTERNAL_ERROR", {
        message: `An unexpected error occurred (reference ${requestId})`,
        details: { correlationId: requestId },
      });
  }
}
