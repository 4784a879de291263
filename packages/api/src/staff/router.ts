import type { TRPCRouterRecord } from "@trpc/server";
import { staffProcedure } from "../trpc";
import { adjustBalanceInput, setCustomerStatusInput } from "./schemas";
import { adjustBalance } from "./balance-adjustment";
import { setCustomerStatus } from "./customer-status";

/** Back-office operations on customers; customers get 403 FORBIDDEN here. */
export const staffRouter = {
  /** Disable (1) or re-enable (0) a customer; disabling ends every session at once. */
  setCustomerStatus: staffProcedure
    .requires("customers:manage")
    .input(setCustomerStatusInput)
    .mutation(({ ctx, input }) => setCustomerStatus(ctx, { staffId: ctx.staff.staffId, ...input }, ctx.request)),

  /** Credit or debit a customer's account with a comment (how real money enters until payments exist). */
  adjustBalance: staffProcedure
    .requires("money:adjust:request")
    .input(adjustBalanceInput)
    .mutation(({ ctx, input }) => adjustBalance(ctx, { staffId: ctx.staff.staffId, ...input }, ctx.request)),
} satisfies TRPCRouterRecord;
