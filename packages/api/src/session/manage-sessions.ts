import type { Database } from "@brokerage/db";
import type { Clock } from "../clock";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { RequestMeta } from "../context";
import { DomainError } from "../errors";
import { SESSION_IDLE_MS } from "./policy";
import { requireRecentAuthentication } from "./reauthentication";
import type { CustomerSession } from "./resolve-session";
import { revokeSessions } from "./sessions";

interface SessionDeps {
  db: Database;
  clock: Clock;
}

/** The caller's live sessions (devices), most recently used first. */
export async function listSessions(deps: SessionDeps, current: CustomerSession) {
  const now = deps.clock.now();
  const sessions = await deps.db.session.findMany({
    where: {
      customerId: current.customerId,
      revokedAt: null,
      expiresAt: { gt: now },
      lastSeenAt: { gt: new Date(now.getTime() - SESSION_IDLE_MS) },
    },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, kind: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true },
  });
  return sessions.map((s) => ({
    ...s,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    current: s.id === current.sessionId,
  }));
}

/** Ends one of the caller's sessions; another customer's looks exactly like one that does not exist. */
export async function revokeOwnSession(deps: SessionDeps, current: CustomerSession, sessionId: string, request: RequestMeta) {
  // Ending the current session is a sign-out; ending another needs a recent proof.
  if (sessionId !== current.sessionId) await requireRecentAuthentication(deps, current);
  const now = deps.clock.now();
  const count = await deps.db.$transaction(async (tx) => {
    const n = await revokeSessions(tx, { id: sessionId, customerId: current.customerId }, now);
    if (n > 0) {
      await recordAuditEvent(tx, { kind: "customer.session_revoked", customerId: current.customerId, request, data: { sessionId }, at: now });
    }
    return n;
  });
  if (count === 0) throw new DomainError("NOT_FOUND", { message: "Session not found" });
  return { revoked: true as const, current: sessionId === current.sessionId };
}

/** Ends every session of the caller but the current one. */
export async function revokeOtherSessions(deps: SessionDeps, current: CustomerSession, request: RequestMeta) {
  await requireRecentAuthentication(deps, current);
  const now = deps.clock.now();
  const revoked = await deps.db.$transaction(async (tx) => {
    const n = await revokeSessions(tx, { customerId: current.customerId, id: { not: current.sessionId } }, now);
    await recordAuditEvent(tx, { kind: "customer.session_revoked", customerId: current.customerId, request, data: { others: n }, at: now });
    return n;
  });
  return { revoked };
}

/** Ends the current session and revokes its tokens. */
export async function logoutSession(deps: SessionDeps, current: CustomerSession, request: RequestMeta) {
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    await revokeSessions(tx, { id: current.sessionId }, now);
    await recordAuditEvent(tx, { kind: "customer.logout", customerId: current.customerId, request, at: now });
  });
  return { loggedOut: true as const };
}
