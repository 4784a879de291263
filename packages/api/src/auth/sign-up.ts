import type { Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
import { enqueueMessage, verificationCodeEmail, verificationCodeSms } from "../messaging";
import { isUniqueViolation } from "../errors/unique-violation";
import { hashPassword } from "../passwords/password-hashing";
import { assertPasswordAllowed } from "../passwords/password-rules";
import { assertNoReservedNames } from "../customer/reserved-names";
import type { RateLimits } from "../rate-limit/rate-limits";
import { addressKey, reserveSms } from "../rate-limit/sms-budget";
import { CODE_TTL_MS, issueCode } from "./verification-codes";

export const STAFF_ONLY_FIELDS = ["deskId", "managerId", "status", "tanChannels", "conversionRateClass", "debitThreshold", "roles"] as const;

export interface SignUpInput {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  phone?: string | undefined;
  preferredLanguage: string;
  brand?: string | undefined;
  deskId?: unknown;
  managerId?: unknown;
  status?: unknown;
  tanChannels?: unknown;
  conversionRateClass?: unknown;
  debitThreshold?: unknown;
  roles?: unknown;
}

const CODE_MINUTES = CODE_TTL_MS / 60_000;

/**
 * Self-service registration (seeds 003 and 004). Checks run in this order: the brand
 * takes registrations, no staff-only field, no reserved name (seed 004), the password
 * policy, a new e-mail. The
 * unique constraint on the (lower-cased) e-mail is what really refuses a duplicate,
 * also when two sign-ups race. A refused sign-up creates nothing.
 *
 * Before all that, the throttles: sign-ups per client address (an hour) and per phone
 * number (a day), each attempt counted. The SMS is sent only within the number's and the
 * address's daily SMS budgets and to allowed calling codes (rate-limit/sms-budget.ts);
 * otherwise the sign-up still succeeds, with `phoneVerificationSent: false`.
 */
export async function signUp(
  deps: { db: Database; clock: Clock; rateLimits: RateLimits },
  input: SignUpInput,
  request: RequestMeta,
) {
  const { db, clock, rateLimits } = deps;
  const address = addressKey(request.ip);
  if (address !== null) await rateLimits.consume("signUpByAddress", address);
  if (input.phone) await rateLimits.consume("signUpByPhone", input.phone);
  const brand = await db.brand.findFirst({
    where: { code: input.brand ?? "default" },
    select: { id: true, enabled: true, selfServiceRegistration: true, displayName: true },
  });
  if (!brand || !brand.enabled || !brand.selfServiceRegistration) throw new DomainError("REGISTRATION_DISABLED");
  const staffOnly = STAFF_ONLY_FIELDS.filter((f) => input[f] !== undefined);
  if (staffOnly.length > 0) {
    throw new DomainError("NON_ADMIN_FIELD", {
      fieldErrors: Object.fromEntries(staffOnly.map((f) => [f, ["Only staff may set this field"]])),
      fieldCodes: Object.fromEntries(staffOnly.map((f) => [f, ["STAFF_ONLY" as const]])),
    });
  }
  assertNoReservedNames({ firstName: input.firstName, lastName: input.lastName });
  const email = input.email.trim().toLowerCase();
  assertPasswordAllowed(input.password, email);
  const passwordHash = await hashPassword(input.password);
  const now = clock.now();
  const sms = input.phone ? await reserveSms(rateLimits, input.phone, request.ip) : null;
  try {
    return await db.$transaction(async (tx) => {
      const customer = await tx.customer.create({
        data: {
          brandId: brand.id,
          email,
          passwordHash,
          firstName: input.firstName,
          lastName: input.lastName,
          phone: input.phone ?? null,
          preferredLanguage: input.preferredLanguage,
          createdAt: now,
        },
        select: { id: true, email: true, phone: true },
      });
      const emailCode = await issueCode(tx, { customerId: customer.id, purpose: "EMAIL_VERIFICATION", target: email, now });
      await enqueueMessage(tx, {
        channel: "EMAIL",
        recipient: email,
        customerId: customer.id,
        ...verificationCodeEmail({ purpose: "email-verification", code: emailCode, expiresInMinutes: CODE_MINUTES, brandName: brand.displayName, language: input.preferredLanguage }),
      });
      if (customer.phone && sms?.send) {
        const smsCode = await issueCode(tx, { customerId: customer.id, purpose: "PHONE_VERIFICATION", target: customer.phone, now });
        await enqueueMessage(tx, {
          channel: "SMS",
          recipient: customer.phone,
          customerId: customer.id,
          ...verificationCodeSms({ code: smsCode, expiresInMinutes: CODE_MINUTES, brandName: brand.displayName, language: input.preferredLanguage }),
        });
      }
      await recordAuditEvent(tx, { kind: "customer.signed_up", customerId: customer.id, request, at: now });
      return { customerId: customer.id, email: customer.email, emailVerificationSent: true, phoneVerificationSent: sms?.send === true };
    });
  } catch (error) {
    if (sms?.send) await sms.release();
    if (isUniqueViolation(error)) throw new DomainError("EMAIL_ALREADY_REGISTERED");
    throw error;
  }
}
