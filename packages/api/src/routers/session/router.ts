import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { DomainError } from "../../errors";
import { listLinkedAccounts } from "../../identity/customer-profile";
import { revokeSessions } from "../../identity/sessions";
import { SESSION_IDLE_MS } from "../../sessions/policy";
import { customerProcedure } from "../../trpc";

/** The caller's sessions (devices) and the accounts linked to the session (seed 002). */
export const sessionRouter = {
  accounts: customerProcedure.query(async ({ ctx }) => ({
    accounts: await listLinkedAccounts(ctx.db, ctx.session.customerId),
  })),

  list: customerProcedure.query(async ({ ctx }) => {
    const now = ctx.clock.now();
    const sessions = await ctx.db.session.findMany({
      where: {
        customerId: ctx.session.customerId,
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
      current: s.id === ctx.session.sessionId,
    }));
  }),

  revoke: customerProcedure
    .input(z.strictObject({ sessionId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const now = ctx.clock.now();
      const count = await ctx.db.$transaction(async (tx) => {
        const n = await revokeSessions(tx, { id: input.sessionId, customerId: ctx.session.customerId }, now);
        if (n > 0) {
          await recordAuditEvent(tx, { kind: "customer.session_revoked", customerId: ctx.session.customerId, request: ctx.request, data: { sessionId: input.sessionId }, at: now });
        }
        return n;
      });
      // Another customer's session looks exactly like one that does not exist.
      if (count === 0) throw new DomainError("NOT_FOUND", { message: "Session not found" });
      return { revoked: true as const, current: input.sessionId === ctx.session.sessionId };
    }),

  revokeOthers: customerProcedure.mutation(async ({ ctx }) => {
    const now = ctx.clock.now();
    const revoked = await ctx.db.$transaction(async (tx) => {
      const n = await revokeSessions(tx, { customerId: ctx.session.customerId, id: { not: ctx.session.sessionId } }, now);
      await recordAuditEvent(tx, { kind: "customer.session_revoked", customerId: ctx.session.customerId, request: ctx.request, data: { others: n }, at: now });
      return n;
    });
    return { revoked };
  }),

  /** Ends the current session and revokes its tokens. */
  logout: customerProcedure.mutation(async ({ ctx }) => {
    const now = ctx.clock.now();
    await ctx.db.$transaction(async (tx) => {
      await revokeSessions(tx, { id: ctx.session.sessionId }, now);
      await recordAuditEvent(tx, { kind: "customer.logout", customerId: ctx.session.customerId, request: ctx.request, at: now });
    });
    return { loggedOut: true as const };
  }),
} satisfies TRPCRouterRecord;
