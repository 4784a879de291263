import type { FieldCodes } from "@brokerage/validators";
import { ERROR_CATALOG, type ErrorCode } from "./codes";

export type FieldErrors = Record<string, string[]>;
export type { FieldCodes };

/**
 * A refusal of the domain: the seed's code, its HTTP status, an English message,
 * optional field errors with their machine codes, and details (e.g. the KYC_REQUIRED payload). Domain functions
 * throw it; the tRPC layer wraps it in a TRPCError whose `cause` is this error.
 */
const DOMAIN_ERROR = Symbol.for("@brokerage/api/DomainError");

export class DomainError extends Error {
  /**
   * `instanceof` by a process-wide marker, not by prototype: Next bundles route handlers
   * and pages apart, each with its own copy of this package, while shared services (the
   * rate limits) throw from one copy into the other.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { [DOMAIN_ERROR]?: unknown })[DOMAIN_ERROR] === true;
  }

  readonly [DOMAIN_ERROR] = true;
  override readonly name = "DomainError";
  readonly httpStatus: number;
  readonly fieldErrors: FieldErrors | undefined;
  /** `{ field: [CODE] }` beside `fieldErrors`: what clients map to their own sentences. */
  readonly fieldCodes: FieldCodes | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    readonly code: ErrorCode,
    options: {
      message?: string;
      fieldErrors?: FieldErrors;
      fieldCodes?: FieldCodes;
      details?: Record<string, unknown>;
    } = {},
  ) {
    super(options.message ?? ERROR_CATALOG[code].message);
    this.httpStatus = ERROR_CATALOG[code].status;
    this.fieldErrors = options.fieldErrors;
    this.fieldCodes = options.fieldCodes ?? (options.fieldErrors ? invalidCodesFor(options.fieldErrors) : undefined);
    this.details = options.details;
  }
}

/** A field error thrown without a code still gets one, so every field in `fieldErrors` has codes. */
function invalidCodesFor(fieldErrors: FieldErrors): FieldCodes {
  return Object.fromEntries(Object.keys(fieldErrors).map((field) => [field, ["INVALID" as const]]));
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** The domain error behind anything a tRPC call threw (`createCaller` callers use this). */
export function getDomainError(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (error instanceof Error && error.cause instanceof DomainError) return error.cause;
  return undefined;
}
