import type { TRPCRouterRecord } from "@trpc/server";
import { customerProcedure } from "../trpc";
import { getCustomerKycView } from "./customer-kyc-view";
import { submitKycInput } from "./submit.schema";
import { submitKyc } from "./submit-kyc";

/** The customer's side of KYC: where they stand, and sending data and documents. */
export const kycRouter = {
  state: customerProcedure.query(({ ctx }) => getCustomerKycView(ctx.db, ctx.session.customerId)),

  submit: customerProcedure
    .input(submitKycInput)
    .mutation(({ ctx, input }) => submitKyc(ctx, { ...input, customerId: ctx.session.customerId }, ctx.request)),
} satisfies TRPCRouterRecord;
