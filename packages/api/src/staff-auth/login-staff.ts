import type { Database } from "@brokerage/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import { throttleKeys } from "../auth/login";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { DomainError } from "../errors";
import { verifyDummyPassword, verifyPassword } from "../passwords/password-hashing";
import type { RateLimits } from "../rate-limit/rate-limits";
import { STAFF_SESSION_ABSOLUTE_MS } from "../session/policy";
import { permissionsOf } from "./permissions";
import { verifyStaffSecondFactor } from "./staff-second-factor";

export interface StaffLoginInput {
  email: string;
  password: string;
  /** Required once the member has enrolled TOTP: a TOTP code or a one-time recovery code. */
  otpCode?: string | undefined;
}

export interface StaffLoginDeps {
  db: Database;
  clock: Clock;
  rateLimits: RateLimits;
}


/**
 * Staff sign-in, for the portal's staff sign-in page (next-auth calls it). Order: the
 * throttle (429), then e-mail and password with the product's generic login refusal
 * (CUSTOMER_NOT_FOUND_OR_INCORRECT: the same answer, in the same time, for an unknown
 * e-mail and a wrong password), then a disabled account (FORBIDDEN), then the second
 * factor (OTP_NOT_CONFIGURED, OTP_REQUIRED, INVALID_OTP_CODE; a recovery code stands in
 * for a TOTP code once). Creates a StaffSession (8 hours absolute, 15 minutes idle) only
 * after every check has passed, and returns its id. A member who has not enrolled TOTP
 * yet (new, or reset by an ADMIN) gets a session that can only enrol
 * (`enrolmentRequired: true`): staff TOTP is mandatory.
 */
export async function loginStaff(deps: StaffLoginDeps, input: StaffLoginInput, request: RequestMeta) {
  const { db, clock, rateLimits } = deps;
  const email = input.email.trim().toLowerCase();
  // The customers' sign-in throttles (per account and address, per address, per account in
  // growing windows), under staff keys of their own: a guesser at one address no longer
  // locks the member out everywhere. Points are taken before the password is checked, so
  // parallel guesses cannot all be tried; a successful sign-in gives them back.
  const keys = throttleKeys(`staff:${email}`, request, null);
  await Promise.all(keys.map(([name, key]) => rateLimits.consume(name, key)));

  const staff = await db.staff.findFirst({
    where: { email: { equals: email, mode: "insensitive" } },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, enabled: true, otpEnabled: true, otpSecretEnc: true },
  });
  // An invited member has no usable password yet (not an argon2 hash): the dummy verify
  // keeps the answer and its timing the same as for an unknown e-mail.
  const passwordOk =
    staff && staff.passwordHash.startsWith("$argon2")
      ? await verifyPassword(staff.passwordHash, input.password)
      : await verifyDummyPassword(input.password);
  const now = clock.now();
  const fail = async (error: DomainError, reason: string) => {
    await recordAuditEvent(db, { kind: "staff.login_failed", staffId: staff?.id ?? null, request, data: { reason }, at: now });
    return error;
  };
  if (!staff || !passwordOk) {
    throw await fail(new DomainError("CUSTOMER_NOT_FOUND_OR_INCORRECT"), staff ? "wrong_password" : "unknown_email");
  }
  if (!staff.enabled) throw await fail(new DomainError("FORBIDDEN", { message: "This staff account is disabled" }), "disabled");

  if (staff.otpEnabled) {
    if (!staff.otpSecretEnc) throw new DomainError("OTP_NOT_CONFIGURED");
    if (!input.otpCode) {
      // The password was right: asking for the code is no failed guess, so its points go back.
      await Promise.all(keys.map(([name, key]) => rateLimits.reward(name, key)));
      throw new DomainError("OTP_REQUIRED");
    }
    await verifyStaffSecondFactor(deps, { staffId: staff.id, code: input.otpCode, purpose: "login" }, request);
  }

  const expiresAt = new Date(now.getTime() + STAFF_SESSION_ABSOLUTE_MS);
  const session = await db.$transaction(async (tx) => {
    const created = await tx.staffSession.create({
      data: {
        staffId: staff.id,
        ip: request.ip,
        userAgent: request.userAgent?.slice(0, 512) ?? null,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      kind: "staff.login",
      staffId: staff.id,
      request,
      data: { sessionId: created.id, enrolmentRequired: !staff.otpEnabled },
      at: now,
    });
    return created;
  });
  await Promise.all([
    rateLimits.reset(keys[0]![0], keys[0]![1]),
    ...keys.slice(1).map(([name, key]) => rateLimits.reward(name, key)),
  ]);
  return {
    sessionId: session.id,
    expiresAt,
    /** The session can only enrol TOTP (staffAuth.enrolment.*) until the member has. */
    enrolmentRequired: !staff.otpEnabled,
    staff: { staffId: staff.id, email: staff.email, name: staff.name, role: staff.role },
  };
}

/** Ends a staff session; a session already ended stays as it was. */
export async function logoutStaff(
  deps: { db: Database; clock: Clock },
  session: { sessionId: string; staffId: number },
  request: RequestMeta,
): Promise<{ loggedOut: true }> {
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const ended = await tx.staffSession.updateMany({ where: { id: session.sessionId, revokedAt: null }, data: { revokedAt: now } });
    if (ended.count === 1) {
      await recordAuditEvent(tx, { kind: "staff.logout", staffId: session.staffId, request, data: { sessionId: session.sessionId }, at: now });
    }
  });
  return { loggedOut: true };
}

/** The signed-in staff member as the staff pages show them, with their permissions. */
export async function getStaffMember(db: Database, session: { staffId: number }) {
  const staff = await db.staff.findUniqueOrThrow({
    where: { id: session.staffId },
    select: { id: true, email: true, name: true, role: true, otpEnabled: true },
  });
  return { ...staff, permissions: permissionsOf(staff.role) };
}
