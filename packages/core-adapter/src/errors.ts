// The only errors a TradingCore may throw. The API layer maps `kind` (and a rejection's
// `reason`) to the product's error codes; nothing here knows those codes.

export type CoreErrorKind = "unavailable" | "not_found" | "insufficient_funds" | "rejected";

const CORE_ERROR = Symbol.for("@brokerage/core-adapter/CoreError");

/** The kind each concrete class stands for, so `instanceof` can compare kinds. */
const KIND_OF_CLASS = new WeakMap<object, CoreErrorKind>();

export abstract class CoreError extends Error {
  abstract readonly kind: CoreErrorKind;

  /**
   * `instanceof` by a process-wide marker, not by prototype: a bundler may load this
   * package twice (Next bundles route handlers and pages apart) while one simulator
   * instance serves both, and an error from one copy must still be recognised.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== "object" || value === null) return false;
    const kind = (value as { [CORE_ERROR]?: unknown })[CORE_ERROR];
    if (typeof kind !== "string") return false;
    const expected = KIND_OF_CLASS.get(this);
    return expected === undefined || expected === kind;
  }

  get [CORE_ERROR](): CoreErrorKind {
    return this.kind;
  }
}

/**
 * The core did not answer, or its answer was lost: the request may or may not have been
 * applied. Retrying with the same idempotency key is safe and tells which.
 */
export type CoreUnavailableReason = "unavailable" | "timeout" | "unreachable" | "reply_lost";

export class CoreUnavailableError extends CoreError {
  readonly kind = "unavailable" as const;
  override readonly name = "CoreUnavailableError";

  constructor(
    readonly reason: CoreUnavailableReason = "unavailable",
    message = `Trading core not available (${reason})`,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class CoreNotFoundError extends CoreError {
  readonly kind = "not_found" as const;
  override readonly name = "CoreNotFoundError";

  constructor(readonly login: number) {
    super(`Trading account ${login} does not exist`);
  }
}

export class InsufficientFundsError extends CoreError {
  readonly kind = "insufficient_funds" as const;
  override readonly name = "InsufficientFundsError";

  constructor(
    readonly login: number,
    readonly balance: string,
    readonly requested: string,
  ) {
    super(`Trading account ${login} holds ${balance}, less than ${requested}`);
  }
}

export type CoreRejectReason =
  | "idempotency_conflict"
  | "currency_mismatch"
  | "account_archived"
  | "account_disabled"
  | "balance_not_zero"
  | "invalid_amount"
  | "invalid_request"
  | "same_account";

/** The core understood the request and refused it; retrying the same request is futile. */
export class CoreRejectedError extends CoreError {
  readonly kind = "rejected" as const;
  override readonly name = "CoreRejectedError";

  constructor(
    readonly reason: CoreRejectReason,
    message = `Trading core refused the request (${reason})`,
  ) {
    super(message);
  }
}

export function isCoreError(error: unknown): error is CoreError {
  return error instanceof CoreError;
}

KIND_OF_CLASS.set(CoreUnavailableError, "unavailable");
KIND_OF_CLASS.set(CoreNotFoundError, "not_found");
KIND_OF_CLASS.set(InsufficientFundsError, "insufficient_funds");
KIND_OF_CLASS.set(CoreRejectedError, "rejected");
