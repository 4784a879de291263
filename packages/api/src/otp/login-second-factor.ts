import type { LoginOtpChannel } from "@brokerage/validators";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError, getDomainError } from "../errors";
import { checkSmsCode, sendSmsCode } from "../sms-codes/sms-codes";
import { looksLikeRecoveryCode, useRecoveryCode } from "./recovery-codes";
import { decryptSecret } from "./secret-box";
import { acceptTotpCode, type SecondFactorDeps } from "./verify-second-factor";

/** What the login knows of the customer's second factors. */
export interface LoginFactors {
  id: number;
  otpEnabled: boolean;
  otpSecretEnc: string | null;
  otpLastStep: bigint | null;
  smsOtpEnabled: boolean;
  phone: string | null;
  phoneVerifiedAt: Date | null;
  defaultSecondFactor: "TOTP" | "SMS" | null;
  brand: { displayName: string };
}

/**
 * The channels the second step offers, in the order shown, and the one asked for first:
 * the authenticator app when it is on, text messages when they are on and the phone is
 * verified, and recovery codes whenever any factor is on. Empty when two-factor is off.
 */
export function loginChannels(c: LoginFactors): { channels: LoginOtpChannel[]; defaultChannel: LoginOtpChannel | null } {
  if (!c.otpEnabled && !c.smsOtpEnabled) return { channels: [], defaultChannel: null };
  const totp = c.otpEnabled;
  const sms = c.smsOtpEnabled && c.phone !== null && c.phoneVerifiedAt !== null;
  const channels: LoginOtpChannel[] = [...(totp ? ["totp" as const] : []), ...(sms ? ["sms" as const] : []), "recovery"];
  const defaultChannel = sms && (!totp || c.defaultSecondFactor === "SMS") ? "sms" : totp ? "totp" : "recovery";
  return { channels, defaultChannel };
}

/**
 * True for an answer of the second step (OTP_REQUIRED, or a refused SMS resend): the
 * password was right, so the login's throttle points go back.
 */
export function isSecondStepAnswer(error: unknown): boolean {
  const domain = getDomainError(error);
  return domain !== undefined && domain.details !== undefined && "otpChannels" in domain.details;
}

/**
 * Seed 002's OTP step of login, for both factors. Without a code: OTP_REQUIRED with
 * `otpChannels` and `otpDefaultChannel` in its details; when text messages are the default
 * (or `otpChannel` is `sms`, the resend) a 6-digit code is sent first (`smsSent`,
 * `smsSentTo`, `smsResendAfterSeconds`). An implicit send within the cool-down or past a
 * budget sends nothing (`smsSent: false`, the earlier code still works); an explicit resend
 * there is 429 TOO_MANY_ATTEMPTS. With a code: a TOTP code, the SMS code or a recovery code
 * (once), else INVALID_OTP_CODE; every try takes a point of the OTP throttle first.
 */
export async function checkLoginSecondFactor(
  deps: SecondFactorDeps,
  customer: LoginFactors,
  input: { otpCode: string | undefined; otpChannel: LoginOtpChannel | undefined },
  request: RequestMeta,
): Promise<void> {
  const { channels, defaultChannel } = loginChannels(customer);
  if (channels.length === 0) return;
  const smsUsable = channels.includes("sms");
  if (customer.otpEnabled && !customer.otpSecretEnc && !smsUsable) throw new DomainError("OTP_NOT_CONFIGURED");
  const challenge = { otpChannels: channels, otpDefaultChannel: defaultChannel };
  if (input.otpChannel !== undefined && !channels.includes(input.otpChannel)) {
    throw new DomainError("INVALID_DATA", {
      fieldErrors: { otpChannel: ["This second factor is not set up for the account"] },
      fieldCodes: { otpChannel: ["NOT_ALLOWED"] },
      details: challenge,
    });
  }

  if (!input.otpCode) {
    const explicit = input.otpChannel === "sms";
    if (!explicit && !(input.otpChannel === undefined && defaultChannel === "sms")) {
      throw new DomainError("OTP_REQUIRED", { details: challenge });
    }
    let sent: Awaited<ReturnType<typeof sendSmsCode>>;
    try {
      sent = await sendSmsCode(
        deps,
        { customerId: customer.id, purpose: "SMS_SIGN_IN", phone: customer.phone!, brandName: customer.brand.displayName },
        request,
      );
    } catch (error) {
      const domain = getDomainError(error);
      if (!domain || (domain.code !== "TOO_MANY_ATTEMPTS" && domain.code !== "SMS_NOT_AVAILABLE")) throw error;
      // An explicit resend says why; the first step still goes on (an earlier code may be on its way).
      if (explicit) throw new DomainError(domain.code, { details: { ...domain.details, ...challenge } });
      const retry = domain.details?.retryAfterSeconds;
      throw new DomainError("OTP_REQUIRED", {
        details: { ...challenge, smsSent: false, ...(typeof retry === "number" ? { smsResendAfterSeconds: retry } : {}) },
      });
    }
    throw new DomainError("OTP_REQUIRED", {
      details: { ...challenge, smsSent: true, smsSentTo: sent.sentTo, smsResendAfterSeconds: sent.resendAfterSeconds },
    });
  }

  const key = String(customer.id);
  await deps.rateLimits.consume("otpAttempts", key);
  const now = deps.clock.now();
  const code = input.otpCode.trim();
  const wants = (channel: LoginOtpChannel) => channels.includes(channel) && (input.otpChannel === undefined || input.otpChannel === channel);
  let accepted = false;
  if (/^\d{6}$/.test(code)) {
    // The app's code first: trying it costs the SMS code none of its 5 tries.
    if (wants("totp") && customer.otpSecretEnc) {
      accepted = await acceptTotpCode(deps.db, customer.id, decryptSecret(customer.otpSecretEnc), code, now, customer.otpLastStep);
    }
    if (!accepted && wants("sms")) {
      accepted = (await checkSmsCode(deps, { customerId: customer.id, purpose: "SMS_SIGN_IN", code, phone: customer.phone! })) === "ok";
    }
  } else if (wants("recovery") && looksLikeRecoveryCode(code)) {
    accepted = await useRecoveryCode(deps.db, customer.id, code, now);
  }
  if (!accepted) {
    await recordAuditEvent(deps.db, {
      kind: "customer.otp_failed",
      customerId: customer.id,
      request,
      data: { purpose: "login", channel: input.otpChannel ?? null },
      at: now,
    });
    throw new DomainError("INVALID_OTP_CODE");
  }
  await deps.rateLimits.reward("otpAttempts", key);
}
