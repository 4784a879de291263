import type { TRPCRouterRecord } from "@trpc/server";
import { listOpenableGroups } from "../../accounts/account-groups";
import { openAccount } from "../../accounts/open-account";
import { customerProcedure } from "../../trpc";
import { openAccountInput } from "./open.schema";

export const accountsRouter = {
  /** GetCustomerAccountGroups. */
  groups: customerProcedure.query(({ ctx }) => listOpenableGroups(ctx.db, ctx.session.customerId)),

  /** OpenCustomerAccount. */
  open: customerProcedure
    .input(openAccountInput)
    .mutation(({ ctx, input }) => openAccount(ctx, { customerId: ctx.session.customerId, ...input }, ctx.request)),
} satisfies TRPCRouterRecord;
