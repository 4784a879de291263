// Text messages as a second factor (issue 16): turned on with a code sent to the verified
// phone, off again, and the factor asked for first when an authenticator app is on too.
// Sending and checking the codes is sms-codes/sms-codes.ts (shared with sign-in).
import type { Database } from "@brokerage/db";
import type { StepUpInput } from "@brokerage/validators";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
import { enqueueMessage, phoneEnding, securityNoticeEmail } from "../messaging";
import { replaceRecoveryCodes } from "../otp/recovery-codes";
import type { SecondFactorDeps } from "../otp/verify-second-factor";
import { markReauthenticated, requireRecentAuthentication } from "../session/reauthentication";
import type { CustomerSession } from "../session/resolve-session";
import { revokeSessions } from "../session/sessions";
import { requireStepUp } from "../step-up/require-step-up";
import { checkSmsCode, sendSmsCode } from "../sms-codes/sms-codes";

async function factors(db: Database, customerId: number) {
  return db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: {
      email: true,
      phone: true,
      phoneVerifiedAt: true,
      otpEnabled: true,
      smsOtpEnabled: true,
      defaultSecondFactor: true,
      preferredLanguage: true,
      brand: { select: { displayName: true } },
    },
  });
}

/** A phone that may carry sign-in codes: on file and verified (else 409 PHONE_NOT_VERIFIED). */
function verifiedPhone(c: { phone: string | null; phoneVerifiedAt: Date | null }): string {
  if (!c.phone || !c.phoneVerifiedAt) throw new DomainError("PHONE_NOT_VERIFIED");
  return c.phone;
}

/** What the security page shows: both factors, the default one, the masked phone. */
export async function smsFactorStatus(db: Database, customerId: number) {
  const [c, left] = await Promise.all([factors(db, customerId), db.recoveryCode.count({ where: { customerId, usedAt: null } })]);
  const anyOn = c.otpEnabled || c.smsOtpEnabled;
  return {
    smsOtpEnabled: c.smsOtpEnabled,
    totpEnabled: c.otpEnabled,
    phone: c.phone ? phoneEnding(c.phone) : null,
    phoneVerified: c.phone !== null && c.phoneVerifiedAt !== null,
    /** The factor sign-in asks for first (null: two-factor is off). */
    defaultFactor: !anyOn ? null : c.otpEnabled && c.smsOtpEnabled ? (c.defaultSecondFactor ?? "TOTP") : c.otpEnabled ? "TOTP" : "SMS",
    recoveryCodesLeft: anyOn ? left : 0,
  };
}

/**
 * Sends the 6-digit code that turns text messages on. Order: REAUTH_REQUIRED, then a
 * verified phone (PHONE_NOT_VERIFIED), then the SMS throttles (429) and countries
 * (SMS_NOT_AVAILABLE). Already on: nothing is sent.
 */
export async function sendSmsFactorSetupCode(deps: SecondFactorDeps, session: CustomerSession, request: RequestMeta) {
  await requireRecentAuthentication(deps, session);
  const c = await factors(deps.db, session.customerId);
  const phone = verifiedPhone(c);
  if (c.smsOtpEnabled) return { sent: false as const, alreadyEnabled: true as const, sentTo: phoneEnding(phone) };
  const sent = await sendSmsCode(
    deps,
    { customerId: session.customerId, purpose: "SMS_FACTOR_SETUP", phone, brandName: c.brand.displayName },
    request,
  );
  return { sent: true as const, alreadyEnabled: false as const, ...sent };
}

/**
 * Turns text messages on with the code of `sendSmsFactorSetupCode` (CODE_INVALID or
 * CODE_EXPIRED otherwise; tries count against the code's 5 and the OTP throttle). The
 * first factor of an account issues recovery codes (returned once); every other session
 * ends; the owner gets an e-mail.
 */
export async function enableSmsFactor(deps: SecondFactorDeps, session: CustomerSession, input: { code: string }, request: RequestMeta) {
  const { customerId } = session;
  await requireRecentAuthentication(deps, session);
  const c = await factors(deps.db, customerId);
  const phone = verifiedPhone(c);
  await deps.rateLimits.consume("otpAttempts", String(customerId));
  const checked = await checkSmsCode(deps, { customerId, purpose: "SMS_FACTOR_SETUP", code: input.code, phone });
  const now = deps.clock.now();
  if (checked !== "ok") {
    await recordAuditEvent(deps.db, { kind: "customer.otp_failed", customerId, request, data: { purpose: "sms_factor_enable" }, at: now });
    const code = checked === "expired" ? "CODE_EXPIRED" : "CODE_INVALID";
    throw new DomainError(code, { fieldErrors: { code: [checked === "expired" ? "The code has expired" : "The code is wrong or was already used"] }, fieldCodes: { code: [checked === "expired" ? "EXPIRED" : "INCORRECT"] } });
  }
  await deps.rateLimits.reward("otpAttempts", String(customerId));
  const recoveryCodes = await deps.db.$transaction(async (tx) => {
    // Conditional: of two parallel enables (two codes cannot both be live, but a retry can race) one changes state.
    const turned = await tx.customer.updateMany({ where: { id: customerId, smsOtpEnabled: false }, data: { smsOtpEnabled: true } });
    if (turned.count === 0) return null;
    const codes = c.otpEnabled ? null : await replaceRecoveryCodes(tx, customerId, now);
    await revokeSessions(tx, { customerId, id: { not: session.sessionId } }, now);
    await enqueueMessage(tx, {
      channel: "EMAIL",
      recipient: c.email,
      customerId,
      ...securityNoticeEmail({ event: { kind: "sms-otp-enabled" }, at: now, brandName: c.brand.displayName, language: c.preferredLanguage }),
    });
    await recordAuditEvent(tx, { kind: "customer.sms_otp_enabled", customerId, request, at: now });
    return codes;
  });
  await markReauthenticated(deps.db, session.sessionId, now);
  return { smsOtpEnabled: true as const, recoveryCodes };
}

/**
 * Turns text messages off (REAUTH_REQUIRED first). When they are the last second factor,
 * that is two-factor authentication going off: the step-up confirmation first (an SMS
 * code; 403 STEP_UP_REQUIRED without `stepUp`). Recovery codes go when no factor is left;
 * live sign-in codes die; every other session ends; the owner gets an e-mail.
 */
export async function disableSmsFactor(deps: SecondFactorDeps, session: CustomerSession, stepUp: StepUpInput | undefined, request: RequestMeta) {
  const { customerId } = session;
  await requireRecentAuthentication(deps, session);
  const c = await factors(deps.db, customerId);
  if (!c.smsOtpEnabled) return { smsOtpEnabled: false as const };
  if (!c.otpEnabled) {
    await requireStepUp(
      deps,
      session,
      {
        operation: "smsFactor.disable",
        params: { factor: "sms" },
        summary: {
          en: "turning off two-factor authentication by text message",
          de: "Deaktivieren der Zwei-Faktor-Authentifizierung per SMS",
        },
      },
      stepUp,
      request,
    );
  }
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const turned = await tx.customer.updateMany({
      where: { id: customerId, smsOtpEnabled: true },
      data: { smsOtpEnabled: false, defaultSecondFactor: null },
    });
    if (turned.count === 0) return;
    if (!c.otpEnabled) await tx.recoveryCode.deleteMany({ where: { customerId } });
    await tx.verificationCode.updateMany({
      where: { customerId, purpose: { in: ["SMS_SIGN_IN", "SMS_FACTOR_SETUP"] }, consumedAt: null },
      data: { consumedAt: now },
    });
    await revokeSessions(tx, { customerId, id: { not: session.sessionId } }, now);
    await enqueueMessage(tx, {
      channel: "EMAIL",
      recipient: c.email,
      customerId,
      ...securityNoticeEmail({ event: { kind: "sms-otp-disabled" }, at: now, brandName: c.brand.displayName, language: c.preferredLanguage }),
    });
    await recordAuditEvent(tx, { kind: "customer.sms_otp_disabled", customerId, request, at: now });
  });
  return { smsOtpEnabled: false as const };
}

/** The factor sign-in asks for first; only a factor that is on (INVALID_DATA otherwise). */
export async function setDefaultSecondFactor(deps: Pick<SecondFactorDeps, "db">, session: CustomerSession, input: { factor: "TOTP" | "SMS" }) {
  const c = await factors(deps.db, session.customerId);
  const on = input.factor === "TOTP" ? c.otpEnabled : c.smsOtpEnabled;
  if (!on) {
    throw new DomainError("INVALID_DATA", {
      fieldErrors: { factor: ["This second factor is not turned on"] },
      fieldCodes: { factor: ["NOT_ALLOWED"] },
    });
  }
  await deps.db.customer.update({ where: { id: session.customerId }, data: { defaultSecondFactor: input.factor } });
  return { defaultFactor: input.factor };
}
