import type { TRPCRouterRecord } from "@trpc/server";
import { customerProcedure } from "../trpc";
import { getQuestionnaireForCustomer, submitAppropriateness } from "./appropriateness";
import { acceptTermsInput, submitAppropriatenessInput } from "./schemas";
import { getComplianceStatus } from "./status";
import { acceptTerms, getTermsForCustomer } from "./terms";

/** Retail-client compliance (issue 17): what stands before a REAL account, and doing it. */
export const complianceRouter = {
  status: customerProcedure.query(({ ctx }) => getComplianceStatus(ctx, ctx.session.customerId)),

  terms: customerProcedure.query(({ ctx }) => getTermsForCustomer(ctx, ctx.session.customerId)),

  acceptTerms: customerProcedure
    .input(acceptTermsInput)
    .mutation(({ ctx, input }) => acceptTerms(ctx, ctx.session.customerId, input, ctx.request)),

  questionnaire: customerProcedure.query(({ ctx }) => getQuestionnaireForCustomer(ctx, ctx.session.customerId)),

  submitAppropriateness: customerProcedure
    .input(submitAppropriatenessInput)
    .mutation(({ ctx, input }) => submitAppropriateness(ctx, ctx.session.customerId, input, ctx.request)),
} satisfies TRPCRouterRecord;
