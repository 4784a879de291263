import { ERROR_CATALOG, type ErrorCode } from "./codes";

export type FieldErrors = Record<string, string[]>;

/**
 * A refusal of the domain: the seed's code, its HTTP status, an English message,
 * optional field errors and details (e.g. the KYC_REQUIRED payload). Domain functions
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
  readonly details: Record<string, unknown> | undefined;

  constructor(
    readonly code: ErrorCode,
    options: { message?: string; fieldErrors?: FieldErrors; details?: Record<string, unknown> } = {},
  ) {
    super(options.message ?? ERROR_CATALOG[code].message);
    this.httpStatus = ERROR_CATALOG[code].status;
    this.fieldErrors = options.fieldErrors;
    this.details = options.details;
  }
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
