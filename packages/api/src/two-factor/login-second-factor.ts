import type { Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
import type { RateLimits } from "../rate-limit/rate-limits";
import { decryptSecret } from "./secret-box";
import { verifyTotp } from "./totp";

interface OtpState {
  id: number;
  otpEnabled: boolean;
  otpSecretEnc: string | null;
  otpLastStep: bigint | null;
}

/**
 * Seed 002's OTP step of login: OTP_NOT_CONFIGURED (enabled without a secret),
 * OTP_REQUIRED (no code), INVALID_OTP_CODE (wrong or replayed code). An accepted code
 * uses up its time step.
 */
export async function checkLoginSecondFactor(
  deps: { db: Database; clock: Clock; rateLimits: RateLimits },
  customer: OtpState,
  otpCode: string | undefined,
  request: RequestMeta,
): Promise<void> {
  if (!customer.otpEnabled) return;
  if (!customer.otpSecretEnc) throw new DomainError("OTP_NOT_CONFIGURED");
  if (!otpCode) throw new DomainError("OTP_REQUIRED");
  const key = String(customer.id);
  await deps.rateLimits.assertAllowed("otpAttempts", key);
  const now = deps.clock.now();
  const step = await verifyTotp({
    secret: decryptSecret(customer.otpSecretEnc),
    code: otpCode,
    now,
    lastStep: customer.otpLastStep,
  });
  // The conditional update makes two concurrent logins with one code accept it once.
  const accepted =
    step !== null &&
    (
      await deps.db.customer.updateMany({
        where: { id: customer.id, OR: [{ otpLastStep: null }, { otpLastStep: { lt: step } }] },
        data: { otpLastStep: step },
      })
    ).count === 1;
  if (!accepted) {
    await deps.rateLimits.recordFailure("otpAttempts", key);
    await recordAuditEvent(deps.db, { kind: "customer.login_failed", customerId: customer.id, request, data: { reason: "invalid_otp" }, at: now });
    throw new DomainError("INVALID_OTP_CODE");
  }
}
