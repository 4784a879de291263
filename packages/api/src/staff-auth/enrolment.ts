// Staff TOTP enrolment (mandatory): a member without TOTP gets a session that can only
// call these (staffProcedure.enrolment()). The secret is issued and kept server-side,
// encrypted, for 10 minutes; a code from it enables TOTP, uses up its time step, issues
// recovery codes (shown once, stored hashed) and ends the member's other sessions.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { RequestMeta } from "../context";
import { DomainError } from "../errors";
import { newTotpSecret, provisioningUri, qrCodeDataUrl } from "../otp/provisioning";
import { decryptSecret, encryptSecret } from "../otp/secret-box";
import { TOTP, verifyTotp } from "../otp/totp";
import { staffOtpIssuer } from "./brand-issuer";
import { endStaffSessions } from "./staff-sessions";
import { replaceStaffRecoveryCodes, type StaffSecondFactorDeps } from "./staff-second-factor";

export const STAFF_OTP_SETUP_TTL_MS = 10 * 60 * 1000;

interface EnrollingSession {
  sessionId: string;
  staffId: number;
}

/** Who is enrolling (the enrolment page's heading); only reachable before enrolment. */
export async function staffEnrolmentStatus(deps: StaffSecondFactorDeps, session: EnrollingSession) {
  const staff = await deps.db.staff.findUniqueOrThrow({
    where: { id: session.staffId },
    select: { email: true, name: true, role: true, otpEnabled: true },
  });
  return { ...staff, issuer: await staffOtpIssuer(deps.db) };
}

/**
 * A new secret, its otpauth:// URI (issuer = the brand's display name) and a QR image.
 * Enables nothing; a newer setup replaces an older one.
 */
export async function setupStaffOtp(deps: StaffSecondFactorDeps, session: EnrollingSession) {
  const now = deps.clock.now();
  const staff = await deps.db.staff.findUniqueOrThrow({
    where: { id: session.staffId },
    select: { email: true },
  });
  const issuer = await staffOtpIssuer(deps.db);
  const secret = newTotpSecret();
  const expiresAt = new Date(now.getTime() + STAFF_OTP_SETUP_TTL_MS);
  await deps.db.staff.update({
    where: { id: session.staffId },
    data: { otpSetupSecretEnc: encryptSecret(secret), otpSetupExpiresAt: expiresAt },
  });
  const otpUrl = provisioningUri({ issuer, account: staff.email, secret });
  return {
    otpUrl,
    secret,
    issuer,
    account: staff.email,
    algorithm: TOTP.algorithm,
    digits: TOTP.digits,
    period: TOTP.period,
    qrCode: await qrCodeDataUrl(otpUrl),
    expiresAt: expiresAt.toISOString(),
  };
}

/**
 * Confirms the setup with a code from the app. Wrong codes are throttled
 * (staffOtpAttempts) and audited; the accepted code's time step is used up, so the same
 * code cannot sign in afterwards. Returns the recovery codes, to be shown once.
 */
export async function enableStaffOtp(
  deps: StaffSecondFactorDeps,
  session: EnrollingSession,
  code: string,
  request: RequestMeta,
) {
  const { db } = deps;
  const key = String(session.staffId);
  await deps.rateLimits.consume("staffOtpAttempts", key);
  const now = deps.clock.now();
  const staff = await db.staff.findUniqueOrThrow({
    where: { id: session.staffId },
    select: { otpSetupSecretEnc: true, otpSetupExpiresAt: true },
  });
  if (!staff.otpSetupSecretEnc || !staff.otpSetupExpiresAt || staff.otpSetupExpiresAt <= now) {
    throw new DomainError("INVALID_DATA", {
      message: "No setup is waiting, or it has expired: start the setup again",
      fieldErrors: { code: ["The setup has expired; start again to get a new key"] }, fieldCodes: { code: ["EXPIRED"] },
    });
  }
  const secret = decryptSecret(staff.otpSetupSecretEnc);
  const step = await verifyTotp({ secret, code: code.trim(), now, lastStep: null });
  if (step === null) {
    await recordAuditEvent(db, {
      kind: "staff.otp_failed",
      staffId: session.staffId,
      request,
      data: { purpose: "enrol" },
      at: now,
    });
    throw new DomainError("INVALID_OTP_CODE");
  }
  const recoveryCodes = await db.$transaction(async (tx) => {
    // Conditional on the very setup that was checked: of two parallel confirmations one wins.
    const enabled = await tx.staff.updateMany({
      where: { id: session.staffId, otpEnabled: false, otpSetupSecretEnc: staff.otpSetupSecretEnc },
      data: {
        otpEnabled: true,
        otpSecretEnc: encryptSecret(secret),
        otpLastStep: step,
        otpSetupSecretEnc: null,
        otpSetupExpiresAt: null,
      },
    });
    if (enabled.count !== 1) return null;
    const codes = await replaceStaffRecoveryCodes(tx, session.staffId, now);
    await endStaffSessions(tx, { staffId: session.staffId, id: { not: session.sessionId } }, now);
    await recordAuditEvent(tx, {
      kind: "staff.otp_enrolled",
      staffId: session.staffId,
      request,
      at: now,
    });
    return codes;
  });
  if (!recoveryCodes) throw new DomainError("INVALID_OTP_CODE");
  await deps.rateLimits.reward("staffOtpAttempts", key);
  return { otpEnabled: true as const, recoveryCodes };
}
