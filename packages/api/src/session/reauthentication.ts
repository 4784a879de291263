import type { Database } from "@brokerage/db";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { recordAuditEvent } from "../audit/record-audit-event";
import { DomainError } from "../errors";
import { verifyPassword } from "../passwords/password-hashing";
import type { RateLimits } from "../rate-limit/rate-limits";
import { verifySecondFactor } from "../otp/verify-second-factor";
import { REAUTH_WINDOW_MS } from "./policy";
import type { CustomerSession } from "./resolve-session";

interface Deps {
  db: Database;
  clock: Clock;
  rateLimits: RateLimits;
}

/** When the session last proved its holder: the later of its sign-in and its last re-authentication. */
async function lastProof(db: Database, sessionId: string): Promise<number> {
  const row = await db.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: { createdAt: true, reauthenticatedAt: true },
  });
  return Math.max(row.createdAt.getTime(), row.reauthenticatedAt?.getTime() ?? 0);
}

/**
 * A sensitive change (a factor, recovery codes, ending other sessions) needs the password
 * or a second factor entered within REAUTH_WINDOW_MS; a sign-in counts for its first 5
 * minutes. Otherwise 401 REAUTH_REQUIRED, before anything else is looked at or changed.
 */
export async function requireRecentAuthentication(deps: { db: Database; clock: Clock }, session: CustomerSession): Promise<void> {
  const now = deps.clock.now().getTime();
  if (now - (await lastProof(deps.db, session.sessionId)) > REAUTH_WINDOW_MS) {
    throw new DomainError("REAUTH_REQUIRED", { details: { windowSeconds: REAUTH_WINDOW_MS / 1000 } });
  }
}

/** The request itself carried a verified current factor (a code, the current password): it counts from now. */
export async function markReauthenticated(db: Database, sessionId: string, now: Date): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { reauthenticatedAt: now } });
}

/**
 * `session.reauthenticate`: the password, or a current second factor (a TOTP code or a
 * recovery code), opens the 5-minute window for sensitive changes. Wrong passwords are
 * throttled per customer like sign-in (5 in 15 minutes, then 429); codes share the OTP
 * throttle.
 */
export async function reauthenticate(
  deps: Deps,
  session: CustomerSession,
  input: { password?: string | undefined; code?: string | undefined },
  request: RequestMeta,
) {
  const now = deps.clock.now();
  if (input.code !== undefined) {
    await verifySecondFactor(deps, { customerId: session.customerId, code: input.code, allowRecoveryCode: true, purpose: "reauthenticate" }, request);
  } else {
    const key = String(session.customerId);
    await deps.rateLimits.consume("reauthPassword", key);
    const customer = await deps.db.customer.findUniqueOrThrow({ where: { id: session.customerId }, select: { passwordHash: true } });
    if (!(await verifyPassword(customer.passwordHash, input.password ?? ""))) {
      await recordAuditEvent(deps.db, { kind: "customer.reauth_failed", customerId: session.customerId, request, at: now });
      throw new DomainError("INVALID_DATA", { fieldErrors: { password: ["The password is not correct"] }, fieldCodes: { password: ["INCORRECT"] } });
    }
    await deps.rateLimits.reset("reauthPassword", key);
  }
  await markReauthenticated(deps.db, session.sessionId, now);
  await recordAuditEvent(deps.db, {
    kind: "customer.reauthenticated",
    customerId: session.customerId,
    request,
    data: { with: input.code !== undefined ? "second_factor" : "password" },
    at: now,
  });
  return { reauthenticatedUntil: new Date(now.getTime() + REAUTH_WINDOW_MS).toISOString() };
}
