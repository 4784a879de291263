import type { Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
import type { RateLimits } from "../rate-limit/rate-limits";
import { looksLikeRecoveryCode, useRecoveryCode } from "./recovery-codes";
import { decryptSecret } from "./secret-box";
import { verifyTotp } from "./totp";

export interface SecondFactorDeps {
  db: Database;
  clock: Clock;
  rateLimits: RateLimits;
}

/** Accepts a TOTP code for `secret` and uses up its time step (conditional, race-safe). */
export async function acceptTotpCode(
  db: Database,
  customerId: number,
  secret: string,
  code: string,
  now: Date,
  lastStep: bigint | null,
): Promise<boolean> {
  const step = await verifyTotp({ secret, code, now, lastStep });
  if (step === null) return false;
  const updated = await db.customer.updateMany({
    where: { id: customerId, OR: [{ otpLastStep: null }, { otpLastStep: { lt: step } }] },
    data: { otpLastStep: step },
  });
  return updated.count === 1;
}

/**
 * Checks a code against the customer's enabled second factor: a TOTP code (any use:
 * login, check, replace, disable), or, where allowed, a one-time recovery code. Every
 * try takes a point first (5 in 15 minutes per customer, then 429); a right code gives
 * its point back.
 */
export async function verifySecondFactor(
  deps: SecondFactorDeps,
  input: { customerId: number; code: string; allowRecoveryCode: boolean; purpose: string },
  request: RequestMeta,
): Promise<"totp" | "recovery"> {
  const key = String(input.customerId);
  // Without two-factor there is nothing to guess: answered before a point is taken.
  const configured = await deps.db.customer.findUniqueOrThrow({ where: { id: input.customerId }, select: { otpEnabled: true, otpSecretEnc: true } });
  if (!configured.otpEnabled || !configured.otpSecretEnc) throw new DomainError("OTP_NOT_CONFIGURED");
  await deps.rateLimits.consume("otpAttempts", key);
  // Read again after the point is taken, so the time step used is the current one.
  const customer = await deps.db.customer.findUniqueOrThrow({
    where: { id: input.customerId },
    select: { otpEnabled: true, otpSecretEnc: true, otpLastStep: true },
  });
  if (!customer.otpEnabled || !customer.otpSecretEnc) throw new DomainError("OTP_NOT_CONFIGURED");
  const now = deps.clock.now();
  let accepted: "totp" | "recovery" | null = null;
  if (/^\d{6}$/.test(input.code.trim())) {
    const secret = decryptSecret(customer.otpSecretEnc);
    if (await acceptTotpCode(deps.db, input.customerId, secret, input.code.trim(), now, customer.otpLastStep)) accepted = "totp";
  } else if (input.allowRecoveryCode && looksLikeRecoveryCode(input.code)) {
    if (await useRecoveryCode(deps.db, input.customerId, input.code, now)) accepted = "recovery";
  }
  if (!accepted) {
    await recordAuditEvent(deps.db, {
      kind: "customer.otp_failed",
      customerId: input.customerId,
      request,
      data: { purpose: input.purpose },
      at: now,
    });
    throw new DomainError("INVALID_OTP_CODE");
  }
  await deps.rateLimits.reward("otpAttempts", key);
  return accepted;
}
