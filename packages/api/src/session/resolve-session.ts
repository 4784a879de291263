import type { Database, Prisma, StaffRole } from "@brokerage/db";
import type { Credential } from "../context";
import { DomainError } from "../errors";
import { LAST_SEEN_RESOLUTION_MS, SESSION_IDLE_MS, STAFF_SESSION_IDLE_MS } from "./policy";
import { hashToken } from "./token-hash";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CustomerSession {
  sessionId: string;
  customerId: number;
}

export interface StaffSession {
  sessionId: string;
  staffId: number;
  role: StaffRole;
  /** False until the member has enrolled TOTP: the session can then do nothing but enrol. */
  otpEnabled: boolean;
}

interface SessionRow {
  id: string;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export function isLive(row: SessionRow, now: Date, idleMs: number = SESSION_IDLE_MS): boolean {
  return (
    row.revokedAt === null &&
    row.expiresAt.getTime() > now.getTime() &&
    row.lastSeenAt.getTime() + idleMs > now.getTime()
  );
}

const invalidSession = () => new DomainError("INVALID_CUSTOMER_SESSION");

const customerSessionSelect = {
  id: true,
  customerId: true,
  lastSeenAt: true,
  expiresAt: true,
  revokedAt: true,
  customer: { select: { status: true } },
} satisfies Prisma.SessionSelect;

interface BearerSessionRow extends SessionRow {
  kind: string;
  tokenExpiresAt: Date;
  tokenRevokedAt: Date | null;
  customerId: number;
  status: number;
}

/** The session row of a credential, in one query (relation joins): token -> session -> customer. */
async function findCustomerSession(db: Database, credential: Credential, now: Date) {
  if (credential.type === "customer-session") {
    if (!UUID.test(credential.sessionId)) return null;
    return db.session.findUnique({ where: { id: credential.sessionId }, select: customerSessionSelect });
  }
  if (credential.type === "bearer") {
    // The hottest query of the API (every bearer call): plain joins by unique keys, one
    // round trip, no per-relation JSON (measured in `pnpm bench`, README "Benchmarks").
    const [row] = await db.$queryRaw<BearerSessionRow[]>`
      SELECT t.kind::text AS kind, t."expiresAt" AS "tokenExpiresAt", t."revokedAt" AS "tokenRevokedAt",
             s.id, s."customerId", s."lastSeenAt", s."expiresAt", s."revokedAt", c.status
        FROM "ApiToken" t
        JOIN "Session" s ON s.id = t."sessionId"
        JOIN "Customer" c ON c.id = s."customerId"
       WHERE t."tokenHash" = ${hashToken(credential.token)}`;
    if (!row || row.kind !== "ACCESS" || row.tokenRevokedAt || row.tokenExpiresAt <= now) return null;
    const { id, customerId, lastSeenAt, expiresAt, revokedAt, status } = row;
    return { id, customerId, lastSeenAt, expiresAt, revokedAt, customer: { status } };
  }
  return null;
}

/**
 * The customer behind a credential, checked against the session row on every call:
 * unknown, revoked, idle-expired or absolutely expired sessions, and disabled
 * customers, are all 401 INVALID_CUSTOMER_SESSION. Staff credentials are 403.
 */
export async function resolveCustomerSession(
  db: Database,
  credential: Credential | null,
  now: Date,
): Promise<CustomerSession> {
  if (!credential) throw invalidSession();
  if (credential.type === "staff-session") throw new DomainError("FORBIDDEN");
  const session = await findCustomerSession(db, credential, now);
  if (!session || !isLive(session, now) || session.customer.status !== 0) throw invalidSession();
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return { sessionId: session.id, customerId: session.customerId };
}

/**
 * The staff member behind a staff credential; customer credentials are 403. Staff
 * sessions idle out after 15 minutes (their absolute end is set at sign-in: 8 hours).
 */
export async function resolveStaffSession(
  db: Database,
  credential: Credential | null,
  now: Date,
): Promise<StaffSession> {
  if (!credential) throw invalidSession();
  if (credential.type !== "staff-session") throw new DomainError("FORBIDDEN");
  if (!UUID.test(credential.sessionId)) throw invalidSession();
  const session = await db.staffSession.findUnique({
    where: { id: credential.sessionId },
    select: {
      id: true,
      staffId: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      staff: { select: { enabled: true, role: true, otpEnabled: true } },
    },
  });
  if (!session || !isLive(session, now, STAFF_SESSION_IDLE_MS) || !session.staff.enabled) throw invalidSession();
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.staffSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return { sessionId: session.id, staffId: session.staffId, role: session.staff.role, otpEnabled: session.staff.otpEnabled };
}
