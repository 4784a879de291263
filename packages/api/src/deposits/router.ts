import type { TRPCRouterRecord } from "@trpc/server";
import { findOwnAccount } from "../accounts/own-account";
import { customerProcedure } from "../trpc";
import { createDeposit } from "./create-deposit";
import { readDeposit } from "./read-deposit";
import { depositSelect, depositView } from "./deposit-view";
import { createDepositInput, depositIdInput, listDepositsInput } from "./deposit.schema";

/** Money in through the payment provider's hosted page, credited once when the provider confirms. */
export const depositsRouter = {
  /** Starts a deposit and answers the provider's page to pay on (`paymentPageUrl`). */
  create: customerProcedure
    .input(createDepositInput)
    .mutation(({ ctx, input }) => createDeposit(ctx, { customerId: ctx.session.customerId, ...input }, ctx.request)),
  /** One deposit, brought up to date with the provider while it is open. */
  get: customerProcedure.input(depositIdInput).query(({ ctx, input }) => readDeposit(ctx, ctx.session.customerId, input.depositId)),
  list: customerProcedure.input(listDepositsInput).query(async ({ ctx, input }) => {
    if (input.accountId) await findOwnAccount(ctx.db, ctx.session.customerId, input.accountId);
    const rows = await ctx.db.deposit.findMany({
      where: { customerId: ctx.session.customerId, ...(input.accountId ? { accountId: input.accountId } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit,
      select: depositSelect,
    });
    return rows.map(depositView);
  }),
} satisfies TRPCRouterRecord;
