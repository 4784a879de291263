// customers:support (SUPPORT, ADMIN): after an identity check, end a customer's sessions
// or reset their second factor. A reason is required; the customer is told by e-mail
// (written to the outbox in the same transaction); both are audited.
import type { Database } from "@brokerage/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { enqueueMessage } from "../messaging/enqueue";
import { revokeSessions } from "../session/sessions";
import { staffActionEmail } from "./customer-emails";
import { assertNotOwnCustomer, customerNotFound } from "./own-customer";

interface SupportInput {
  staffId: number;
  customerId: number;
  reason: string;
}

async function loadCustomer(db: Database, customerId: number) {
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: { id: true, email: true, otpEnabled: true, preferredLanguage: true, brand: { select: { displayName: true } } },
  });
  if (!customer) throw customerNotFound();
  return customer;
}

/** Ends every live session (web and API) of the customer. Order: 404, 403 SELF_APPROVAL. */
export async function endCustomerSessions(
  deps: { db: Database; clock: Clock },
  input: SupportInput,
  request: RequestMeta,
) {
  const customer = await loadCustomer(deps.db, input.customerId);
  await assertNotOwnCustomer(deps.db, input.staffId, customer.email);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const endedSessions = await revokeSessions(tx, { customerId: customer.id }, now);
    await enqueueMessage(tx, {
      channel: "EMAIL",
      recipient: customer.email,
      customerId: customer.id,
      ...staffActionEmail({
        action: "sessions-ended",
        at: now,
        brandName: customer.brand.displayName,
        language: customer.preferredLanguage,
      }),
    });
    await recordAuditEvent(tx, {
      kind: "customer.sessions_ended_by_staff",
      customerId: customer.id,
      staffId: input.staffId,
      request,
      data: { reason: input.reason, endedSessions },
      at: now,
    });
    return { customerId: customer.id, endedSessions };
  });
}

/**
 * Turns the customer's two-factor authentication off (secret, pending setups and recovery
 * codes gone), so they can sign in with their password and enrol again. Order: 404, 403.
 */
export async function resetCustomerTwoFactor(
  deps: { db: Database; clock: Clock },
  input: SupportInput,
  request: RequestMeta,
) {
  const customer = await loadCustomer(deps.db, input.customerId);
  await assertNotOwnCustomer(deps.db, input.staffId, customer.email);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    await tx.customer.update({
      where: { id: customer.id },
      data: { otpEnabled: false, otpSecretEnc: null, otpLastStep: null, smsOtpEnabled: false, defaultSecondFactor: null },
      select: { id: true },
    });
    await tx.recoveryCode.deleteMany({ where: { customerId: customer.id } });
    await tx.otpSetup.deleteMany({ where: { customerId: customer.id } });
    await enqueueMessage(tx, {
      channel: "EMAIL",
      recipient: customer.email,
      customerId: customer.id,
      ...staffActionEmail({
        action: "otp-reset",
        at: now,
        brandName: customer.brand.displayName,
        language: customer.preferredLanguage,
      }),
    });
    await recordAuditEvent(tx, {
      kind: "customer.otp_reset_by_staff",
      customerId: customer.id,
      staffId: input.staffId,
      request,
      data: { reason: input.reason, wasEnabled: customer.otpEnabled },
      at: now,
    });
    return { customerId: customer.id, otpEnabled: false as const, wasEnabled: customer.otpEnabled };
  });
}
