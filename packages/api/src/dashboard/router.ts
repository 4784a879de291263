import type { TRPCRouterRecord } from "@trpc/server";
import { customerProcedure } from "../trpc";
import { dashboardSummary } from "./summary";

/** The signed-in customer's overview (issue #13). */
export const dashboardRouter = {
  /** Total of REAL accounts and wallets in the preferred currency, subtotals, DEMO apart, the latest 5 movements. */
  summary: customerProcedure.query(({ ctx }) => dashboardSummary(ctx, ctx.session.customerId)),
} satisfies TRPCRouterRecord;
