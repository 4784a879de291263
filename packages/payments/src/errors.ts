// The only errors a PaymentProvider may throw. The API layer maps `kind` (and a
// rejection's `reason`) to the product's error codes; nothing here knows those codes.

export type PaymentProviderErrorKind = "unavailable" | "not_found" | "rejected";

const PAYMENT_ERROR = Symbol.for("@brokerage/payments/PaymentProviderError");

/** The kind each concrete class stands for, so `instanceof` can compare kinds. */
const KIND_OF_CLASS = new WeakMap<object, PaymentProviderErrorKind>();

export abstract class PaymentProviderError extends Error {
  abstract readonly kind: PaymentProviderErrorKind;

  /**
   * `instanceof` by a process-wide marker, not by prototype: a bundler may load this
   * package twice (Next bundles route handlers and pages apart) while one simulator
   * instance serves both, and an error from one copy must still be recognised.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== "object" || value === null) return false;
    const kind = (value as { [PAYMENT_ERROR]?: unknown })[PAYMENT_ERROR];
    if (typeof kind !== "string") return false;
    const expected = KIND_OF_CLASS.get(this);
    return expected === undefined || expected === kind;
  }

  get [PAYMENT_ERROR](): PaymentProviderErrorKind {
    return this.kind;
  }
}

/**
 * The provider did not answer, or its answer was lost: the request may or may not have
 * been applied. Retrying with the same idempotency key is safe and tells which.
 */
export type PaymentUnavailableReason = "unavailable" | "timeout" | "unreachable" | "reply_lost";

export class PaymentUnavailableError extends PaymentProviderError {
  readonly kind = "unavailable" as const;
  override readonly name = "PaymentUnavailableError";

  constructor(
    readonly reason: PaymentUnavailableReason = "unavailable",
    message = `Payment provider not available (${reason})`,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class PaymentNotFoundError extends PaymentProviderError {
  readonly kind = "not_found" as const;
  override readonly name = "PaymentNotFoundError";

  constructor(
    readonly resource: "payment" | "payout",
    readonly id: string,
  ) {
    super(`No ${resource} ${id}`);
  }
}

export type PaymentRejectReason =
  | "idempotency_conflict"
  | "invalid_amount"
  | "invalid_currency"
  | "invalid_request"
  | "invalid_destination"
  | "currency_mismatch"
  | "payment_not_succeeded"
  | "refund_exceeds_payment";

/** The provider understood the request and refused it; retrying the same request is futile. */
export class PaymentRejectedError extends PaymentProviderError {
  readonly kind = "rejected" as const;
  override readonly name = "PaymentRejectedError";

  constructor(
    readonly reason: PaymentRejectReason,
    message = `Payment provider refused the request (${reason})`,
  ) {
    super(message);
  }
}

export function isPaymentProviderError(error: unknown): error is PaymentProviderError {
  return error instanceof PaymentProviderError;
}

KIND_OF_CLASS.set(PaymentUnavailableError, "unavailable");
KIND_OF_CLASS.set(PaymentNotFoundError, "not_found");
KIND_OF_CLASS.set(PaymentRejectedError, "rejected");

export type WebhookVerificationFailure = "malformed" | "signature" | "timestamp";

/** A webhook that must not be believed: answer it 400 and change nothing. */
export class WebhookVerificationError extends Error {
  override readonly name = "WebhookVerificationError";

  constructor(
    readonly reason: WebhookVerificationFailure,
    message = `Webhook refused (${reason})`,
  ) {
    super(message);
  }
}
