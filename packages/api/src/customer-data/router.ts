import type { TRPCRouterRecord } from "@trpc/server";
import { customerProcedure } from "../trpc";
import { closeRelationship } from "./close-relationship";
import { exportCustomerData } from "./export-data";
import { closeRelationshipInput } from "./schemas";

/** The customer's own data: take it out (export) and leave (close the relationship). */
export const customerDataRouter = {
  export: customerProcedure.query(({ ctx }) => exportCustomerData(ctx, ctx.session.customerId)),

  close: customerProcedure
    .input(closeRelationshipInput)
    .mutation(({ ctx }) => closeRelationship(ctx, ctx.session, ctx.request)),
} satisfies TRPCRouterRecord;
