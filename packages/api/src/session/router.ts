import type { TRPCRouterRecord } from "@trpc/server";
import { listLinkedAccounts } from "../customer/customer-profile";
import { customerProcedure } from "../trpc";
import { listSessions, logoutSession, revokeOtherSessions, revokeOwnSession } from "./manage-sessions";
import { reauthenticate } from "./reauthentication";
import { listActivity } from "./activity";
import { activityInput, reauthenticateInput, revokeSessionInput } from "./schemas";

/** The caller's sessions (devices) and the accounts linked to the session (seed 002). */
export const sessionRouter = {
  accounts: customerProcedure.query(async ({ ctx }) => ({
    accounts: await listLinkedAccounts(ctx.db, ctx.session.customerId),
  })),

  list: customerProcedure.query(({ ctx }) => listSessions(ctx, ctx.session)),

  /** The caller's own security events (sign-ins, failures, factor and password changes), newest first, paged. */
  activity: customerProcedure
    .input(activityInput)
    .query(({ ctx, input }) => listActivity(ctx.db, ctx.session.customerId, input ?? {})),

  revoke: customerProcedure
    .input(revokeSessionInput)
    .mutation(({ ctx, input }) => revokeOwnSession(ctx, ctx.session, input.sessionId, ctx.request)),

  revokeOthers: customerProcedure.mutation(({ ctx }) => revokeOtherSessions(ctx, ctx.session, ctx.request)),

  /**
   * The password or a current second factor: opens the 5-minute window that sensitive
   * changes need (else they answer 401 REAUTH_REQUIRED).
   */
  reauthenticate: customerProcedure
    .input(reauthenticateInput)
    .mutation(({ ctx, input }) => reauthenticate(ctx, ctx.session, input, ctx.request)),

  /** Ends the current session and revokes its tokens. */
  logout: customerProcedure.mutation(({ ctx }) => logoutSession(ctx, ctx.session, ctx.request)),
} satisfies TRPCRouterRecord;
