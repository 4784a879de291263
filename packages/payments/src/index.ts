// The payment provider as the portal sees it. Adapters (the simulator in ./simulator, or a
// deployment's own) implement PaymentProvider; nothing here depends on any of them.
export {
  PAYMENT_EVENT_TYPES,
  PAYMENT_OPERATIONS,
  PAYMENT_STATUSES,
  PAYOUT_STATUSES,
  type CreatePaymentInput,
  type CreatePayoutInput,
  type PaymentEvent,
  type PaymentEventType,
  type PaymentOperation,
  type PaymentProvider,
  type PaymentStatus,
  type PaymentView,
  type PayoutDestination,
  type PayoutStatus,
  type PayoutView,
} from "./provider";
export {
  isPaymentProviderError,
  PaymentNotFoundError,
  PaymentProviderError,
  PaymentRejectedError,
  PaymentUnavailableError,
  WebhookVerificationError,
  type PaymentProviderErrorKind,
  type PaymentRejectReason,
  type PaymentUnavailableReason,
  type WebhookVerificationFailure,
} from "./errors";
export { normalizeAmount, normalizeCurrency } from "./money";
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  encodePaymentEvent,
  signWebhook,
  verifyWebhook,
  WEBHOOK_SIGNATURE_HEADER,
} from "./webhook";
