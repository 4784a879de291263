import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { staffProcedure } from "../trpc";
import { approveWithdrawal, listWithdrawalsForStaff, rejectWithdrawal } from "./staff-withdrawals";

const withdrawalId = z.uuid();

/** The FINANCE queue of withdrawals (ADMIN too): approve pays out, reject gives the hold back. */
export const staffWithdrawalsRouter = {
  list: staffProcedure
    .requires("money:withdrawals:approve")
    .input(
      z.strictObject({
        status: z.enum(["PENDING", "APPROVED", "PAYING", "PAID", "RELEASING", "REJECTED", "CANCELED", "FAILED"]).default("PENDING"),
        page: z.number().int().min(1).max(10_000).default(1),
        pageSize: z.number().int().min(1).max(100).default(25),
      }),
    )
    .query(({ ctx, input }) => listWithdrawalsForStaff(ctx.db, input)),
  approve: staffProcedure
    .requires("money:withdrawals:approve")
    .input(z.strictObject({ withdrawalId }))
    .mutation(({ ctx, input }) => approveWithdrawal(ctx, { staffId: ctx.staff.staffId, ...input }, ctx.request)),
  reject: staffProcedure
    .requires("money:withdrawals:approve")
    .input(z.strictObject({ withdrawalId, reason: z.string().trim().min(3).max(500) }))
    .mutation(({ ctx, input }) => rejectWithdrawal(ctx, { staffId: ctx.staff.staffId, ...input }, ctx.request)),
} satisfies TRPCRouterRecord;
