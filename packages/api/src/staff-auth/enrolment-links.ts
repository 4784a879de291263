// Single-use enrolment links (24 h): where a new staff member sets their password before
// enrolling TOTP. `pnpm staff:create` prints one; staffMembers.invite e-mails one. Only
// the SHA-256 hash of the 256-bit token is stored; an unknown, used, expired or
// superseded link, or one of a disabled member, is 410 LINK_USED (the answers are the
// same, so a link's fate tells nothing).
import { randomBytes } from "node:crypto";
import type { Database, Prisma } from "@brokerage/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { env } from "../env";
import { DomainError } from "../errors";
import { assertPasswordAllowed } from "../passwords/password-rules";
import { hashPassword } from "../passwords/password-hashing";
import { hashToken } from "../session/token-hash";
import { endStaffSessions } from "./staff-sessions";

export const STAFF_ENROLMENT_LINK_MS = 24 * 60 * 60 * 1000;

/** The portal page of a link (`PORTAL_BASE_URL` is where staff open the portal). */
export const enrolmentLinkUrl = (token: string, baseUrl: string = env.PORTAL_BASE_URL) =>
  `${baseUrl}/staff/enrol/${token}`;

/**
 * A new link for the member; earlier unused links stop working. The token is returned
 * once, to be printed or e-mailed, and never stored.
 */
export async function issueEnrolmentLink(
  tx: Pick<Prisma.TransactionClient, "staffEnrolmentLink">,
  input: { staffId: number; createdById: number | null; now: Date },
) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(input.now.getTime() + STAFF_ENROLMENT_LINK_MS);
  await tx.staffEnrolmentLink.deleteMany({ where: { staffId: input.staffId, usedAt: null } });
  await tx.staffEnrolmentLink.create({
    data: {
      staffId: input.staffId,
      tokenHash: hashToken(token),
      createdById: input.createdById,
      expiresAt,
      createdAt: input.now,
    },
  });
  return { token, url: enrolmentLinkUrl(token), expiresAt };
}

async function liveLink(db: Database, token: string, now: Date) {
  const link = await db.staffEnrolmentLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      usedAt: true,
      expiresAt: true,
      staff: { select: { id: true, email: true, name: true, role: true, enabled: true } },
    },
  });
  if (!link || link.usedAt !== null || link.expiresAt <= now || !link.staff.enabled)
    throw new DomainError("LINK_USED");
  return link;
}

/** Whom a link is for, so the page can greet them; it does not use the link up. */
export async function getEnrolmentLink(deps: { db: Database; clock: Clock }, token: string) {
  const link = await liveLink(deps.db, token, deps.clock.now());
  return {
    email: link.staff.email,
    name: link.staff.name,
    role: link.staff.role,
    expiresAt: link.expiresAt.toISOString(),
  };
}

/**
 * Sets the member's password (customer rules: 8 to 64 characters, not the e-mail, not a
 * common password) and uses the link up. A refused password leaves the link usable; of
 * two parallel uses one wins, the other is LINK_USED. Sessions the member had end. The
 * member then signs in with the password and enrols TOTP.
 */
export async function setStaffPasswordWithLink(
  deps: { db: Database; clock: Clock },
  input: { token: string; password: string },
  request: RequestMeta,
) {
  const now = deps.clock.now();
  const link = await liveLink(deps.db, input.token, now);
  assertPasswordAllowed(input.password, link.staff.email);
  const passwordHash = await hashPassword(input.password);
  const done = await deps.db.$transaction(async (tx) => {
    const claimed = await tx.staffEnrolmentLink.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return false;
    await tx.staff.update({ where: { id: link.staff.id }, data: { passwordHash } });
    await endStaffSessions(tx, { staffId: link.staff.id }, now);
    await recordAuditEvent(tx, {
      kind: "staff.password_set",
      staffId: link.staff.id,
      request,
      data: { via: "enrolment_link" },
      at: now,
    });
    return true;
  });
  if (!done) throw new DomainError("LINK_USED");
  return { email: link.staff.email, passwordSet: true as const };
}
