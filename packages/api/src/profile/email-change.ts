import type { Database } from "@brokerage/db";
import type { StepUpInput } from "@brokerage/validators";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { CODE_TTL_MS, consumeCode, issueCode } from "../auth/verification-codes";
import { DomainError } from "../errors";
import { isUniqueViolation } from "../errors/unique-violation";
import { enqueueMessage } from "../messaging";
import type { RateLimits } from "../rate-limit/rate-limits";
import { requireRecentAuthentication } from "../session/reauthentication";
import { requireStepUp } from "../step-up/require-step-up";
import type { CustomerSession } from "../session/resolve-session";
import { revokeSessions } from "../session/sessions";
import { maskEmail } from "../messaging";
import { emailChangeAddressInUseEmail, emailChangeCodeEmail, emailChangedNotice, emailChangeRequestedNotice } from "./profile-messages";

interface Deps {
  db: Database;
  clock: Clock;
  rateLimits: RateLimits;
}

/**
 * profile.requestEmailChange. Checks in order: re-authentication (401 REAUTH_REQUIRED; a
 * TOTP or SMS step-up code counts as one), a different address (400 INVALID_DATA,
 * `newEmail: MUST_DIFFER`), the step-up confirmation of this very address (403
 * STEP_UP_REQUIRED, then `stepUp` on the retried request: see requireStepUp; none for a
 * customer with no channel at all: no second factor and an unverified e-mail), the throttles
 * (429: 5 changes an hour per customer, 5 a day per new address). Then a 6-digit code goes to the
 * new address (10 minutes, 5 tries, the newest code only) and a notice to the current one.
 *
 * An address that belongs to another account gets the same answer and the same pending
 * change, but its owner gets a notice instead of the code: nobody learns from here whether
 * an address is registered, and the change can never be confirmed.
 */
export async function requestEmailChange(
  deps: Deps,
  session: CustomerSession,
  input: { newEmail: string; stepUp?: StepUpInput | undefined },
  request: RequestMeta,
) {
  // With a confirmation, requireStepUp checks re-authentication (a TOTP or SMS code is one).
  if (!input.stepUp) await requireRecentAuthentication(deps, session);
  const customerId = session.customerId;
  const newEmail = input.newEmail.trim().toLowerCase();
  const me = await deps.db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { email: true, preferredLanguage: true, brand: { select: { displayName: true } } },
  });
  if (newEmail === me.email) {
    throw new DomainError("INVALID_DATA", {
      fieldErrors: { newEmail: ["This is already your e-mail address"] },
      fieldCodes: { newEmail: ["MUST_DIFFER"] },
    });
  }
  await requireStepUp(
    deps,
    session,
    {
      operation: "profile.requestEmailChange",
      params: { newEmail },
      // Masked: the code goes to the current address, which may be read by someone else.
      summary: { en: `changing your e-mail address to ${maskEmail(newEmail)}`, de: `Ändern Ihrer E-Mail-Adresse in ${maskEmail(newEmail)}` },
      reauthenticationWithoutChannel: true,
    },
    input.stepUp,
    request,
  );
  await deps.rateLimits.consume("contactChange", `${customerId}:email`);
  await deps.rateLimits.consume("contactChangeByTarget", newEmail);
  const now = deps.clock.now();
  const brandName = me.brand.displayName;
  const minutes = CODE_TTL_MS / 60_000;
  const expiresAt = await deps.db.$transaction(async (tx) => {
    // The owner of a taken address reads the notice in their own language, not the asker's.
    const taken = await tx.customer.findUnique({ where: { email: newEmail }, select: { id: true, preferredLanguage: true } });
    const code = await issueCode(tx, { customerId, purpose: "EMAIL_CHANGE", target: newEmail, now });
    await enqueueMessage(tx, {
      channel: "EMAIL",
      recipient: newEmail,
      customerId: taken ? taken.id : customerId,
      ...(taken
        ? emailChangeAddressInUseEmail({ at: now, brandName, language: taken.preferredLanguage })
        : emailChangeCodeEmail({ code, expiresInMinutes: minutes, brandName, language: me.preferredLanguage })),
    });
    await enqueueMessage(tx, {
      channel: "EMAIL",
      recipient: me.email,
      customerId,
      ...emailChangeRequestedNotice({ newEmail, at: now, brandName, language: me.preferredLanguage }),
    });
    await recordAuditEvent(tx, { kind: "customer.email_change_requested", customerId, request, at: now });
    return new Date(now.getTime() + CODE_TTL_MS);
  });
  return { sent: true as const, newEmail, expiresAt: expiresAt.toISOString() };
}

/**
 * profile.confirmEmailChange: the code sent to the new address makes it the customer's
 * e-mail, verified. The code is used up in the transaction that changes the address (a
 * refusal is returned, not thrown, so the try it counted is kept); of parallel
 * confirmations exactly one wins. An address that another account holds (by now) is
 * CODE_INVALID and the code is spent. Every other session ends (the sign-in name changed);
 * known devices stay (they belong to the customer, not to an address). Both addresses get
 * a notice.
 */
export async function confirmEmailChange(deps: Deps, session: CustomerSession, input: { code: string }, request: RequestMeta) {
  const customerId = session.customerId;
  const now = deps.clock.now();
  let result: DomainError | { email: string };
  try {
    result = await deps.db.$transaction(async (tx) => {
      let newEmail: string;
      try {
        newEmail = await consumeCode(tx, { customerId, purpose: "EMAIL_CHANGE", code: input.code, now });
      } catch (error) {
        if (error instanceof DomainError) return error;
        throw error;
      }
      const taken = await tx.customer.findFirst({ where: { email: newEmail, id: { not: customerId } }, select: { id: true } });
      if (taken) return new DomainError("CODE_INVALID");
      const before = await tx.customer.findUniqueOrThrow({
        where: { id: customerId },
        select: { email: true, preferredLanguage: true, brand: { select: { displayName: true } } },
      });
      await tx.customer.update({ where: { id: customerId }, data: { email: newEmail, emailVerifiedAt: now } });
      // Codes sent to the old address (verification, password reset) work no more.
      await tx.verificationCode.updateMany({
        where: { customerId, purpose: { in: ["EMAIL_VERIFICATION", "PASSWORD_RESET"] }, consumedAt: null },
        data: { consumedAt: now },
      });
      const ended = await revokeSessions(tx, { customerId, id: { not: session.sessionId } }, now);
      const notice = emailChangedNotice({ newEmail, at: now, brandName: before.brand.displayName, language: before.preferredLanguage });
      for (const recipient of [before.email, newEmail]) {
        await enqueueMessage(tx, { channel: "EMAIL", recipient, customerId, ...notice });
      }
      await recordAuditEvent(tx, { kind: "customer.email_changed", customerId, request, data: { otherSessionsEnded: ended }, at: now });
      return { email: newEmail };
    });
  } catch (error) {
    // Another account took the address between the check and the update.
    if (isUniqueViolation(error)) throw new DomainError("CODE_INVALID");
    throw error;
  }
  if (result instanceof DomainError) throw result;
  return { changed: true as const, email: result.email };
}
