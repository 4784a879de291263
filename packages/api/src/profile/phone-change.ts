import type { Database } from "@brokerage/db";
import type { StepUpInput } from "@brokerage/validators";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { CODE_TTL_MS, consumeCode, issueCode } from "../auth/verification-codes";
import { DomainError } from "../errors";
import { enqueueMessage } from "../messaging";
import type { RateLimits } from "../rate-limit/rate-limits";
import { reserveSms, smsCountryAllowed } from "../rate-limit/sms-budget";
import { requireRecentAuthentication } from "../session/reauthentication";
import { requireStepUp } from "../step-up/require-step-up";
import type { CustomerSession } from "../session/resolve-session";
import { revokeSessions } from "../session/sessions";
import { maskNewPhone, phoneChangeCodeSms, phoneChangeNotice } from "./profile-messages";

const countryNotSupported = () =>
  new DomainError("INVALID_DATA", {
    fieldErrors: { phone: ["Text messages cannot be sent to this number's country"] },
    fieldCodes: { phone: ["COUNTRY_NOT_SUPPORTED"] },
  });

interface Deps {
  db: Database;
  clock: Clock;
  rateLimits: RateLimits;
}

/**
 * profile.requestPhoneChange (also adds a first number). Checks in order: re-authentication
 * (401 REAUTH_REQUIRED; a TOTP or SMS step-up code counts as one), a number other than the
 * verified one (400 INVALID_DATA, `phone: MUST_DIFFER`) of an allowed calling code (400
 * INVALID_DATA, `phone: COUNTRY_NOT_SUPPORTED`), the step-up confirmation of this very number
 * (403 STEP_UP_REQUIRED, then `stepUp` on the retried request; none without any channel, as
 * for the e-mail change; an SMS confirmation goes to the current number), the throttle (429:
 * 5 changes an hour), then the number's and the client address's daily SMS budgets (429). A 4-digit code (seed 003; 10 minutes, 5 tries)
 * goes to the new number, a notice to the e-mail address. Until the code comes back the old
 * number stays, verified, and keeps receiving the SMS second factor's codes.
 */
export async function requestPhoneChange(
  deps: Deps,
  session: CustomerSession,
  input: { phone: string; stepUp?: StepUpInput | undefined },
  request: RequestMeta,
) {
  // With a confirmation, requireStepUp checks re-authentication (a TOTP or SMS code is one).
  if (!input.stepUp) await requireRecentAuthentication(deps, session);
  const customerId = session.customerId;
  const me = await deps.db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { email: true, phone: true, phoneVerifiedAt: true, preferredLanguage: true, brand: { select: { displayName: true } } },
  });
  if (input.phone === me.phone && me.phoneVerifiedAt !== null) {
    throw new DomainError("INVALID_DATA", {
      fieldErrors: { phone: ["This is already your verified phone number"] },
      fieldCodes: { phone: ["MUST_DIFFER"] },
    });
  }
  if (!smsCountryAllowed(input.phone)) throw countryNotSupported();
  await requireStepUp(
    deps,
    session,
    {
      operation: "profile.requestPhoneChange",
      params: { phone: input.phone },
      // Masked, as in the change notice: the code goes to the current contact.
      summary: { en: `changing your phone number to ${maskNewPhone(input.phone)}`, de: `Ändern Ihrer Telefonnummer in ${maskNewPhone(input.phone)}` },
      reauthenticationWithoutChannel: true,
    },
    input.stepUp,
    request,
  );
  await deps.rateLimits.consume("contactChange", `${customerId}:phone`);
  const sms = await reserveSms(deps.rateLimits, input.phone, request.ip);
  if (!sms.send) {
    throw sms.reason === "budget" ? new DomainError("TOO_MANY_ATTEMPTS") : countryNotSupported();
  }
  const now = deps.clock.now();
  const brandName = me.brand.displayName;
  try {
    await deps.db.$transaction(async (tx) => {
      const code = await issueCode(tx, { customerId, purpose: "PHONE_CHANGE", target: input.phone, now });
      await enqueueMessage(tx, {
        channel: "SMS",
        recipient: input.phone,
        customerId,
        ...phoneChangeCodeSms({ code, expiresInMinutes: CODE_TTL_MS / 60_000, brandName, language: me.preferredLanguage }),
      });
      await enqueueMessage(tx, {
        channel: "EMAIL",
        recipient: me.email,
        customerId,
        ...phoneChangeNotice({ newPhone: input.phone, done: false, at: now, brandName, language: me.preferredLanguage }),
      });
      await recordAuditEvent(tx, { kind: "customer.phone_change_requested", customerId, request, at: now });
    });
  } catch (error) {
    await sms.release();
    throw error;
  }
  return { sent: true as const, phone: input.phone, expiresAt: new Date(now.getTime() + CODE_TTL_MS).toISOString() };
}

/**
 * profile.confirmPhoneChange: the code sent to the new number makes it the customer's
 * phone, verified (the code is used up in the same transaction; of parallel confirmations
 * one wins). With the SMS second factor on, the factor moves to the new, now verified,
 * number, and every other session ends, as with any change of a second factor.
 */
export async function confirmPhoneChange(deps: Deps, session: CustomerSession, input: { code: string }, request: RequestMeta) {
  const customerId = session.customerId;
  const now = deps.clock.now();
  const result = await deps.db.$transaction(async (tx) => {
    let phone: string;
    try {
      phone = await consumeCode(tx, { customerId, purpose: "PHONE_CHANGE", code: input.code, now });
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    const me = await tx.customer.update({
      where: { id: customerId },
      data: { phone, phoneVerifiedAt: now },
      select: { email: true, smsOtpEnabled: true, preferredLanguage: true, brand: { select: { displayName: true } } },
    });
    // A verification code sent to the old number verifies nothing any more.
    await tx.verificationCode.updateMany({
      where: { customerId, purpose: "PHONE_VERIFICATION", consumedAt: null },
      data: { consumedAt: now },
    });
    const ended = me.smsOtpEnabled ? await revokeSessions(tx, { customerId, id: { not: session.sessionId } }, now) : 0;
    await enqueueMessage(tx, {
      channel: "EMAIL",
      recipient: me.email,
      customerId,
      ...phoneChangeNotice({ newPhone: phone, done: true, at: now, brandName: me.brand.displayName, language: me.preferredLanguage }),
    });
    await recordAuditEvent(tx, {
      kind: "customer.phone_changed",
      customerId,
      request,
      data: { smsSecondFactor: me.smsOtpEnabled, otherSessionsEnded: ended },
      at: now,
    });
    return { phone };
  });
  if (result instanceof DomainError) throw result;
  return { changed: true as const, phone: result.phone };
}
