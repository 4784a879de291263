// Rows of payment_sim as the interface's views, and the outbox write that goes with every
// state change.
import { randomBytes } from "node:crypto";
import type {
  PaymentEvent,
  PaymentEventType,
  PaymentStatus,
  PaymentView,
  PayoutDestination,
  PayoutStatus,
  PayoutView,
} from "../provider";
import { encodePaymentEvent } from "../webhook";
import type { Queryable } from "./database";

export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

export interface PaymentRow {
  id: string;
  status: PaymentStatus;
  amount: string;
  currency: string;
  reference: string;
  description: string | null;
  return_url: string;
  page_token: string;
  refunded_amount: string;
  charged_back_amount: string;
  card_brand: string | null;
  card_last4: string | null;
  created_at: Date;
  updated_at: Date;
  expires_at: Date;
}

export interface PayoutRow {
  id: string;
  status: PayoutStatus;
  amount: string;
  currency: string;
  reference: string;
  destination: PayoutDestination;
  payment_id: string | null;
  failure_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

export function paymentView(row: PaymentRow): PaymentView {
  return {
    id: row.id,
    status: row.status,
    amount: row.amount,
    currency: row.currency,
    reference: row.reference,
    refundedAmount: row.refunded_amount,
    chargedBackAmount: row.charged_back_amount,
    card:
      row.card_brand !== null && row.card_last4 !== null
        ? { brand: row.card_brand, last4: row.card_last4 }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    expiresAt: row.expires_at,
  };
}

export function payoutView(row: PayoutRow): PayoutView {
  return {
    id: row.id,
    status: row.status,
    amount: row.amount,
    currency: row.currency,
    reference: row.reference,
    destination: row.destination,
    failureReason: row.failure_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function selectPayment(
  db: Queryable,
  id: string,
  lock = false,
): Promise<PaymentRow | undefined> {
  const { rows } = await db.query<PaymentRow>(
    `SELECT * FROM payment_sim.payments WHERE id = $1${lock ? " FOR UPDATE" : ""}`,
    [id],
  );
  return rows[0];
}

export async function selectPayout(db: Queryable, id: string): Promise<PayoutRow | undefined> {
  const { rows } = await db.query<PayoutRow>("SELECT * FROM payment_sim.payouts WHERE id = $1", [
    id,
  ]);
  return rows[0];
}

/** Writes a webhook to the outbox; call it in the transaction of the change it reports. */
export async function writeEvent(
  db: Queryable,
  type: PaymentEventType,
  subject: { payment?: PaymentRow; payout?: PayoutRow; amount?: string },
  at: Date,
): Promise<PaymentEvent> {
  const event: PaymentEvent = { id: newId("evt"), type, createdAt: at };
  if (subject.payment) event.payment = paymentView(subject.payment);
  if (subject.payout) event.payout = payoutView(subject.payout);
  if (subject.amount !== undefined) event.amount = subject.amount;
  await db.query(
    `INSERT INTO payment_sim.events (id, type, payload, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $4)`,
    [event.id, type, encodePaymentEvent(event), at],
  );
  return event;
}

/** Every payment whose page is past its time and not yet paid becomes `expired`, with its event. */
export async function expirePayments(db: Queryable, now: Date, id?: string): Promise<PaymentRow[]> {
  const { rows } = await db.query<PaymentRow>(
    `UPDATE payment_sim.payments SET status = 'expired', updated_at = $1
      WHERE status = 'requires_payment' AND expires_at <= $1 ${id === undefined ? "" : "AND id = $2"}
      RETURNING *`,
    id === undefined ? [now] : [now, id],
  );
  for (const row of rows) await writeEvent(db, "payment.expired", { payment: row }, now);
  return rows;
}
