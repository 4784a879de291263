import { verifyWebhook, WebhookVerificationError, type PaymentEvent } from "@brokerage/payments";
import { DomainError } from "../errors";
import { isUniqueViolation } from "../errors/unique-violation";
import { settleDeposit } from "../deposits/settle-deposit";
import { settlePayout, type WithdrawalDeps } from "../withdrawals/lifecycle";
import { providerError, requireProvider } from "./provider-errors";

/**
 * A webhook from the payment provider. The signature (HMAC-SHA256 over timestamp and body)
 * and its age (5 minutes) are checked first: anything else is 400 INVALID_SIGNATURE and
 * changes nothing. An event id seen before is answered 200 and ignored (replay). The event
 * only says *which* payment or payout changed: its state is read again from the provider,
 * so late, duplicated or out-of-order events cannot move money twice or backwards.
 */
export async function handlePaymentWebhook(
  deps: WithdrawalDeps,
  input: { payload: string; signature: string | null; secret: string },
): Promise<{ received: true; duplicate: boolean }> {
  let event: PaymentEvent;
  try {
    event = verifyWebhook({ payload: input.payload, signature: input.signature, secret: input.secret, now: deps.clock.now() });
  } catch (error) {
    if (error instanceof WebhookVerificationError) throw new DomainError("INVALID_SIGNATURE", { details: { reason: error.reason } });
    throw error;
  }
  const seen = await deps.db.paymentEventReceipt.findUnique({ where: { id: event.id }, select: { id: true } });
  if (seen) return { received: true, duplicate: true };

  await applyEvent(deps, event);

  try {
    await deps.db.paymentEventReceipt.create({ data: { id: event.id, type: event.type, receivedAt: deps.clock.now() } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error; // the same event applied in parallel: fine, it is idempotent
  }
  return { received: true, duplicate: false };
}

async function applyEvent(deps: WithdrawalDeps, event: PaymentEvent): Promise<void> {
  const provider = requireProvider(deps.payments);
  try {
    if (event.payment) await settleDeposit(deps, await provider.getPayment(event.payment.id));
    if (event.payout) await settlePayout(deps, await provider.getPayout(event.payout.id));
  } catch (error) {
    // 503: the provider delivers the event again later.
    throw providerError(error);
  }
}
