import type { TRPCRouterRecord } from "@trpc/server";
import { env } from "../env";
import { staffProcedure } from "../trpc";
import { adjustBalanceInput, adjustmentRequestsInput, approveAdjustmentInput, rejectAdjustmentInput, setCustomerStatusInput } from "./schemas";
import { adjustBalance } from "./balance-adjustment";
import { approveAdjustment, listAdjustmentRequests, rejectAdjustment } from "./adjustment-decisions";
import { setCustomerStatus } from "./customer-status";

/** Back-office operations on customers; customers get 403 FORBIDDEN here. */
export const staffRouter = {
  /** Disable (1) or re-enable (0) a customer; disabling ends every session at once. */
  setCustomerStatus: staffProcedure
    .requires("customers:manage")
    .input(setCustomerStatusInput)
    .mutation(({ ctx, input }) => setCustomerStatus(ctx, { staffId: ctx.staff.staffId, ...input }, ctx.request)),

  /**
   * Request to credit or debit a customer's account: applied at once up to the currency's
   * threshold (ADJUSTMENT_APPROVAL_THRESHOLDS), PENDING a second staff member above it.
   */
  adjustBalance: staffProcedure
    .requires("money:adjust:request")
    .input(adjustBalanceInput)
    .mutation(({ ctx, input }) =>
      adjustBalance({ ...ctx, thresholds: env.adjustmentThresholds }, { staffId: ctx.staff.staffId, ...input }, ctx.request),
    ),

  /** Adjustment requests by status with maker, checker and times. */
  adjustmentRequests: staffProcedure
    .requires("money:adjust:request")
    .input(adjustmentRequestsInput)
    .query(({ ctx, input }) => listAdjustmentRequests(ctx.db, input)),

  /** The second pair of eyes: never the maker, never on one's own customer account. */
  approveAdjustment: staffProcedure
    .requires("money:adjust:approve")
    .input(approveAdjustmentInput)
    .mutation(({ ctx, input }) => approveAdjustment(ctx, { staffId: ctx.staff.staffId, ...input }, ctx.request)),

  rejectAdjustment: staffProcedure
    .requires("money:adjust:approve")
    .input(rejectAdjustmentInput)
    .mutation(({ ctx, input }) => rejectAdjustment(ctx, { staffId: ctx.staff.staffId, ...input }, ctx.request)),
} satisfies TRPCRouterRecord;
