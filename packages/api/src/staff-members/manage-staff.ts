// Staff management (ADMIN, staff:manage): list, invite, change role, disable/enable, end
// sessions, reset two-factor. Every change is audited with the acting member's id
// (`staffId`) and the target's (`data.targetStaffId`). An ADMIN cannot disable, demote or
// reset themselves: 403 SELF_APPROVAL ("acting on their own", product.md), so there is
// always an ADMIN left and nobody locks themselves out by a slip.
import type { Database, Prisma, StaffRole } from "@brokerage/db";
import { recordAuditEvent, type AuditKind } from "../audit/record-audit-event";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { DomainError } from "../errors";
import { enqueueMessage } from "../messaging";
import { STAFF_SESSION_IDLE_MS } from "../session/policy";
import { staffOtpIssuer } from "../staff-auth/brand-issuer";
import { createStaffMember } from "../staff-auth/create-staff-member";
import { issueEnrolmentLink, STAFF_ENROLMENT_LINK_MS } from "../staff-auth/enrolment-links";
import { endStaffSessions, listStaffSessions } from "../staff-auth/staff-sessions";
import { staffInviteEmail } from "./invite-email";

export interface StaffAdminDeps {
  db: Database;
  clock: Clock;
}

interface Actor {
  staffId: number;
}

const memberSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  enabled: true,
  otpEnabled: true,
  passwordHash: true,
  createdAt: true,
} satisfies Prisma.StaffSelect;

type MemberRow = Prisma.StaffGetPayload<{ select: typeof memberSelect }>;

function memberView(row: MemberRow, now: Date, live: Map<number, number>, invites: Set<number>) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    enabled: row.enabled,
    otpEnabled: row.otpEnabled,
    /** False until the member has used their enrolment link. */
    passwordSet: row.passwordHash.startsWith("$argon2"),
    /** An unused enrolment link that has not expired. */
    invitePending: invites.has(row.id),
    activeSessions: live.get(row.id) ?? 0,
    createdAt: row.createdAt.toISOString(),
  };
}

async function liveSessionCounts(db: Database, now: Date, staffIds?: number[]) {
  const rows = await db.staffSession.groupBy({
    by: ["staffId"],
    where: {
      ...(staffIds ? { staffId: { in: staffIds } } : {}),
      revokedAt: null,
      expiresAt: { gt: now },
      lastSeenAt: { gt: new Date(now.getTime() - STAFF_SESSION_IDLE_MS) },
    },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.staffId, r._count._all]));
}

async function pendingInvites(db: Database, now: Date, staffIds?: number[]) {
  const rows = await db.staffEnrolmentLink.findMany({
    where: {
      ...(staffIds ? { staffId: { in: staffIds } } : {}),
      usedAt: null,
      expiresAt: { gt: now },
    },
    select: { staffId: true },
  });
  return new Set(rows.map((r) => r.staffId));
}

async function viewOf(db: Database, staffId: number, now: Date) {
  const row = await db.staff.findUniqueOrThrow({ where: { id: staffId }, select: memberSelect });
  return memberView(
    row,
    now,
    await liveSessionCounts(db, now, [staffId]),
    await pendingInvites(db, now, [staffId]),
  );
}

/** Every staff member, by e-mail, with role, status, enrolment and live sessions. */
export async function listStaffMembers(deps: StaffAdminDeps) {
  const now = deps.clock.now();
  const [rows, live, invites] = await Promise.all([
    deps.db.staff.findMany({ orderBy: { email: "asc" }, select: memberSelect }),
    liveSessionCounts(deps.db, now),
    pendingInvites(deps.db, now),
  ]);
  return { members: rows.map((row) => memberView(row, now, live, invites)) };
}

async function requireMember(db: Database | Prisma.TransactionClient, staffId: number) {
  const member = await db.staff.findUnique({
    where: { id: staffId },
    select: { id: true, role: true, enabled: true, email: true },
  });
  if (!member) throw new DomainError("NOT_FOUND", { message: "Staff member not found" });
  return member;
}

function refuseSelf(actor: Actor, staffId: number, what: string) {
  if (actor.staffId === staffId) {
    throw new DomainError("SELF_APPROVAL", {
      message: `An administrator cannot ${what} their own staff account`,
    });
  }
}

const audit = (
  tx: Prisma.TransactionClient,
  kind: AuditKind,
  actor: Actor,
  targetStaffId: number,
  request: RequestMeta,
  at: Date,
  data: Prisma.InputJsonObject = {},
) =>
  recordAuditEvent(tx, {
    kind,
    staffId: actor.staffId,
    request,
    data: { targetStaffId, ...data },
    at,
  });

/** A member's live sessions (for the ADMIN's per-member view). */
export async function staffMemberSessions(deps: StaffAdminDeps, staffId: number) {
  await requireMember(deps.db, staffId);
  return { sessions: await listStaffSessions(deps, staffId, null) };
}

/**
 * Creates the member (no usable password, no TOTP) and e-mails them the single-use
 * enrolment link, in one transaction (the outbox). The link is never in the answer.
 */
export async function inviteStaffMember(
  deps: StaffAdminDeps,
  actor: Actor,
  input: { email: string; name: string; role: StaffRole },
  request: RequestMeta,
) {
  const now = deps.clock.now();
  const brandName = await staffOtpIssuer(deps.db);
  const created = await deps.db.$transaction(async (tx) => {
    const inviter = await tx.staff.findUniqueOrThrow({
      where: { id: actor.staffId },
      select: { name: true },
    });
    const { staff, link } = await createStaffMember(
      tx,
      { ...input, createdById: actor.staffId, now },
      request,
    );
    await enqueueMessage(tx, {
      channel: "EMAIL",
      recipient: staff.email,
      ...staffInviteEmail({
        url: link.url,
        name: staff.name,
        role: staff.role,
        invitedBy: inviter.name,
        expiresInHours: STAFF_ENROLMENT_LINK_MS / 3600_000,
        brandName,
      }),
    });
    return staff;
  });
  return viewOf(deps.db, created.id, now);
}

/**
 * A new invitation for a member who has not chosen a password yet (the first one expired
 * or got lost): a new link by e-mail; the earlier links stop working. A member with a
 * password is refused (403): they sign in, and an ADMIN resets their two-factor if needed.
 */
export async function resendStaffInvite(
  deps: StaffAdminDeps,
  actor: Actor,
  staffId: number,
  request: RequestMeta,
) {
  const now = deps.clock.now();
  const brandName = await staffOtpIssuer(deps.db);
  await deps.db.$transaction(async (tx) => {
    const member = await tx.staff.findUnique({
      where: { id: staffId },
      select: { id: true, email: true, name: true, role: true, passwordHash: true },
    });
    if (!member) throw new DomainError("NOT_FOUND", { message: "Staff member not found" });
    if (member.passwordHash.startsWith("$argon2")) {
      throw new DomainError("FORBIDDEN", {
        message: "This member has already chosen a password; there is nothing to resend",
      });
    }
    const inviter = await tx.staff.findUniqueOrThrow({
      where: { id: actor.staffId },
      select: { name: true },
    });
    const link = await issueEnrolmentLink(tx, {
      staffId: member.id,
      createdById: actor.staffId,
      now,
    });
    await enqueueMessage(tx, {
      channel: "EMAIL",
      recipient: member.email,
      ...staffInviteEmail({
        url: link.url,
        name: member.name,
        role: member.role,
        invitedBy: inviter.name,
        expiresInHours: STAFF_ENROLMENT_LINK_MS / 3600_000,
        brandName,
      }),
    });
    await audit(tx, "staff.enrolment_link_issued", actor, member.id, request, now);
  });
  return viewOf(deps.db, staffId, now);
}

export async function changeStaffRole(
  deps: StaffAdminDeps,
  actor: Actor,
  input: { staffId: number; role: StaffRole },
  request: RequestMeta,
) {
  refuseSelf(actor, input.staffId, "change the role of");
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const member = await requireMember(tx, input.staffId);
    if (member.role === input.role) return;
    await tx.staff.update({ where: { id: member.id }, data: { role: input.role } });
    await audit(tx, "staff.role_changed", actor, member.id, request, now, {
      from: member.role,
      to: input.role,
    });
  });
  return viewOf(deps.db, input.staffId, now);
}

/** Disabling ends every session of the member at once; enabling lets them sign in again. */
export async function setStaffEnabled(
  deps: StaffAdminDeps,
  actor: Actor,
  input: { staffId: number; enabled: boolean },
  request: RequestMeta,
) {
  refuseSelf(actor, input.staffId, input.enabled ? "enable" : "disable");
  const now = deps.clock.now();
  const endedSessions = await deps.db.$transaction(async (tx) => {
    const member = await requireMember(tx, input.staffId);
    if (member.enabled === input.enabled) return 0;
    await tx.staff.update({ where: { id: member.id }, data: { enabled: input.enabled } });
    const ended = input.enabled ? 0 : await endStaffSessions(tx, { staffId: member.id }, now);
    await audit(
      tx,
      input.enabled ? "staff.enabled" : "staff.disabled",
      actor,
      member.id,
      request,
      now,
      { endedSessions: ended },
    );
    return ended;
  });
  return { ...(await viewOf(deps.db, input.staffId, now)), endedSessions };
}

/** Ends every session of a member (one's own too: that signs oneself out everywhere). */
export async function endStaffMemberSessions(
  deps: StaffAdminDeps,
  actor: Actor,
  staffId: number,
  request: RequestMeta,
) {
  const now = deps.clock.now();
  const endedSessions = await deps.db.$transaction(async (tx) => {
    const member = await requireMember(tx, staffId);
    const ended = await endStaffSessions(tx, { staffId: member.id }, now);
    await audit(tx, "staff.sessions_ended", actor, member.id, request, now, {
      endedSessions: ended,
    });
    return ended;
  });
  return { endedSessions };
}

/** Ends one session of any member; an unknown or already ended one is 404. */
export async function revokeStaffMemberSession(
  deps: StaffAdminDeps,
  actor: Actor,
  sessionId: string,
  request: RequestMeta,
) {
  const now = deps.clock.now();
  const ended = await deps.db.$transaction(async (tx) => {
    const session = await tx.staffSession.findUnique({
      where: { id: sessionId },
      select: { staffId: true },
    });
    if (!session) return 0;
    const n = await endStaffSessions(tx, { id: sessionId }, now);
    if (n > 0)
      await audit(tx, "staff.session_revoked", actor, session.staffId, request, now, { sessionId });
    return n;
  });
  if (ended === 0) throw new DomainError("NOT_FOUND", { message: "Session not found" });
  return { revoked: true as const };
}

/**
 * Removes the member's authenticator and recovery codes and ends their sessions: at their
 * next sign-in (with their password) they enrol a new one.
 */
export async function resetStaffTwoFactor(
  deps: StaffAdminDeps,
  actor: Actor,
  staffId: number,
  request: RequestMeta,
) {
  refuseSelf(actor, staffId, "reset the two-factor authentication of");
  const now = deps.clock.now();
  const endedSessions = await deps.db.$transaction(async (tx) => {
    const member = await requireMember(tx, staffId);
    await tx.staff.update({
      where: { id: member.id },
      data: {
        otpEnabled: false,
        otpSecretEnc: null,
        otpLastStep: null,
        otpSetupSecretEnc: null,
        otpSetupExpiresAt: null,
      },
    });
    await tx.staffRecoveryCode.deleteMany({ where: { staffId: member.id } });
    const ended = await endStaffSessions(tx, { staffId: member.id }, now);
    await audit(tx, "staff.otp_reset", actor, member.id, request, now, { endedSessions: ended });
    return ended;
  });
  return { ...(await viewOf(deps.db, staffId, now)), endedSessions };
}
