// The payment provider as the portal sees it. Adapters (the simulator in ./simulator, or
// a deployment's own) implement PaymentProvider; nothing here depends on any of them.

export type PaymentStatus = "requires_payment" | "succeeded" | "declined" | "expired" | "canceled";

export const PAYMENT_STATUSES: readonly PaymentStatus[] = [
  "requires_payment",
  "succeeded",
  "declined",
  "expired",
  "canceled",
];

export interface PaymentView {
  id: string;
  status: PaymentStatus;
  /** Two decimals, e.g. "25.00". */
  amount: string;
  currency: string;
  /** The merchant's own reference (our deposit's id), echoed back. */
  reference: string;
  refundedAmount: string;
  chargedBackAmount: string;
  /** Set once a card was presented (succeeded or declined); never the card number. */
  card: { brand: string; last4: string } | null;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
}

export type PayoutDestination =
  | { kind: "bank"; iban: string; bic: string; holderName: string }
  /** Closed loop: back to the card of a (succeeded) payment. */
  | { kind: "card_refund"; paymentId: string };

export type PayoutStatus = "pending" | "paid" | "failed";

export const PAYOUT_STATUSES: readonly PayoutStatus[] = ["pending", "paid", "failed"];

export interface PayoutView {
  id: string;
  status: PayoutStatus;
  amount: string;
  currency: string;
  reference: string;
  destination: PayoutDestination;
  failureReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CreatePaymentInput {
  idempotencyKey: string;
  amount: string;
  currency: string;
  reference: string;
  /** Where the hosted page sends the payer back, with `?payment=<id>` added. */
  returnUrl: string;
  description?: string;
}

export interface CreatePayoutInput {
  idempotencyKey: string;
  amount: string;
  currency: string;
  reference: string;
  destination: PayoutDestination;
}

export interface PaymentProvider {
  createPayment(input: CreatePaymentInput): Promise<PaymentView & { paymentPageUrl: string }>;
  getPayment(id: string): Promise<PaymentView>;
  createPayout(input: CreatePayoutInput): Promise<PayoutView>;
  getPayout(id: string): Promise<PayoutView>;
}

export const PAYMENT_OPERATIONS = [
  "createPayment",
  "getPayment",
  "createPayout",
  "getPayout",
] as const;
export type PaymentOperation = (typeof PAYMENT_OPERATIONS)[number];

export type PaymentEventType =
  | "payment.succeeded"
  | "payment.declined"
  | "payment.expired"
  | "payment.canceled"
  | "payment.refunded"
  | "payment.charged_back"
  | "payout.paid"
  | "payout.failed";

export const PAYMENT_EVENT_TYPES: readonly PaymentEventType[] = [
  "payment.succeeded",
  "payment.declined",
  "payment.expired",
  "payment.canceled",
  "payment.refunded",
  "payment.charged_back",
  "payout.paid",
  "payout.failed",
];

export interface PaymentEvent {
  /** Unique per event: a duplicated delivery carries the same id. */
  id: string;
  type: PaymentEventType;
  createdAt: Date;
  /** The payment as it was right after the change (payment.* events). */
  payment?: PaymentView;
  /** The payout as it was right after the change (payout.* events). */
  payout?: PayoutView;
  /** The amount refunded or charged back by this event (payment.refunded / payment.charged_back). */
  amount?: string;
}
