// Staff sessions (issue 11): 15 idle minutes, 8 hours in all, listed and revocable by
// their owner (staffAuth.sessions / revokeSession) and by an ADMIN (staffMembers.*).
import type { Database, Prisma } from "@brokerage/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Clock } from "../clock";
import type { RequestMeta } from "../context";
import { DomainError } from "../errors";
import { STAFF_SESSION_IDLE_MS } from "../session/policy";

export interface StaffSessionDeps {
  db: Database;
  clock: Clock;
}

/** Ends the matching live staff sessions; returns how many ended. */
export async function endStaffSessions(
  tx: Pick<Prisma.TransactionClient, "staffSession">,
  where: Prisma.StaffSessionWhereInput,
  now: Date,
): Promise<number> {
  const ended = await tx.staffSession.updateMany({
    where: { ...where, revokedAt: null },
    data: { revokedAt: now },
  });
  return ended.count;
}

/** A member's live sessions, most recently used first; `current` marks the caller's own. */
export async function listStaffSessions(
  deps: StaffSessionDeps,
  staffId: number,
  currentSessionId: string | null,
) {
  const now = deps.clock.now();
  const sessions = await deps.db.staffSession.findMany({
    where: {
      staffId,
      revokedAt: null,
      expiresAt: { gt: now },
      lastSeenAt: { gt: new Date(now.getTime() - STAFF_SESSION_IDLE_MS) },
    },
    orderBy: { lastSeenAt: "desc" },
    select: {
      id: true,
      ip: true,
      userAgent: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
    },
  });
  return sessions.map((s) => ({
    id: s.id,
    ip: s.ip,
    userAgent: s.userAgent,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    current: s.id === currentSessionId,
  }));
}

/**
 * Ends one of the caller's own sessions (the current one too: that is signing out).
 * Another member's session looks exactly like one that does not exist: 404.
 */
export async function revokeOwnStaffSession(
  deps: StaffSessionDeps,
  session: { sessionId: string; staffId: number },
  sessionId: string,
  request: RequestMeta,
) {
  const now = deps.clock.now();
  const ended = await deps.db.$transaction(async (tx) => {
    const n = await endStaffSessions(tx, { id: sessionId, staffId: session.staffId }, now);
    if (n > 0) {
      await recordAuditEvent(tx, {
        kind: "staff.session_revoked",
        staffId: session.staffId,
        request,
        data: { sessionId },
        at: now,
      });
    }
    return n;
  });
  if (ended === 0) throw new DomainError("NOT_FOUND", { message: "Session not found" });
  return { revoked: true as const, current: sessionId === session.sessionId };
}
