import { STEP_UP_RESEND_SECONDS, type StepUpChannel } from "@brokerage/validators";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
import { reserveSms } from "../rate-limit/sms-budget";
import { CODE_TTL_MS } from "../auth/verification-codes";
import type { CustomerSession } from "../session/resolve-session";
import { maskDestination } from "./channels";
import { sendStepUpCode } from "./codes";
import { assertChallengeLive, findOwnChallenge, type StepUpDeps } from "./require-step-up";

/** Codes one challenge may send (the customer can also switch channels). */
export const MAX_SENDS_PER_CHALLENGE = 3;

/**
 * `stepUp.send({ challengeId, channel })`: picks the channel a challenge is confirmed with
 * and, for `sms` and `email`, sends a new 6-digit code (the previous one dies). Another
 * customer's or session's challenge is 404; a used or expired one STEP_UP_USED /
 * STEP_UP_EXPIRED; a channel the challenge does not offer INVALID_DATA. Throttles: 30 s
 * between codes of one challenge and 3 codes each, 5 codes in 10 minutes per customer, and
 * for SMS the daily budgets per number and address (429 TOO_MANY_ATTEMPTS with
 * `retryAfterSeconds`). `totp` sends nothing: the code comes from the authenticator app.
 */
export async function sendStepUpChallengeCode(
  deps: StepUpDeps,
  session: CustomerSession,
  input: { challengeId: string; channel: StepUpChannel },
  request: RequestMeta,
) {
  const now = deps.clock.now();
  const row = await findOwnChallenge(deps.db, session, input.challengeId);
  if (!row) throw new DomainError("NOT_FOUND");
  assertChallengeLive(row, now);
  if (!row.channels.includes(input.channel)) {
    throw new DomainError("INVALID_DATA", {
      message: `This confirmation offers ${row.channels.join(", ")}`,
      fieldErrors: { channel: ["This channel is not available for this confirmation"] },
      fieldCodes: { channel: ["NOT_ALLOWED"] },
    });
  }
  const expiresAt = row.expiresAt.toISOString();
  if (input.channel === "totp") {
    await deps.db.stepUpChallenge.updateMany({ where: { id: row.id, consumedAt: null }, data: { channel: null, codeId: null } });
    return { channel: input.channel, sent: false as const, destination: null, expiresAt, resendAfterSeconds: 0 };
  }

  const wait = row.lastSentAt ? STEP_UP_RESEND_SECONDS * 1000 - (now.getTime() - row.lastSentAt.getTime()) : 0;
  if (wait > 0) throw new DomainError("TOO_MANY_ATTEMPTS", { details: { retryAfterSeconds: Math.ceil(wait / 1000) } });
  if (row.sendCount >= MAX_SENDS_PER_CHALLENGE) {
    throw new DomainError("TOO_MANY_ATTEMPTS", {
      message: "No more codes for this confirmation: start the operation again",
      details: { retryAfterSeconds: Math.max(1, Math.ceil((row.expiresAt.getTime() - now.getTime()) / 1000)) },
    });
  }

  const customer = await deps.db.customer.findUniqueOrThrow({
    where: { id: session.customerId },
    select: { email: true, phone: true, preferredLanguage: true, brand: { select: { displayName: true } } },
  });
  const target = input.channel === "sms" ? customer.phone : customer.email;
  // The challenge offered it when made; a phone removed since cannot get codes.
  if (!target) throw new DomainError("STEP_UP_UNAVAILABLE");

  await deps.rateLimits.consume("stepUpSend", String(session.customerId));
  const sms = input.channel === "sms" ? await reserveSms(deps.rateLimits, target, request.ip) : null;
  if (sms && !sms.send) {
    throw sms.reason === "budget"
      ? new DomainError("TOO_MANY_ATTEMPTS")
      : new DomainError("INVALID_DATA", {
          fieldErrors: { channel: ["Text messages cannot be sent to this number's country"] },
          fieldCodes: { channel: ["COUNTRY_NOT_SUPPORTED"] },
        });
  }

  const codeId = crypto.randomUUID();
  const ttlMs = Math.min(CODE_TTL_MS, row.expiresAt.getTime() - now.getTime());
  try {
    await deps.db.$transaction(async (tx) => {
      // Conditional on the cool-down, so two parallel sends queue one code.
      const claimed = await tx.stepUpChallenge.updateMany({
        where: {
          id: row.id,
          consumedAt: null,
          sendCount: { lt: MAX_SENDS_PER_CHALLENGE },
          OR: [{ lastSentAt: null }, { lastSentAt: { lte: new Date(now.getTime() - STEP_UP_RESEND_SECONDS * 1000) } }],
        },
        data: { channel: input.channel, codeId, lastSentAt: now, sendCount: { increment: 1 } },
      });
      if (claimed.count !== 1) throw new DomainError("TOO_MANY_ATTEMPTS", { details: { retryAfterSeconds: STEP_UP_RESEND_SECONDS } });
      // The code of the previous send of this challenge dies now.
      if (row.codeId) await tx.verificationCode.updateMany({ where: { id: row.codeId, consumedAt: null }, data: { consumedAt: now } });
      await sendStepUpCode(tx, {
        customerId: session.customerId,
        codeId,
        channel: input.channel as "sms" | "email",
        target,
        summary: row.summary,
        brandName: customer.brand.displayName,
        language: customer.preferredLanguage,
        now,
        ttlMs,
      });
      await recordAuditEvent(tx, {
        kind: "customer.step_up_code_sent",
        customerId: session.customerId,
        request,
        data: { operation: row.operation, channel: input.channel, challengeId: row.id },
        at: now,
      });
    });
  } catch (error) {
    if (sms?.send) await sms.release();
    throw error;
  }
  return {
    channel: input.channel,
    sent: true as const,
    destination: maskDestination(input.channel, target),
    expiresAt,
    resendAfterSeconds: STEP_UP_RESEND_SECONDS,
  };
}
