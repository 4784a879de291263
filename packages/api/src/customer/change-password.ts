import type { Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
import { enqueueMessage, securityNoticeEmail } from "../messaging";
import type { RateLimits } from "../rate-limit/rate-limits";
import { hashPassword, verifyPassword } from "../passwords/password-hashing";
import { assertPasswordAllowed } from "../passwords/password-rules";
import { revokeSessions } from "../session/sessions";

/**
 * A signed-in customer changes the password: the current one is required (5 wrong
 * tries in 15 minutes, then 429); the other sessions end; an e-mail tells the customer.
 */
export async function changePassword(
  deps: { db: Database; clock: Clock; rateLimits: RateLimits },
  input: { customerId: number; sessionId: string; currentPassword: string; newPassword: string },
  request: RequestMeta,
) {
  const key = String(input.customerId);
  await deps.rateLimits.consume("passwordChange", key);
  const customer = await deps.db.customer.findUniqueOrThrow({
    where: { id: input.customerId },
    select: { email: true, passwordHash: true, preferredLanguage: true, brand: { select: { displayName: true } } },
  });
  if (!(await verifyPassword(customer.passwordHash, input.currentPassword))) {
    throw new DomainError("INVALID_DATA", { fieldErrors: { currentPassword: ["The current password is not correct"] }, fieldCodes: { currentPassword: ["INCORRECT"] } });
  }
  assertPasswordAllowed(input.newPassword, customer.email);
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    await tx.customer.update({ where: { id: input.customerId }, data: { passwordHash } });
    await revokeSessions(tx, { customerId: input.customerId, id: { not: input.sessionId } }, now);
    // The current password was the re-authentication.
    await tx.session.update({ where: { id: input.sessionId }, data: { reauthenticatedAt: now } });
    await enqueueMessage(tx, {
      channel: "EMAIL",
      recipient: customer.email,
      customerId: input.customerId,
      ...securityNoticeEmail({ event: { kind: "password-changed" }, at: now, brandName: customer.brand.displayName, language: customer.preferredLanguage }),
    });
    await recordAuditEvent(tx, { kind: "customer.password_changed", customerId: input.customerId, request, at: now });
  });
  await deps.rateLimits.reset("passwordChange", key);
  return { passwordChanged: true as const };
}
