import type { Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
import { enqueueMessage, securityNoticeEmail, verificationCodeEmail } from "../messaging";
import type { RateLimits } from "../rate-limit/rate-limits";
import { hashPassword } from "../passwords/password-hashing";
import { assertPasswordAllowed } from "../passwords/password-rules";
import { revokeSessions } from "../session/sessions";
import { verifySecondFactor } from "../otp/verify-second-factor";
import { CODE_TTL_MS, consumeCode, issueCode } from "./verification-codes";

interface Deps {
  db: Database;
  clock: Clock;
  rateLimits: RateLimits;
}

/**
 * Seed 003's forgotten password, step 1: a 6-digit code by e-mail. The answer is the
 * same whether or not the address is registered (and the throttle applies to both).
 */
export async function requestPasswordReset(deps: Deps, rawEmail: string, request: RequestMeta) {
  const email = rawEmail.trim().toLowerCase();
  await deps.rateLimits.consume("passwordResetByAddress", request.ip ?? "unknown");
  await deps.rateLimits.consume("passwordResetByAccount", email);
  const now = deps.clock.now();
  const customer = await deps.db.customer.findUnique({
    where: { email },
    select: { id: true, status: true, preferredLanguage: true, brand: { select: { displayName: true } } },
  });
  if (customer && customer.status === 0) {
    await deps.db.$transaction(async (tx) => {
      const code = await issueCode(tx, { customerId: customer.id, purpose: "PASSWORD_RESET", target: email, now });
      await enqueueMessage(tx, {
        channel: "EMAIL",
        recipient: email,
        customerId: customer.id,
        ...verificationCodeEmail({ purpose: "password-reset", code, expiresInMinutes: CODE_TTL_MS / 60_000, brandName: customer.brand.displayName, language: customer.preferredLanguage }),
      });
      await recordAuditEvent(tx, { kind: "customer.password_reset_requested", customerId: customer.id, request, at: now });
    });
  }
  return { sent: true as const };
}

/**
 * Step 2: the code, a new password and its confirmation. The old password stops
 * working and every session ends; the customer is told by e-mail.
 */
export async function resetPassword(
  deps: Deps,
  input: { email: string; code: string; password: string; otpCode?: string | undefined },
  request: RequestMeta,
) {
  const email = input.email.trim().toLowerCase();
  const now = deps.clock.now();
  // Policy and hashing come before the lookup, so a registered and an unknown address
  // get the same answers in the same time.
  assertPasswordAllowed(input.password, email);
  const passwordHash = await hashPassword(input.password);
  const customer = await deps.db.customer.findUnique({
    where: { email },
    select: { id: true, status: true, otpEnabled: true, preferredLanguage: true, brand: { select: { displayName: true } } },
  });
  // Tries across every code sent to this address (registered or not, so the 429 tells
  // nothing); a right code gives its try back. The owner hears of the first refusal.
  await deps.rateLimits.consume("passwordResetCodeByAccount", email, {
    onLimitReached: async () => {
      if (customer && customer.status === 0) await alertResetCodeLimit(deps, { customerId: customer.id, email, brandName: customer.brand.displayName, language: customer.preferredLanguage }, request);
    },
  });
  if (!customer || customer.status !== 0) throw new DomainError("CODE_INVALID");
  const codeInput = { customerId: customer.id, purpose: "PASSWORD_RESET" as const, code: input.code, now };
  if (customer.otpEnabled) {
    // The e-mail alone does not undo two-factor: the second factor (or a recovery code) is
    // needed too. The reset code is checked first (only its holder learns that two-factor
    // is on) and stays usable until the second factor passes.
    await consumeCode(deps.db, { ...codeInput, keepAlive: true });
    // The reset code was right: what follows is the second factor's business (its own throttle).
    const giveBack = () => deps.rateLimits.reward("passwordResetCodeByAccount", email);
    if (!input.otpCode) {
      await giveBack();
      throw new DomainError("OTP_REQUIRED");
    }
    await verifySecondFactor(deps, { customerId: customer.id, code: input.otpCode, allowRecoveryCode: true, purpose: "password_reset" }, request).catch(
      async (error: unknown) => {
        await giveBack();
        throw error;
      },
    );
  }
  // The code is used up on its own, so a wrong one counts a try whatever follows.
  await consumeCode(deps.db, codeInput);
  await deps.rateLimits.reward("passwordResetCodeByAccount", email);
  await deps.db.$transaction(async (tx) => {
    await tx.customer.update({ where: { id: customer.id }, data: { passwordHash } });
    await revokeSessions(tx, { customerId: customer.id }, now);
    // A reset is what an owner does after losing control: no device keeps its standing.
    await tx.knownDevice.deleteMany({ where: { customerId: customer.id } });
    await enqueueMessage(tx, {
      channel: "EMAIL",
      recipient: email,
      customerId: customer.id,
      ...securityNoticeEmail({ event: { kind: "password-reset" }, at: now, brandName: customer.brand.displayName, language: customer.preferredLanguage }),
    });
    await recordAuditEvent(tx, { kind: "customer.password_reset", customerId: customer.id, request, at: now });
  });
  for (const name of ["loginByAccount", "loginByAccountHour", "loginByAccountDay"] as const) {
    await deps.rateLimits.reset(name, email);
  }
  return { passwordChanged: true as const };
}

/** The e-mail (and audit event) when too many wrong reset codes were tried for an account. */
async function alertResetCodeLimit(
  deps: Deps,
  input: { customerId: number; email: string; brandName: string; language: string },
  request: RequestMeta,
) {
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    await enqueueMessage(tx, {
      channel: "EMAIL",
      recipient: input.email,
      customerId: input.customerId,
      ...securityNoticeEmail({
        event: { kind: "password-reset-paused" },
        at: now,
        brandName: input.brandName,
        language: input.language,
      }),
    });
    await recordAuditEvent(tx, { kind: "customer.reset_code_limit_reached", customerId: input.customerId, request, at: now });
  });
}
