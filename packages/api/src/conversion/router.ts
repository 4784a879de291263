import type { TRPCRouterRecord } from "@trpc/server";
import { customerProcedure } from "../trpc";
import { acceptQuote } from "./accept-quote";
import { createQuote } from "./create-quote";
import { acceptInput, quoteInput } from "./schemas";

// Conversion between the caller's own wallets of different currencies (issue #13). Both
// procedures act only on the caller's own wallets and quotes (404 otherwise).
export const conversionRouter = {
  /** A quote valid for 30 s: rate, spread, amounts (rounding stated). Moves no money. */
  quote: customerProcedure
    .input(quoteInput)
    .mutation(({ ctx, input }) => createQuote(ctx, { customerId: ctx.session.customerId, ...input })),

  /** Accepts a quote once: both legs exactly once; a repeat answers the same result. */
  accept: customerProcedure
    .input(acceptInput)
    .mutation(({ ctx, input }) => acceptQuote(ctx, { customerId: ctx.session.customerId, quoteId: input.quoteId }, ctx.request)),
} satisfies TRPCRouterRecord;
