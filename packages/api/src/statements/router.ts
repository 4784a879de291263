import type { TRPCRouterRecord } from "@trpc/server";
import { customerProcedure } from "../trpc";
import { getStatement, getStatementFile, listStatementMonths } from "./generate-statement";
import { listStatementsInput, statementFileInput, statementInput } from "./schemas";

/** Monthly statements of the caller's REAL accounts and wallets (issue 17). */
export const statementsRouter = {
  /** Per account, the months a statement can be asked for (newest first) and which are made. */
  list: customerProcedure
    .input(listStatementsInput)
    .query(({ ctx, input }) => listStatementMonths(ctx, ctx.session.customerId, input)),

  /** The statement's figures: made on the first request (throttled), kept and answered as made after. */
  generate: customerProcedure
    .input(statementInput)
    .mutation(({ ctx, input }) => getStatement(ctx, ctx.session.customerId, input)),

  /** The kept PDF or CSV (made first when needed); the portal serves it at /money/statements/<id>/<YYYY-MM>.pdf|csv. */
  file: customerProcedure
    .input(statementFileInput)
    .query(({ ctx, input }) => getStatementFile(ctx, ctx.session.customerId, input)),
} satisfies TRPCRouterRecord;
