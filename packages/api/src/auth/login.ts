import type { Database, SessionKind } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
import { enqueueMessage, newSignInEmail } from "../messaging";
import type { RateLimitName } from "../rate-limit/policies";
import type { RateLimits } from "../rate-limit/rate-limits";
import { knownDeviceOf, knownDeviceSelect, rememberDevice, type KnownDevice } from "./known-devices";
import type { LoginOtpChannel } from "@brokerage/validators";
import { checkLoginSecondFactor, isSecondStepAnswer } from "../otp/login-second-factor";
import { customerProfileSelect, listLinkedAccounts, toCustomerProfile } from "../customer/customer-profile";
import { verifyDummyPassword, verifyPassword } from "../passwords/password-hashing";
import { createSession, tokensView } from "../session/sessions";

export interface LoginInput {
  email: string;
  password: string;
  otpCode?: string | undefined;
  /** Which factor the code is for, or (without a code) `sms` to have a new SMS code sent. */
  otpChannel?: LoginOtpChannel | undefined;
  /** The token of a device that signed in before (web: the device cookie). */
  deviceToken?: string | undefined;
}

export interface LoginDeps {
  db: Database;
  clock: Clock;
  rateLimits: RateLimits;
}

const addressKey = (request: RequestMeta) => request.ip ?? "unknown";

const ACCOUNT_TIERS = ["loginByAccount", "loginByAccountHour", "loginByAccountDay"] as const satisfies RateLimitName[];

/**
 * The throttle keys one attempt counts against. A known device has its own counter and is
 * held by nothing else, so failures from elsewhere never lock the owner out of it; any
 * other attempt counts per account and address (low ceiling), per address, and per account
 * in growing windows (higher ceilings).
 */
export function throttleKeys(email: string, request: RequestMeta, device: KnownDevice | null): [RateLimitName, string][] {
  if (device) return [["loginByDevice", device.id]];
  return [
    ["loginByAccountAddress", `${email}|${addressKey(request)}`],
    ["loginByAddress", addressKey(request)],
    ...ACCOUNT_TIERS.map((name): [RateLimitName, string] => [name, email]),
  ];
}

/**
 * Seed 002's login. Order: the throttle (429), then e-mail and password (one answer for
 * an unknown e-mail and a wrong password, in the same time), then a disabled customer,
 * then the second factor. No session exists until every check has passed.
 */
export async function loginCustomer(deps: LoginDeps, input: LoginInput, request: RequestMeta, kind: SessionKind) {
  const { db, clock, rateLimits } = deps;
  const email = input.email.trim().toLowerCase();
  // The customer comes with its credentials, its profile (a successful login reads it
  // once) and the device the client named; nothing is decided before the throttle.
  const customer = await db.customer.findUnique({
    where: { email },
    select: {
      ...customerProfileSelect,
      passwordHash: true,
      otpSecretEnc: true,
      otpLastStep: true,
      defaultSecondFactor: true,
      knownDevices: knownDeviceSelect(input.deviceToken),
    },
  });
  const device = knownDeviceOf(customer?.knownDevices, input.deviceToken, clock.now());
  const keys = throttleKeys(email, request, device);
  // Points are taken before the password is checked, so parallel guesses cannot all
  // be tried; a successful login gives them back.
  // (The counters are independent: asked at once, not one after another.)
  await Promise.all(keys.map(([name, key]) => rateLimits.consume(name, key)));
  const giveBack = () => Promise.all(keys.map(([name, key]) => rateLimits.reward(name, key)));

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
    await checkLoginSecondFactor({ db, clock, rateLimits }, customer, { otpCode: input.otpCode, otpChannel: input.otpChannel }, request);
  } catch (error) {
    // The password was right: asking for the code (or sending it, or not having one set up)
    // is no failed guess, so the points go back. Wrong codes count in their own throttle.
    if (error instanceof DomainError && (error.code === "OTP_NOT_CONFIGURED" || isSecondStepAnswer(error))) {
      await giveBack();
    }
    throw error;
  }

  const { sessionId, tokens, deviceToken } = await db.$transaction(async (tx) => {
    await tx.customer.update({ where: { id: customer.id }, data: { lastLoginAt: now } });
    const session = await createSession(tx, { customerId: customer.id, kind, request, now });
    const token = await rememberDevice(tx, { customerId: customer.id, device, userAgent: request.userAgent, now });
    // A browser or app that had not signed in before: the owner hears of it.
    if (!device) {
      await enqueueMessage(tx, {
        channel: "EMAIL",
        recipient: email,
        customerId: customer.id,
        ...newSignInEmail({ userAgent: request.userAgent, ip: request.ip, at: now, brandName: customer.brand.displayName, language: customer.preferredLanguage }),
      });
    }
    await recordAuditEvent(tx, {
      kind: "customer.login",
      customerId: customer.id,
      request,
      data: { sessionKind: kind, knownDevice: device !== null },
      at: now,
    });
    return { ...session, deviceToken: token };
  });
  // The failures of this client end with its success; the account-wide counts only lose
  // this attempt's point, so the owner signing in does not hand a guesser fresh tries.
  await Promise.all([
    rateLimits.reset(keys[0]![0], keys[0]![1]),
    ...keys.slice(1).map(([name, key]) => rateLimits.reward(name, key)),
  ]);
  const { passwordHash: _hash, otpSecretEnc: _secret, otpLastStep: _step, defaultSecondFactor: _default, knownDevices: _devices, ...profile } = customer;
  return {
    ...toCustomerProfile({ ...profile, lastLoginAt: now }),
    accounts: await listLinkedAccounts(db, customer.id),
    sessionId,
    tokens,
    deviceToken,
    knownDevice: device !== null,
  };
}

/** Seed 002's login for API clients: the profile, linked accounts and bearer tokens. */
export async function loginForApi(deps: LoginDeps, input: LoginInput, request: RequestMeta) {
  const { sessionId: _sessionId, tokens, knownDevice: _known, ...profile } = await loginCustomer(deps, input, request, "API");
  // An API session always carries tokens (createSession issues them for kind API).
  return { ...profile, ...tokensView(tokens!) };
}
