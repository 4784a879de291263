import type { Database } from "@brokerage/db";
import { STEP_UP_MAX_TRIES, STEP_UP_TTL_SECONDS, type StepUpChannel, type StepUpInput, type SupportedLocale } from "@brokerage/validators";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError, getDomainError } from "../errors";
import { messageLocale } from "../messaging";
import { verifySecondFactor } from "../otp/verify-second-factor";
import type { RateLimits } from "../rate-limit/rate-limits";
import { markReauthenticated, requireRecentAuthentication } from "../session/reauthentication";
import type { CustomerSession } from "../session/resolve-session";
import { bindingHash, type BoundValue, type StepUpOperation } from "./binding";
import { stepUpChannels } from "./channels";
import { checkStepUpCode } from "./codes";

export interface StepUpDeps {
  db: Database;
  clock: Clock;
  rateLimits: RateLimits;
}

/** What an operation asks to have confirmed: its name, the parameters that matter, and words for the message. */
export interface StepUpRequest {
  operation: StepUpOperation;
  params: Readonly<Record<string, BoundValue>>;
  /**
   * Shown in the e-mail or SMS, in every locale ("withdrawal of 100.00 USD from account
   * 100002" / "Auszahlung von 100.00 USD von Konto 100002"); no secret. The challenge keeps
   * the one in the customer's language.
   */
  summary: Record<SupportedLocale, string>;
  /**
   * For changes of the contact details themselves: a customer with no channel at all (no
   * second factor, e-mail not verified) changes them with the re-authentication alone,
   * instead of 403 EMAIL_NOT_VERIFIED (there is no confirmed contact to protect, and a
   * mistyped address must stay correctable).
   */
  reauthenticationWithoutChannel?: boolean;
}

export const challengeSelect = {
  id: true,
  customerId: true,
  sessionId: true,
  operation: true,
  paramsHash: true,
  summary: true,
  channels: true,
  channel: true,
  codeId: true,
  sendCount: true,
  lastSentAt: true,
  attempts: true,
  expiresAt: true,
  consumedAt: true,
} as const;

/** The caller's own challenge (same customer and session), or null: another's is indistinguishable from none. */
export async function findOwnChallenge(db: Database, session: CustomerSession, challengeId: string) {
  return db.stepUpChallenge.findFirst({
    where: { id: challengeId, customerId: session.customerId, sessionId: session.sessionId },
    select: challengeSelect,
  });
}

/** A used-up (or out of tries) or expired challenge: the clear code saying so. */
export function assertChallengeLive(row: { consumedAt: Date | null; attempts: number; expiresAt: Date }, now: Date): void {
  if (row.consumedAt || row.attempts >= STEP_UP_MAX_TRIES) throw new DomainError("STEP_UP_USED");
  if (row.expiresAt.getTime() <= now.getTime()) throw new DomainError("STEP_UP_EXPIRED");
}

/**
 * The one line an operation calls before it changes anything:
 *
 *     await requireStepUp(ctx, ctx.session, { operation, params, summary }, input.stepUp, ctx.request);
 *
 * Without `stepUp`: re-authentication first (401 REAUTH_REQUIRED), then a new challenge for
 * this session, operation and parameters, answered as 403 STEP_UP_REQUIRED with
 * `details.channels`, `details.challengeId` and `details.expiresAt`. With it: the challenge
 * must be the caller's (same customer and session), for this operation and these very
 * parameters (STEP_UP_MISMATCH), unused (STEP_UP_USED) and younger than 5 minutes
 * (STEP_UP_EXPIRED); then one of its 5 tries is taken and the code checked against the
 * channel it was sent by (the authenticator app when none was): INVALID_OTP_CODE (TOTP) or
 * CODE_INVALID / CODE_EXPIRED (SMS, e-mail) with `details.triesLeft`. A right code uses the
 * challenge up (of two parallel uses exactly one passes). A TOTP or SMS code counts as
 * re-authentication; an e-mailed one does not, so with it the re-authentication must be
 * recent (checked before the code is tried).
 */
export async function requireStepUp(
  deps: StepUpDeps,
  session: CustomerSession,
  what: StepUpRequest,
  stepUp: StepUpInput | undefined,
  request: RequestMeta,
): Promise<{ channel: StepUpChannel | null }> {
  const hash = bindingHash(what.operation, what.params);
  if (!stepUp) {
    await requireRecentAuthentication(deps, session);
    const challenge = await newChallenge(deps, session, what, hash).catch((error: unknown) => {
      if (what.reauthenticationWithoutChannel && getDomainError(error)?.code === "EMAIL_NOT_VERIFIED") return null;
      throw error;
    });
    // No channel to confirm by, and the operation allows that: the re-authentication suffices.
    if (challenge === null) return { channel: null };
    throw challenge;
  }
  const now = deps.clock.now();
  const row = await findOwnChallenge(deps.db, session, stepUp.challengeId);
  if (!row) throw new DomainError("STEP_UP_MISMATCH");
  assertChallengeLive(row, now);
  if (row.operation !== what.operation || row.paramsHash !== hash) throw new DomainError("STEP_UP_MISMATCH");

  const channel: StepUpChannel | null = row.channel === "sms" || row.channel === "email" ? row.channel : row.channels.includes("totp") ? "totp" : null;
  if (channel === null) {
    throw new DomainError("CODE_INVALID", {
      message: "No code was sent for this confirmation yet: ask for one (stepUp.send)",
      details: { challengeId: row.id, triesLeft: STEP_UP_MAX_TRIES - row.attempts },
    });
  }
  // An e-mailed code is no second factor: the session must have proved its holder lately.
  if (channel === "email") await requireRecentAuthentication(deps, session);

  // Wrong SMS/e-mail codes are counted per customer too: a new challenge brings no new guesses.
  if (channel !== "totp") await deps.rateLimits.consume("stepUpCodeAttempts", String(session.customerId));
  // The try is taken before the code is compared, so parallel guesses never get a sixth.
  const tried = await deps.db.stepUpChallenge.updateMany({
    where: { id: row.id, consumedAt: null, attempts: { lt: STEP_UP_MAX_TRIES } },
    data: { attempts: { increment: 1 } },
  });
  if (tried.count !== 1) throw new DomainError("STEP_UP_USED");
  const triesLeft = STEP_UP_MAX_TRIES - row.attempts - 1;

  try {
    if (channel === "totp") {
      await verifySecondFactor(deps, { customerId: session.customerId, code: stepUp.code, allowRecoveryCode: false, purpose: `step-up:${what.operation}` }, request);
    } else {
      if (!row.codeId) throw new DomainError("CODE_INVALID");
      await checkStepUpCode(deps.db, { customerId: session.customerId, codeId: row.codeId, code: stepUp.code, now });
    }
  } catch (error) {
    const refusal = getDomainError(error);
    if (refusal && (refusal.code === "INVALID_OTP_CODE" || refusal.code === "CODE_INVALID" || refusal.code === "CODE_EXPIRED")) {
      if (channel !== "totp") {
        await recordAuditEvent(deps.db, { kind: "customer.step_up_failed", customerId: session.customerId, request, data: { operation: what.operation, channel }, at: now });
      }
      throw new DomainError(refusal.code, { details: { challengeId: row.id, triesLeft } });
    }
    throw error;
  }

  // Conditional: of two parallel uses with right codes, exactly one passes.
  const used = await deps.db.stepUpChallenge.updateMany({ where: { id: row.id, consumedAt: null }, data: { consumedAt: now } });
  if (used.count !== 1) throw new DomainError("STEP_UP_USED");
  if (channel !== "totp") await deps.rateLimits.reward("stepUpCodeAttempts", String(session.customerId));
  if (channel !== "email") await markReauthenticated(deps.db, session.sessionId, now);
  await recordAuditEvent(deps.db, {
    kind: "customer.step_up_confirmed",
    customerId: session.customerId,
    request,
    data: { operation: what.operation, channel, challengeId: row.id },
    at: now,
  });
  return { channel };
}

async function newChallenge(deps: StepUpDeps, session: CustomerSession, what: StepUpRequest, hash: string): Promise<DomainError> {
  // The code is sent later, from the stored challenge alone (the operation's parameters are
  // gone by then), so the summary is stored in the language the message will be written in.
  const { channels, preferredLanguage } = await stepUpChannels(deps.db, session.customerId);
  await deps.rateLimits.consume("stepUpChallenge", String(session.customerId));
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + STEP_UP_TTL_SECONDS * 1000);
  const row = await deps.db.stepUpChallenge.create({
    data: {
      customerId: session.customerId,
      sessionId: session.sessionId,
      operation: what.operation,
      paramsHash: hash,
      summary: what.summary[messageLocale(preferredLanguage)],
      channels,
      expiresAt,
      createdAt: now,
    },
    select: { id: true },
  });
  return new DomainError("STEP_UP_REQUIRED", {
    details: { channels, challengeId: row.id, expiresAt: expiresAt.toISOString(), operation: what.operation },
  });
}
