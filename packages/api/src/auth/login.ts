import type { Database, SessionKind } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
import type { RateLimits } from "../rate-limit/rate-limits";
import { checkLoginSecondFactor } from "../otp/login-second-factor";
import { customerProfileSelect, listLinkedAccounts, toCustomerProfile } from "../customer/customer-profile";
import { verifyDummyPassword, verifyPassword } from "../passwords/password-hashing";
import { createSession, tokensView } from "../session/sessions";

export interface LoginInput {
  email: string;
  password: string;
  otpCode?: string | undefined;
}

export interface LoginDeps {
  db: Database;
  clock: Clock;
  rateLimits: RateLimits;
}

const addressKey = (request: RequestMeta) => request.ip ?? "unknown";

/**
 * Seed 002's login. Order: the throttle (429), then e-mail and password (one answer for
 * an unknown e-mail and a wrong password, in the same time), then a disabled customer,
 * then the second factor. No session exists until every check has passed.
 */
export async function loginCustomer(deps: LoginDeps, input: LoginInput, request: RequestMeta, kind: SessionKind) {
  const { db, clock, rateLimits } = deps;
  const email = input.email.trim().toLowerCase();
  // Points are taken before the password is checked, so parallel guesses cannot all
  // be tried; a successful login gives them back.
  await rateLimits.consume("loginByAccount", email);
  await rateLimits.consume("loginByAddress", addressKey(request));

  const customer = await db.customer.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, status: true, otpEnabled: true, otpSecretEnc: true, otpLastStep: true },
  });
  const passwordOk = customer
    ? await verifyPassword(customer.passwordHash, input.password)
    : await verifyDummyPassword(input.password);
  const now = clock.now();
  const fail = async (code: "CUSTOMER_NOT_FOUND_OR_INCORRECT" | "CUSTOMER_DISABLED", reason: string) => {
    await recordAuditEvent(db, { kind: "customer.login_failed", customerId: customer?.id ?? null, request, data: { reason }, at: now });
    return new DomainError(code);
  };
  if (!customer || !passwordOk) throw await fail("CUSTOMER_NOT_FOUND_OR_INCORRECT", customer ? "wrong_password" : "unknown_email");
  if (customer.status !== 0) throw await fail("CUSTOMER_DISABLED", "disabled");

  try {
    await checkLoginSecondFactor({ db, clock, rateLimits }, customer, input.otpCode, request);
  } catch (error) {
    // The password was right: asking for the code (or not having one set up) is no failed
    // guess, so the points go back. Wrong codes count in their own throttle.
    if (error instanceof DomainError && (error.code === "OTP_REQUIRED" || error.code === "OTP_NOT_CONFIGURED")) {
      await rateLimits.reward("loginByAccount", email);
      await rateLimits.reward("loginByAddress", addressKey(request));
    }
    throw error;
  }

  const { sessionId, tokens } = await db.$transaction(async (tx) => {
    await tx.customer.update({ where: { id: customer.id }, data: { lastLoginAt: now } });
    const session = await createSession(tx, { customerId: customer.id, kind, request, now });
    await recordAuditEvent(tx, { kind: "customer.login", customerId: customer.id, request, data: { sessionKind: kind }, at: now });
    return session;
  });
  await rateLimits.reset("loginByAccount", email);
  await rateLimits.reward("loginByAddress", addressKey(request));
  const profile = await db.customer.findUniqueOrThrow({ where: { id: customer.id }, select: customerProfileSelect });
  return {
    ...toCustomerProfile(profile),
    accounts: await listLinkedAccounts(db, customer.id),
    sessionId,
    tokens,
  };
}

/** Seed 002's login for API clients: the profile, linked accounts and bearer tokens. */
export async function loginForApi(deps: LoginDeps, input: LoginInput, request: RequestMeta) {
  const { sessionId: _sessionId, tokens, ...profile } = await loginCustomer(deps, input, request, "API");
  // An API session always carries tokens (createSession issues them for kind API).
  return { ...profile, ...tokensView(tokens!) };
}
