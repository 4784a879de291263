import { isPaymentProviderError, type PaymentProvider } from "@brokerage/payments";
import { DomainError } from "../errors";

/** The provider, or 503 when this deployment has none (it always has one: the simulator by default). */
export function requireProvider(payments: PaymentProvider | null): PaymentProvider {
  if (!payments) throw new DomainError("PAYMENT_PROVIDER_NOT_AVAILABLE");
  return payments;
}

/** True when the provider did not answer: the call may or may not have been applied. */
export function isProviderUnavailable(error: unknown): boolean {
  return isPaymentProviderError(error) && error.kind === "unavailable";
}

/** A provider failure as the caller sees it: unavailable is 503, anything else is a fault of ours. */
export function providerError(error: unknown): unknown {
  if (isProviderUnavailable(error)) return new DomainError("PAYMENT_PROVIDER_NOT_AVAILABLE");
  return error;
}
