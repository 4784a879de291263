import type { TRPCRouterRecord } from "@trpc/server";
import { customerProcedure } from "../trpc";
import { cancelWithdrawal, getWithdrawal, listWithdrawals, withdrawalLimits } from "./customer-withdrawals";
import { requestWithdrawal } from "./request-withdrawal";
import { listWithdrawalsInput, requestWithdrawalInput, withdrawalIdInput } from "./withdrawal.schema";

/** Money out of the caller's REAL accounts and wallets, held at once, paid after FINANCE approval. */
export const withdrawalsRouter = {
  request: customerProcedure
    .input(requestWithdrawalInput)
    .mutation(({ ctx, input }) => requestWithdrawal(ctx, ctx.session, input, ctx.request)),
  cancel: customerProcedure
    .input(withdrawalIdInput)
    .mutation(({ ctx, input }) => cancelWithdrawal(ctx, ctx.session.customerId, input.withdrawalId, ctx.request)),
  get: customerProcedure.input(withdrawalIdInput).query(({ ctx, input }) => getWithdrawal(ctx.db, ctx.session.customerId, input.withdrawalId)),
  list: customerProcedure.input(listWithdrawalsInput).query(({ ctx, input }) => listWithdrawals(ctx.db, ctx.session.customerId, input)),
  /** Today's limits per currency: the limit, what is used, what is left, when it resets (UTC midnight). */
  limits: customerProcedure.query(({ ctx }) => withdrawalLimits(ctx, ctx.session.customerId)),
} satisfies TRPCRouterRecord;
