import type { TRPCRouterRecord } from "@trpc/server";
import { customerProcedure } from "../trpc";
import { addPayoutMethodInput, payoutMethodIdInput } from "./payout-method.schema";
import { addPayoutMethod, listPayoutMethods, removePayoutMethod } from "./payout-methods";

/** The caller's saved bank accounts for withdrawals. */
export const payoutMethodsRouter = {
  list: customerProcedure.query(({ ctx }) => listPayoutMethods(ctx.db, ctx.session.customerId)),
  /** Needs a recent re-authentication (401 REAUTH_REQUIRED) and approved KYC; the holder must be the customer. */
  add: customerProcedure.input(addPayoutMethodInput).mutation(({ ctx, input }) => addPayoutMethod(ctx, ctx.session, input, ctx.request)),
  remove: customerProcedure
    .input(payoutMethodIdInput)
    .mutation(({ ctx, input }) => removePayoutMethod(ctx, ctx.session, input.payoutMethodId, ctx.request)),
} satisfies TRPCRouterRecord;
