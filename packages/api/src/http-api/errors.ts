// Every answer of the facade is JSON: the seeds' error body `{"error", "message"}` plus
// the domain error's details at top level (KYC_REQUIRED's payload, ADD_BALANCE_ERROR's
// login and password, `retry_after_seconds`, `correlation_id`) and, additive, the
// offending fields in `field_errors`, with their machine codes in `field_codes`.
import { DomainError, type FieldCodes, type FieldErrors } from "../errors";
import { detailsToSnake, fieldErrorsToSnake } from "./mapping";
import { messageOf, statusOf, type HttpErrorCode } from "./schemas";
import type { FieldNames } from "./mapping";

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** A refusal decided by the HTTP layer itself (path, method, body framing, origin). */
export class HttpError extends Error {
  override readonly name = "HttpError";
  readonly status: number;

  constructor(
    readonly code: HttpErrorCode,
    options: {
      message?: string;
      status?: number;
      fieldErrors?: FieldErrors;
      fieldCodes?: FieldCodes;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(options.message ?? messageOf(code));
    this.status = options.status ?? statusOf(code);
    this.fieldErrors = options.fieldErrors;
    this.fieldCodes = options.fieldCodes;
    this.headers = options.headers ?? {};
  }

  readonly fieldErrors: FieldErrors | undefined;
  readonly fieldCodes: FieldCodes | undefined;
  readonly headers: Record<string, string>;
}

const RESERVED = new Set(["error", "message", "field_errors", "field_codes"]);

export interface ErrorAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

/** A domain error of a procedure (or of the session check), as the seeds answer it. */
export function domainErrorAnswer(error: DomainError, body: FieldNames | undefined): ErrorAnswer {
  const details = detailsToSnake(error.details);
  const out: Record<string, unknown> = Object.fromEntries([
    ["error", error.code],
    ["message", error.message],
    ...Object.entries(details).filter(([key]) => !RESERVED.has(key)),
  ]);
  if (error.fieldErrors && Object.keys(error.fieldErrors).length > 0) {
    out.field_errors = fieldErrorsToSnake(error.fieldErrors, body);
    if (error.fieldCodes) out.field_codes = fieldErrorsToSnake(error.fieldCodes, body);
  }
  const headers: Record<string, string> = {};
  if (error.httpStatus === 401) headers["www-authenticate"] = 'Bearer realm="customer"';
  if (typeof details.retry_after_seconds === "number") headers["retry-after"] = String(details.retry_after_seconds);
  return { status: error.httpStatus, body: out, headers };
}

export function httpErrorAnswer(error: HttpError): ErrorAnswer {
  const body: Record<string, unknown> = { error: error.code, message: error.message };
  if (error.fieldErrors) body.field_errors = error.fieldErrors;
  if (error.fieldCodes) body.field_codes = error.fieldCodes;
  return { status: error.status, body, headers: error.headers };
}

/** An unexpected fault: nothing of it reaches the client but a correlation id. */
export function internalErrorAnswer(requestId: string): ErrorAnswer {
  return domainErrorAnswer(
    new DomainError("INTERNAL_ERROR", {
      message: `An unexpected error occurred (reference ${requestId})`,
      details: { correlationId: requestId },
    }),
    undefined,
  );
}
