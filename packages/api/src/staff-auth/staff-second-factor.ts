// The staff side of the second factor: TOTP codes that use up their time step, one-time
// recovery codes (hashed, table StaffRecoveryCode), and the throttle on wrong codes.
// The TOTP check itself and the code format are the customers' (otp/).
import type { Database, Prisma } from "@brokerage/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { DomainError } from "../errors";
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
} from "../otp/recovery-codes";
import { decryptSecret } from "../otp/secret-box";
import { verifyTotp } from "../otp/totp";
import type { RateLimits } from "../rate-limit/rate-limits";

export interface StaffSecondFactorDeps {
  db: Database;
  clock: Clock;
  rateLimits: RateLimits;
}

/** Replaces the member's recovery codes; returns the new ones, to be shown once. */
export async function replaceStaffRecoveryCodes(
  tx: Pick<Prisma.TransactionClient, "staffRecoveryCode">,
  staffId: number,
  now: Date,
): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.staffRecoveryCode.deleteMany({ where: { staffId } });
  await tx.staffRecoveryCode.createMany({
    data: codes.map((code) => ({ staffId, codeHash: hashRecoveryCode(code), createdAt: now })),
  });
  return codes;
}

/** Uses up a recovery code: true once per code, even when two requests race. */
async function useStaffRecoveryCode(
  db: Database,
  staffId: number,
  code: string,
  now: Date,
): Promise<boolean> {
  const used = await db.staffRecoveryCode.updateMany({
    where: { staffId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: now },
  });
  return used.count === 1;
}

/** Accepts a TOTP code and uses up its time step (conditional: two parallel uses, one wins). */
async function acceptStaffTotp(
  db: Database,
  staff: { id: number; otpSecretEnc: string; otpLastStep: bigint | null },
  code: string,
  now: Date,
): Promise<boolean> {
  const step = await verifyTotp({
    secret: decryptSecret(staff.otpSecretEnc),
    code,
    now,
    lastStep: staff.otpLastStep,
  });
  if (step === null) return false;
  const updated = await db.staff.updateMany({
    where: { id: staff.id, OR: [{ otpLastStep: null }, { otpLastStep: { lt: step } }] },
    data: { otpLastStep: step },
  });
  return updated.count === 1;
}

/**
 * Checks a staff member's TOTP code or one-time recovery code. Every try takes a point
 * first (staffOtpAttempts: 5 in 15 minutes per member, then 429); a right code gives it
 * back. A wrong, replayed or used-up code is INVALID_OTP_CODE, audited.
 */
export async function verifyStaffSecondFactor(
  deps: StaffSecondFactorDeps,
  input: { staffId: number; code: string; purpose: string },
  request: RequestMeta,
): Promise<"totp" | "recovery"> {
  const key = String(input.staffId);
  await deps.rateLimits.consume("staffOtpAttempts", key);
  const staff = await deps.db.staff.findUniqueOrThrow({
    where: { id: input.staffId },
    select: { id: true, otpEnabled: true, otpSecretEnc: true, otpLastStep: true },
  });
  if (!staff.otpEnabled || !staff.otpSecretEnc) throw new DomainError("OTP_NOT_CONFIGURED");
  const now = deps.clock.now();
  const code = input.code.trim();
  let accepted: "totp" | "recovery" | null = null;
  if (/^\d{6}$/.test(code)) {
    if (await acceptStaffTotp(deps.db, { ...staff, otpSecretEnc: staff.otpSecretEnc }, code, now))
      accepted = "totp";
  } else if (looksLikeRecoveryCode(code)) {
    if (await useStaffRecoveryCode(deps.db, staff.id, code, now)) accepted = "recovery";
  }
  if (!accepted) {
    await recordAuditEvent(deps.db, {
      kind: "staff.otp_failed",
      staffId: staff.id,
      request,
      data: { purpose: input.purpose },
      at: now,
    });
    throw new DomainError("INVALID_OTP_CODE");
  }
  await deps.rateLimits.reward("staffOtpAttempts", key);
  return accepted;
}
