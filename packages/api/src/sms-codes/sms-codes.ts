// Sends a 6-digit second-factor code by SMS and checks it, for signing in and for turning
// the SMS factor on (one cool-down per purpose, the SMS budgets). Step-up codes, bound to
// one challenge and throttled per challenge, are step-up/codes.ts's. Both keep their codes
// in the one code store (auth/verification-codes.ts: `VerificationCode` under a purpose of
// their own, hashed, 10 minutes, 5 tries, single use) and send them through the outbox.
import type { CodePurpose, Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { CODE_TTL_MS, consumeCode, issueCode } from "../auth/verification-codes";
import { DomainError, getDomainError } from "../errors";
import { enqueueMessage, phoneEnding, secondFactorCodeSms, type SmsCodeUse } from "../messaging";
import type { RateLimits } from "../rate-limit/rate-limits";
import { reserveSms } from "../rate-limit/sms-budget";

export interface SmsCodeDeps {
  db: Database;
  clock: Clock;
  rateLimits: RateLimits;
}

/** The purposes whose codes this module sends (each a `CodePurpose` with 6 digits). */
export type SmsCodePurpose = Extract<CodePurpose, "SMS_SIGN_IN" | "SMS_FACTOR_SETUP">;

const USE: Record<SmsCodePurpose, SmsCodeUse> = {
  SMS_SIGN_IN: "sign-in",
  SMS_FACTOR_SETUP: "sms-factor-setup",
};

/** Seconds a customer waits between two codes of one purpose (the `smsCodeCooldown` throttle). */
export const SMS_RESEND_COOLDOWN_SECONDS = 60;


/**
 * Sends a new code of `purpose` to `phone` (older live codes of that purpose die). Throttles,
 * in order: the cool-down (one code a minute per customer and purpose), the customer's daily
 * count (10, whatever the number), then the SMS budgets of the hardening work (per number and
 * per client address, allowed countries only). A refusal is 429 TOO_MANY_ATTEMPTS with
 * `retryAfterSeconds` (no SMS, no code); a number outside the allowed countries is 409
 * SMS_NOT_AVAILABLE. Call it only for a phone the customer has verified.
 */
export async function sendSmsCode(
  deps: SmsCodeDeps,
  input: { customerId: number; purpose: SmsCodePurpose; phone: string; brandName: string },
  request: Pick<RequestMeta, "ip">,
): Promise<{ sentTo: string; expiresAt: string; resendAfterSeconds: number }> {
  const { rateLimits } = deps;
  await rateLimits.consume("smsCodeCooldown", `${input.customerId}:${input.purpose}`);
  try {
    await rateLimits.consume("smsCodeByAccount", String(input.customerId));
  } catch (error) {
    await rateLimits.reward("smsCodeCooldown", `${input.customerId}:${input.purpose}`);
    throw error;
  }
  const giveBackOwn = async () => {
    await rateLimits.reward("smsCodeCooldown", `${input.customerId}:${input.purpose}`);
    await rateLimits.reward("smsCodeByAccount", String(input.customerId));
  };
  const sms = await reserveSms(rateLimits, input.phone, request.ip);
  if (!sms.send) {
    await giveBackOwn();
    throw sms.reason === "budget"
      ? new DomainError("TOO_MANY_ATTEMPTS", { details: { retryAfterSeconds: 24 * 60 * 60 } })
      : new DomainError("SMS_NOT_AVAILABLE");
  }
  const now = deps.clock.now();
  try {
    await deps.db.$transaction(async (tx) => {
      const code = await issueCode(tx, {
        customerId: input.customerId,
        purpose: input.purpose,
        target: input.phone,
        now,
      });
      const { preferredLanguage } = await tx.customer.findUniqueOrThrow({
        where: { id: input.customerId },
        select: { preferredLanguage: true },
      });
      await enqueueMessage(tx, {
        channel: "SMS",
        recipient: input.phone,
        customerId: input.customerId,
        ...secondFactorCodeSms({
          use: USE[input.purpose],
          code,
          expiresInMinutes: CODE_TTL_MS / 60_000,
          brandName: input.brandName,
          language: preferredLanguage,
        }),
      });
    });
  } catch (error) {
    await sms.release();
    await giveBackOwn();
    throw error;
  }
  return {
    sentTo: phoneEnding(input.phone),
    expiresAt: new Date(now.getTime() + CODE_TTL_MS).toISOString(),
    resendAfterSeconds: SMS_RESEND_COOLDOWN_SECONDS,
  };
}

/**
 * Uses up the customer's live code of `purpose` when `code` matches and was sent to `phone`
 * (a code sent to a number the customer has since changed proves nothing). Each try is
 * counted before the comparison (5 per code, race-safe) and stays counted; of two parallel
 * uses of one right code exactly one wins. Returns "ok", or why not: "invalid" (wrong, used
 * up, none) or "expired".
 */
export async function checkSmsCode(
  deps: Pick<SmsCodeDeps, "db" | "clock">,
  input: { customerId: number; purpose: SmsCodePurpose; code: string; phone: string },
): Promise<"ok" | "invalid" | "expired"> {
  if (!/^\d{6}$/.test(input.code)) return "invalid";
  try {
    const target = await consumeCode(deps.db, {
      customerId: input.customerId,
      purpose: input.purpose,
      code: input.code,
      now: deps.clock.now(),
    });
    return target === input.phone ? "ok" : "invalid";
  } catch (error) {
    const code = getDomainError(error)?.code;
    if (code === "CODE_EXPIRED") return "expired";
    if (code === "CODE_INVALID") return "invalid";
    throw error;
  }
}
