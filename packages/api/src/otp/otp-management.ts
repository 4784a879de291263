import type { Database } from "@brokerage/db";
import type { RequestMeta } from "../context";
import { requireStepUp } from "../step-up/require-step-up";
import type { StepUpInput } from "@brokerage/validators";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
import { markReauthenticated, requireRecentAuthentication } from "../session/reauthentication";
import type { CustomerSession } from "../session/resolve-session";
import { createSession, revokeSessions, tokensView } from "../session/sessions";
import { enqueueMessage, securityNoticeEmail } from "../messaging";
import { newTotpSecret, provisioningUri, qrCodeDataUrl } from "./provisioning";
import { replaceRecoveryCodes } from "./recovery-codes";
import { decryptSecret, encryptSecret } from "./secret-box";
import { TOTP, verifyTotp } from "./totp";
import { verifySecondFactor, type SecondFactorDeps } from "./verify-second-factor";

/** How long a setup secret may wait for its confirming code. */
export const OTP_SETUP_TTL_MS = 10 * 60 * 1000;

const normalizeSecret = (s: string) => s.replace(/[\s-]/g, "").toUpperCase();

async function loadCustomer(db: Database, customerId: number) {
  return db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { email: true, otpEnabled: true, preferredLanguage: true, brand: { select: { displayName: true } } },
  });
}

export async function otpStatus(db: Database, customerId: number) {
  const [customer, left] = await Promise.all([
    db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { otpEnabled: true } }),
    db.recoveryCode.count({ where: { customerId, usedAt: null } }),
  ]);
  return { otpEnabled: customer.otpEnabled ? (1 as const) : (0 as const), recoveryCodesLeft: customer.otpEnabled ? left : 0 };
}

/**
 * Seed 002 `GET /customer/auth/otp`: a new secret and its provisioning URI (and a QR
 * image of it). It does not enable anything; the secret waits server-side, encrypted,
 * for OTP_SETUP_TTL_MS, so enabling works only with a secret the server issued.
 */
export async function setupOtp(deps: SecondFactorDeps, customerId: number) {
  const customer = await loadCustomer(deps.db, customerId);
  const now = deps.clock.now();
  const secret = newTotpSecret();
  await deps.db.$transaction([
    deps.db.otpSetup.deleteMany({ where: { customerId } }),
    deps.db.otpSetup.create({
      data: { customerId, secretEnc: encryptSecret(secret), createdAt: now, expiresAt: new Date(now.getTime() + OTP_SETUP_TTL_MS) },
    }),
  ]);
  const otpUrl = provisioningUri({ issuer: customer.brand.displayName, account: customer.email, secret });
  return {
    otpUrl,
    secret,
    algorithm: TOTP.algorithm,
    digits: TOTP.digits,
    period: TOTP.period,
    qrCode: await qrCodeDataUrl(otpUrl),
    expiresAt: new Date(now.getTime() + OTP_SETUP_TTL_MS).toISOString(),
  };
}

/**
 * Seed 002 `PUT /customer/auth/otp`: enable, or replace (then `currentCode` from the
 * old secret, or a recovery code, is required too). Success issues new recovery codes
 * (shown once), ends every session of the customer and opens a new one for the caller.
 */
export async function enableOtp(
  deps: SecondFactorDeps,
  input: { customerId: number; sessionId: string; secret: string; code: string; currentCode?: string | undefined },
  request: RequestMeta,
) {
  const { db } = deps;
  const customer = await loadCustomer(db, input.customerId);
  // Enabling needs a recent proof of the holder; replacing proves it with current_code.
  if (!customer.otpEnabled) await requireRecentAuthentication(deps, { sessionId: input.sessionId, customerId: input.customerId });
  const now = deps.clock.now();
  const setup = await db.otpSetup.findFirst({
    where: { customerId: input.customerId, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
  });
  const secret = setup ? decryptSecret(setup.secretEnc) : null;
  if (!secret || secret !== normalizeSecret(input.secret)) {
    throw new DomainError("INVALID_DATA", {
      fieldErrors: { secret: ["This setup secret was not issued to you or has expired; start the setup again"] }, fieldCodes: { secret: ["EXPIRED"] },
    });
  }
  if (customer.otpEnabled) {
    if (!input.currentCode) throw new DomainError("OTP_REQUIRED", { message: "current_code is required to replace OTP" });
    await verifySecondFactor(deps, { customerId: input.customerId, code: input.currentCode, allowRecoveryCode: true, purpose: "replace" }, request);
  }
  await deps.rateLimits.consume("otpAttempts", String(input.customerId));
  const step = await verifyTotp({ secret, code: input.code.trim(), now, lastStep: null });
  if (step === null) throw new DomainError("INVALID_OTP_CODE");
  await deps.rateLimits.reward("otpAttempts", String(input.customerId));
  const current = await db.session.findUniqueOrThrow({ where: { id: input.sessionId }, select: { kind: true } });
  const replaced = customer.otpEnabled;
  const result = await db.$transaction(async (tx) => {
    await tx.customer.update({
      where: { id: input.customerId },
      data: { otpEnabled: true, otpSecretEnc: encryptSecret(secret), otpLastStep: step },
    });
    await tx.otpSetup.deleteMany({ where: { customerId: input.customerId } });
    const recoveryCodes = await replaceRecoveryCodes(tx, input.customerId, now);
    await revokeSessions(tx, { customerId: input.customerId }, now);
    const session = await createSession(tx, { customerId: input.customerId, kind: current.kind, request, now });
    await enqueueMessage(tx, {
      channel: "EMAIL",
      recipient: customer.email,
      customerId: input.customerId,
      ...securityNoticeEmail({
        event: { kind: replaced ? "otp-replaced" : "otp-enabled" },
        at: now,
        brandName: customer.brand.displayName,
        language: customer.preferredLanguage,
      }),
    });
    await recordAuditEvent(tx, { kind: replaced ? "customer.otp_replaced" : "customer.otp_enabled", customerId: input.customerId, request, at: now });
    return { recoveryCodes, session };
  });
  return { otpEnabled: 1 as const, replaced, ...result };
}

/** Seed 002 `POST /customer/auth/otp/check`. */

/**
 * enableOtp as the router answers it: the caller's session is replaced, so API callers get
 * their new tokens here (the web portal reissues its cookie in a server action instead).
 */
export async function enableOtpForCaller(
  deps: SecondFactorDeps,
  input: Parameters<typeof enableOtp>[1],
  request: RequestMeta,
) {
  const result = await enableOtp(deps, input, request);
  const tokens = result.session.tokens;
  return {
    otpEnabled: result.otpEnabled,
    replaced: result.replaced,
    recoveryCodes: result.recoveryCodes,
    ...(tokens ? tokensView(tokens) : {}),
  };
}

export async function checkOtp(deps: SecondFactorDeps, customerId: number, code: string, request: RequestMeta) {
  await verifySecondFactor(deps, { customerId, code, allowRecoveryCode: false, purpose: "check" }, request);
  return { data: "OK" as const };
}

/**
 * Seed 002 `DELETE /customer/auth/otp`: removes the secret and the recovery codes. A code
 * given inline (a current TOTP code, or a recovery code for a lost phone) is both the
 * re-authentication and the confirmation; without one, the step-up flow (issue 16) asks for
 * a confirmation by a channel the customer has (the authenticator app, SMS). Every other
 * session of the customer ends.
 */
export async function disableOtp(
  deps: SecondFactorDeps,
  session: CustomerSession,
  input: { code?: string | undefined; stepUp?: StepUpInput | undefined },
  request: RequestMeta,
) {
  const { customerId } = session;
  if (input.code !== undefined) {
    await verifySecondFactor(deps, { customerId, code: input.code, allowRecoveryCode: true, purpose: "disable" }, request);
  } else {
    const configured = await deps.db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { otpEnabled: true } });
    if (!configured.otpEnabled) throw new DomainError("OTP_NOT_CONFIGURED");
    await requireStepUp(
      deps,
      session,
      {
        operation: "otp.disable",
        params: { factor: "totp" },
        summary: {
          en: "turning off two-factor authentication with your authenticator app",
          de: "Deaktivieren der Zwei-Faktor-Authentifizierung per Authenticator-App",
        },
      },
      input.stepUp,
      request,
    );
  }
  const now = deps.clock.now();
  const customer = await loadCustomer(deps.db, customerId);
  await deps.db.$transaction(async (tx) => {
    const left = await tx.customer.update({
      where: { id: customerId },
      data: { otpEnabled: false, otpSecretEnc: null, defaultSecondFactor: null },
      select: { smsOtpEnabled: true },
    });
    // Recovery codes stand in for text messages too: they stay while that factor is on.
    if (!left.smsOtpEnabled) await tx.recoveryCode.deleteMany({ where: { customerId } });
    await tx.otpSetup.deleteMany({ where: { customerId } });
    await revokeSessions(tx, { customerId, id: { not: session.sessionId } }, now);
    await tx.session.update({ where: { id: session.sessionId }, data: { reauthenticatedAt: now } });
    await enqueueMessage(tx, {
      channel: "EMAIL",
      recipient: customer.email,
      customerId,
      ...securityNoticeEmail({ event: { kind: "otp-disabled" }, at: now, brandName: customer.brand.displayName, language: customer.preferredLanguage }),
    });
    await recordAuditEvent(tx, { kind: "customer.otp_disabled", customerId, request, at: now });
  });
  return { otpEnabled: 0 as const };
}

/**
 * A new set of recovery codes (the old ones stop working). Confirmed by a current code of
 * the app (`code`), or by the step-up confirmation with any factor that is on: customers
 * with text messages alone confirm by an SMS code. Without any factor: OTP_NOT_CONFIGURED.
 */
export async function regenerateRecoveryCodes(
  deps: SecondFactorDeps,
  session: CustomerSession,
  input: { code?: string | undefined; stepUp?: StepUpInput | undefined },
  request: RequestMeta,
) {
  const { customerId } = session;
  if (input.code !== undefined) {
    await verifySecondFactor(deps, { customerId, code: input.code, allowRecoveryCode: false, purpose: "recovery_codes" }, request);
    await markReauthenticated(deps.db, session.sessionId, deps.clock.now());
  } else {
    const factors = await deps.db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { otpEnabled: true, smsOtpEnabled: true } });
    if (!factors.otpEnabled && !factors.smsOtpEnabled) throw new DomainError("OTP_NOT_CONFIGURED");
    await requireStepUp(
      deps,
      session,
      {
        operation: "otp.regenerateRecoveryCodes",
        params: {},
        summary: { en: "creating new recovery codes", de: "Erstellen neuer Wiederherstellungscodes" },
      },
      input.stepUp,
      request,
    );
  }
  const now = deps.clock.now();
  const recoveryCodes = await deps.db.$transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, customerId, now);
    await recordAuditEvent(tx, { kind: "customer.recovery_codes_regenerated", customerId, request, at: now });
    return codes;
  });
  return { recoveryCodes };
}
