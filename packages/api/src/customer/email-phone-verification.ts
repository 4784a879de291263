import type { Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
import { enqueueMessage, verificationCodeEmail, verificationCodeSms } from "../messaging";
import type { RateLimits } from "../rate-limit/rate-limits";
import { reserveSms } from "../rate-limit/sms-budget";
import { CODE_TTL_MS, consumeCode, issueCode } from "../auth/verification-codes";

interface Deps {
  db: Database;
  clock: Clock;
  rateLimits: RateLimits;
}

export type Channel = "email" | "phone";

const PURPOSE = { email: "EMAIL_VERIFICATION", phone: "PHONE_VERIFICATION" } as const;

async function contact(db: Database, customerId: number) {
  return db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { email: true, phone: true, emailVerifiedAt: true, phoneVerifiedAt: true, preferredLanguage: true, brand: { select: { displayName: true } } },
  });
}

/** Confirms the e-mail address (6 digits) or phone number (4 digits, seed 003). */
export async function verifyContact(
  deps: Deps,
  input: { customerId: number; channel: Channel; code: string },
  request: RequestMeta,
) {
  const now = deps.clock.now();
  const c = await contact(deps.db, input.customerId);
  const target = input.channel === "email" ? c.email : c.phone;
  if (!target) throw new DomainError("CODE_INVALID");
  // The code is used up in the transaction that verifies the contact: both happen or
  // neither. A refusal is returned, not thrown, so the try it counted is committed.
  const refusal = await deps.db.$transaction(async (tx) => {
    let codeTarget: string;
    try {
      codeTarget = await consumeCode(tx, { customerId: input.customerId, purpose: PURPOSE[input.channel], code: input.code, now });
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    // A code sent to an address the customer has since changed proves nothing (and is spent).
    if (codeTarget !== target) return new DomainError("CODE_INVALID");
    await tx.customer.update({
      where: { id: input.customerId },
      data: input.channel === "email" ? { emailVerifiedAt: now } : { phoneVerifiedAt: now },
    });
    await recordAuditEvent(tx, {
      kind: input.channel === "email" ? "customer.email_verified" : "customer.phone_verified",
      customerId: input.customerId,
      request,
      at: now,
    });
    return null;
  });
  if (refusal) throw refusal;
  return { verified: true as const };
}

/** A new code (the old one dies), at most 3 in 10 minutes. */
export async function resendContactCode(deps: Deps, input: { customerId: number; channel: Channel }, request?: Pick<RequestMeta, "ip">) {
  const c = await contact(deps.db, input.customerId);
  const target = input.channel === "email" ? c.email : c.phone;
  if (!target) throw new DomainError("INVALID_DATA", { fieldErrors: { channel: ["No phone number on file"] }, fieldCodes: { channel: ["MISSING"] } });
  const already = input.channel === "email" ? c.emailVerifiedAt : c.phoneVerifiedAt;
  if (already) return { sent: false as const, alreadyVerified: true as const };
  await deps.rateLimits.consume("codeResend", `${input.customerId}:${input.channel}`);
  // SMS cost money: the number's and the address's daily budgets, allowed countries only.
  const sms = input.channel === "phone" ? await reserveSms(deps.rateLimits, target, request?.ip) : null;
  if (sms && !sms.send) {
    throw sms.reason === "budget"
      ? new DomainError("TOO_MANY_ATTEMPTS")
      : new DomainError("INVALID_DATA", { fieldErrors: { channel: ["Text messages cannot be sent to this number's country"] }, fieldCodes: { channel: ["COUNTRY_NOT_SUPPORTED"] } });
  }
  const now = deps.clock.now();
  const minutes = CODE_TTL_MS / 60_000;
  await deps.db.$transaction(async (tx) => {
    const code = await issueCode(tx, { customerId: input.customerId, purpose: PURPOSE[input.channel], target, now });
    await enqueueMessage(tx, {
      channel: input.channel === "email" ? "EMAIL" : "SMS",
      recipient: target,
      customerId: input.customerId,
      ...(input.channel === "email"
        ? verificationCodeEmail({ purpose: "email-verification", code, expiresInMinutes: minutes, brandName: c.brand.displayName, language: c.preferredLanguage })
        : verificationCodeSms({ code, expiresInMinutes: minutes, brandName: c.brand.displayName, language: c.preferredLanguage })),
    });
  });
  return { sent: true as const, alreadyVerified: false as const };
}
