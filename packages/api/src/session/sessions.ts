import { randomBytes } from "node:crypto";
import type { Database, Prisma, SessionKind } from "@brokerage/db";
import type { RequestMeta } from "../context";
import { DomainError } from "../errors";
import { ACCESS_TOKEN_MS, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "./policy";
import { hashToken } from "./token-hash";

type Tx = Pick<Prisma.TransactionClient, "session" | "apiToken">;

/** 256 random bits, URL-safe. */
const newToken = () => randomBytes(32).toString("base64url");

export interface ApiTokens {
  token: string;
  tokenExpiresAt: Date;
  refreshToken: string;
}

async function issueTokens(tx: Tx, sessionId: string, sessionExpiresAt: Date, now: Date): Promise<ApiTokens> {
  const token = newToken();
  const refreshToken = newToken();
  const tokenExpiresAt = new Date(Math.min(now.getTime() + ACCESS_TOKEN_MS, sessionExpiresAt.getTime()));
  await tx.apiToken.createMany({
    data: [
      { sessionId, kind: "ACCESS", tokenHash: hashToken(token), expiresAt: tokenExpiresAt, createdAt: now },
      { sessionId, kind: "REFRESH", tokenHash: hashToken(refreshToken), expiresAt: sessionExpiresAt, createdAt: now },
    ],
  });
  return { token, tokenExpiresAt, refreshToken };
}

/** A new session row for every login; API sessions also get their first tokens. */
export async function createSession(
  tx: Tx,
  input: { customerId: number; kind: SessionKind; request: RequestMeta; now: Date },
): Promise<{ sessionId: string; tokens: ApiTokens | null }> {
  const expiresAt = new Date(input.now.getTime() + SESSION_ABSOLUTE_MS);
  const session = await tx.session.create({
    data: {
      customerId: input.customerId,
      kind: input.kind,
      ip: input.request.ip,
      userAgent: input.request.userAgent?.slice(0, 512) ?? null,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt,
    },
    select: { id: true },
  });
  const tokens = input.kind === "API" ? await issueTokens(tx, session.id, expiresAt, input.now) : null;
  return { sessionId: session.id, tokens };
}

/** Ends sessions and every token they hold. */
export async function revokeSessions(tx: Tx, where: Prisma.SessionWhereInput, now: Date): Promise<number> {
  const sessions = await tx.session.findMany({ where: { ...where, revokedAt: null }, select: { id: true } });
  const ids = sessions.map((s) => s.id);
  if (ids.length === 0) return 0;
  await tx.session.updateMany({ where: { id: { in: ids } }, data: { revokedAt: now } });
  await tx.apiToken.updateMany({ where: { sessionId: { in: ids }, revokedAt: null }, data: { revokedAt: now } });
  return ids.length;
}

/**
 * Swaps a refresh token for a new access and refresh token. A refresh token used a
 * second time means it was stolen (or the client is broken): the whole session ends.
 */
export async function refreshSession(db: Database, refreshToken: string, now: Date): Promise<ApiTokens> {
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({
      where: { tokenHash: hashToken(refreshToken) },
      select: {
        id: true,
        kind: true,
        usedAt: true,
        revokedAt: true,
        expiresAt: true,
        session: { select: { id: true, revokedAt: true, lastSeenAt: true, expiresAt: true, customer: { select: { status: true } } } },
      },
    });
    if (!row || row.kind !== "REFRESH") throw new DomainError("INVALID_CUSTOMER_SESSION");
    // Mark it used first, conditionally: of two concurrent refreshes one wins, and the
    // other is a reuse.
    const claimed = await tx.apiToken.updateMany({
      where: { id: row.id, usedAt: null, revokedAt: null },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) {
      await revokeSessions(tx, { id: row.session.id }, now);
      return null;
    }
    const s = row.session;
    const live =
      s.revokedAt === null &&
      s.customer.status === 0 &&
      s.expiresAt.getTime() > now.getTime() &&
      s.lastSeenAt.getTime() + SESSION_IDLE_MS > now.getTime() &&
      row.expiresAt.getTime() > now.getTime();
    if (!live) return null;
    await tx.apiToken.updateMany({
      where: { sessionId: s.id, kind: "ACCESS", revokedAt: null },
      data: { revokedAt: now },
    });
    await tx.session.update({ where: { id: s.id }, data: { lastSeenAt: now } });
    return issueTokens(tx, s.id, s.expiresAt, now);
  }).then((tokens) => {
    // Outside the transaction, so the reuse revocation above is committed, not rolled back.
    if (!tokens) throw new DomainError("INVALID_CUSTOMER_SESSION");
    return tokens;
  });
}

/** Tokens as API clients receive them (times as ISO strings). */
export function tokensView(tokens: ApiTokens) {
  return { token: tokens.token, tokenExpiresAt: tokens.tokenExpiresAt.toISOString(), refreshToken: tokens.refreshToken };
}
