import type { TRPCRouterRecord } from "@trpc/server";
import { customerProcedure } from "../trpc";
import { exportHistoryCsv } from "./history-csv";
import { listHistory } from "./list-history";
import { exportHistoryInput, listHistoryInput } from "./schemas";

/** The signed-in customer's money history: every movement of every own account (issue #13). */
export const historyRouter = {
  /** Newest first, filtered, keyset-paged (`nextCursor`). */
  list: customerProcedure
    .input(listHistoryInput)
    .query(({ ctx, input }) => listHistory(ctx.db, ctx.session.customerId, input)),

  /** The same filters as a CSV file (the portal serves it at /money/history/export.csv). */
  exportCsv: customerProcedure
    .input(exportHistoryInput)
    .query(({ ctx, input }) => exportHistoryCsv(ctx, ctx.session.customerId, input)),
} satisfies TRPCRouterRecord;
