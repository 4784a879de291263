// Webhook signatures: `payment-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">`.
// The timestamp is signed with the body, so an old delivery cannot be replayed with a new
// time; the tolerance bounds how long a captured one stays usable.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { WebhookVerificationError } from "./errors";
import {
  PAYMENT_EVENT_TYPES,
  PAYMENT_STATUSES,
  PAYOUT_STATUSES,
  type PaymentEvent,
} from "./provider";

export const WEBHOOK_SIGNATURE_HEADER = "payment-signature";
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

function hmac(secret: string, timestamp: number, payload: string): Buffer {
  return createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest();
}

function checkSecret(secret: string): void {
  if (typeof secret !== "string" || secret.length === 0)
    throw new TypeError("A webhook secret is required");
}

/** The header value for `payload` sent at `at`. */
export function signWebhook(payload: string, secret: string, at: Date): string {
  checkSecret(secret);
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${hmac(secret, timestamp, payload).toString("hex")}`;
}

const amount = z.string().regex(/^\d{1,18}\.\d{2}$/);
const date = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

const paymentView = z.object({
  id: z.string().min(1),
  status: z.enum(PAYMENT_STATUSES as [string, ...string[]]),
  amount,
  currency: z.string().regex(/^[A-Z]{3}$/),
  reference: z.string(),
  refundedAmount: amount,
  chargedBackAmount: amount,
  card: z.object({ brand: z.string(), last4: z.string() }).nullable(),
  createdAt: date,
  updatedAt: date,
  expiresAt: date,
});

const payoutView = z.object({
  id: z.string().min(1),
  status: z.enum(PAYOUT_STATUSES as [string, ...string[]]),
  amount,
  currency: z.string().regex(/^[A-Z]{3}$/),
  reference: z.string(),
  destination: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("bank"),
      iban: z.string(),
      bic: z.string(),
      holderName: z.string(),
    }),
    z.object({ kind: z.literal("card_refund"), paymentId: z.string() }),
  ]),
  failureReason: z.string().nullable(),
  createdAt: date,
  updatedAt: date,
});

const eventSchema = z
  .object({
    id: z.string().min(1),
    type: z.enum(PAYMENT_EVENT_TYPES as [string, ...string[]]),
    createdAt: date,
    payment: paymentView.optional(),
    payout: payoutView.optional(),
    amount: amount.optional(),
  })
  .refine(
    (event) => (event.type.startsWith("payout.") ? event.payout : event.payment) !== undefined,
    {
      message: "The event lacks the object it is about",
    },
  );

/** The JSON body a provider sends for `event` (dates as ISO strings). */
export function encodePaymentEvent(event: PaymentEvent): string {
  return JSON.stringify(event);
}

const HEADER_PART = /^(t|v1)=([0-9a-f]+)$/;

function parseHeader(signature: string): { timestamp: number; signatures: Buffer[] } {
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  if (signature.length > 1_000) throw new WebhookVerificationError("malformed");
  for (const part of signature.split(",")) {
    const match = HEADER_PART.exec(part.trim());
    // Unknown schemes (v0, a future v2) are skipped, as Stripe does; a bad known one is not.
    if (!match) {
      if (/^[a-z0-9]+=/.test(part.trim()) && !/^(t|v1)=/.test(part.trim())) continue;
      throw new WebhookVerificationError("malformed", "Malformed signature header");
    }
    const [, key, value] = match as unknown as [string, string, string];
    if (key === "t") {
      if (timestamp !== undefined || !/^\d{1,12}$/.test(value))
        throw new WebhookVerificationError("malformed", "Malformed signature timestamp");
      timestamp = Number(value);
    } else {
      if (value.length !== 64)
        throw new WebhookVerificationError("malformed", "Malformed v1 signature");
      signatures.push(Buffer.from(value, "hex"));
    }
  }
  if (timestamp === undefined || signatures.length === 0)
    throw new WebhookVerificationError("malformed", "The signature header needs t= and v1=");
  return { timestamp, signatures };
}

/**
 * Checks a webhook's signature and age, then parses its event. Throws
 * WebhookVerificationError: `malformed` (no or unreadable header, or a body that is not an
 * event), `signature` (no v1 matches: wrong secret or tampered body), `timestamp`
 * (further than `toleranceSeconds` from `now`, either way).
 */
export function verifyWebhook(input: {
  payload: string;
  signature: string | null;
  secret: string;
  now: Date;
  toleranceSeconds?: number;
}): PaymentEvent {
  checkSecret(input.secret);
  const tolerance = input.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (typeof input.signature !== "string" || input.signature.length === 0)
    throw new WebhookVerificationError("malformed", "No signature header");
  if (typeof input.payload !== "string") throw new WebhookVerificationError("malformed", "No body");
  const { timestamp, signatures } = parseHeader(input.signature);
  const expected = hmac(input.secret, timestamp, input.payload);
  // Every candidate is compared in full, so timing tells nothing about which came close.
  let matched = false;
  for (const candidate of signatures) if (timingSafeEqual(candidate, expected)) matched = true;
  if (!matched) throw new WebhookVerificationError("signature", "Webhook signature does not match");
  const age = Math.floor(input.now.getTime() / 1000) - timestamp;
  if (Math.abs(age) > tolerance)
    throw new WebhookVerificationError("timestamp", "Webhook timestamp is outside the tolerance");
  let body: unknown;
  try {
    body = JSON.parse(input.payload);
  } catch {
    throw new WebhookVerificationError("malformed", "Webhook body is not JSON");
  }
  const parsed = eventSchema.safeParse(body);
  if (!parsed.success)
    throw new WebhookVerificationError("malformed", "Webhook body is not a payment event");
  return parsed.data as PaymentEvent;
}
